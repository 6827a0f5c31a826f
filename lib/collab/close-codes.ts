/**
 * WebSocket close codes of the collaboration endpoint `/collab/<sectionId>`, in one table
 * (RFC 6455 §7.4.1 for 1xxx; 4000–4999 are reserved for applications, §7.4.2, and Hegao's
 * mirror the HTTP status they correspond to, as Hocuspocus does with 4401/4403). The README's
 * "Collaboration close codes" section lists the same table; clients decide from the code
 * whether to reconnect.
 */
export const CLOSE_CODES = {
  /** The server is shutting down or the room was unloaded: reconnect. */
  goingAway: 1001,
  /** A text frame: only binary frames are spoken. */
  unsupportedData: 1003,
  /** A frame that does not decode as the y-websocket protocol. */
  malformed: 1007,
  /** A frame larger than the socket's maxPayload (ws closes with this itself). */
  tooLarge: 1009,
  /** The server failed (e.g. the section could not be loaded): reconnect later. */
  internal: 1011,
  /** The sign-in session ended (JWT expired or signed out): sign in again, do not reconnect. */
  sessionEnded: 4401,
  /** Access revoked: account disabled, role/department changed, or section reassigned away. */
  accessRevoked: 4403,
  /** The section was deleted: its room is closed and never written again. */
  sectionDeleted: 4404,
  /**
   * The section's stored text was replaced (an admin restored it): the client must discard its
   * local copy and load the server's afresh, or its old copy would be refused forever.
   */
  sectionRestored: 4410,
  /** An update that would make the section larger than its cap. */
  updateTooLarge: 4413,
  /** An update that does not conform to the section's schema (unknown node, nesting, type). */
  invalidUpdate: 4422,
  /** Too many connections for the account or address, or too many frames per second. */
  tooManyConnections: 4429,
} as const;

export type CloseCode = (typeof CLOSE_CODES)[keyof typeof CLOSE_CODES];

/**
 * Codes after which a client must not reconnect with the copy it has (the user has to act, or,
 * for 4410 / 4413 / 4422, the client discards its local copy and starts from the server's).
 */
export const FINAL_CLOSE_CODES: readonly number[] = [
  CLOSE_CODES.sessionEnded,
  CLOSE_CODES.accessRevoked,
  CLOSE_CODES.sectionDeleted,
  CLOSE_CODES.sectionRestored,
  CLOSE_CODES.updateTooLarge,
  CLOSE_CODES.invalidUpdate,
  CLOSE_CODES.tooManyConnections,
];

/** Chinese explanation of a close code for the editor's status line. */
export function closeCodeMessage(code: number): string | null {
  switch (code) {
    case CLOSE_CODES.sessionEnded:
      return "登录已过期，请重新登录";
    case CLOSE_CODES.accessRevoked:
      return "您对本章节的编辑权限已被收回";
    case CLOSE_CODES.sectionDeleted:
      return "本章节已被删除";
    case CLOSE_CODES.sectionRestored:
      return "管理员已将本章节恢复到较早的可读版本，已重新载入服务器上的正文";
    case CLOSE_CODES.updateTooLarge:
      return "修改内容过大，未被保存";
    case CLOSE_CODES.invalidUpdate:
      return "修改内容格式无效，未被保存";
    case CLOSE_CODES.tooManyConnections:
      return "同一账号打开的连接过多，请关闭多余的页面后刷新";
    default:
      return null;
  }
}
