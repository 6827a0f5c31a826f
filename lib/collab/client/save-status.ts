/**
 * The status line's save state, from what the provider and the server said (pure, no React):
 * - 离线 when the socket is not connected (edits stay in the browser's IndexedDB);
 * - 只读 when the server says this connection may not write;
 * - 修改未被接受 once the server refused a document-write message (message 102): whatever else
 *   it acknowledged, this copy holds edits the section does not have;
 * - 已保存 only when the server has acknowledged every document-write message this socket
 *   sent, including its answer to the server's sync step 1 (so offline edits sent on
 *   reconnect are covered), and refused none;
 * - otherwise 保存中….
 */
export type SaveStatus = "connecting" | "offline" | "readonly" | "saving" | "saved" | "refused";

export interface SaveFacts {
  connected: boolean;
  /** The provider has received the server's document on this socket. */
  synced: boolean;
  /** The server's last word on this connection (null: not yet told). */
  writable: boolean | null;
  /** Ever connected since the page opened (distinguishes 连接中 from 离线). */
  everConnected: boolean;
  sent: number;
  saved: number;
  /** Document-write messages the server refused (message 102) since this copy was loaded. */
  refused: number;
}

/** The status for `facts`. */
export function saveStatus(f: SaveFacts): SaveStatus {
  if (f.refused > 0) return "refused";
  if (!f.connected) return f.everConnected ? "offline" : "connecting";
  if (!f.synced || f.writable === null) return "connecting";
  if (!f.writable) return "readonly";
  return f.sent >= 1 && f.saved >= f.sent ? "saved" : "saving";
}

export const SAVE_STATUS_LABELS: Record<SaveStatus, string> = {
  connecting: "连接中…",
  offline: "离线 — 修改已保存在本机，恢复连接后自动同步",
  readonly: "只读",
  saving: "保存中…",
  saved: "已保存",
  refused: "修改未被接受",
};
