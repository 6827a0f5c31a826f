/**
 * A gate on a page's collaboration sockets (Playwright's routeWebSocket): frames pass through
 * unchanged, except that the test can hold what the page sends (a slow network: the frames
 * reach the server later, in order) or take the page offline (its sockets close and every
 * reconnect is closed at once, so the page shows 离线 and keeps editing its local copy).
 */
import type { Page, WebSocketRoute } from "@playwright/test";

export interface CollabGate {
  /** Frames the page sends are kept back from now on. */
  hold(): void;
  /** Sends the kept-back frames in order and lets new ones through. */
  release(): void;
  /** Closes the page's sockets and refuses reconnects until `online()`. */
  offline(): Promise<void>;
  online(): void;
}

const safeClose = (ws: WebSocketRoute, code?: number, reason?: string) =>
  ws.close({ code: code && code >= 1000 && code !== 1005 && code !== 1006 ? code : 1000, reason }).catch(() => {});

/** Installs the gate on `page`; call before the page opens the section. */
export async function gateCollab(page: Page): Promise<CollabGate> {
  let holding = false;
  let isOnline = true;
  let held: (() => void)[] = [];
  const open = new Set<{ page: WebSocketRoute; server: WebSocketRoute }>();
  await page.routeWebSocket(/\/collab\//, (ws) => {
    if (!isOnline) {
      void safeClose(ws, 1001, "offline");
      return;
    }
    const server = ws.connectToServer();
    const pair = { page: ws, server };
    open.add(pair);
    const send = (m: string | Buffer) => {
      try {
        server.send(m);
      } catch {
        /* the socket closed meanwhile */
      }
    };
    ws.onMessage((m) => (holding ? held.push(() => send(m)) : send(m)));
    server.onMessage((m) => ws.send(m));
    ws.onClose((code, reason) => {
      open.delete(pair);
      void safeClose(server, code, reason);
    });
    server.onClose((code, reason) => {
      open.delete(pair);
      void safeClose(ws, code, reason);
    });
  });
  return {
    hold: () => void (holding = true),
    release: () => {
      holding = false;
      const queued = held;
      held = [];
      queued.forEach((send) => send());
    },
    offline: async () => {
      isOnline = false;
      for (const p of [...open]) {
        open.delete(p);
        await safeClose(p.server, 1000);
        await safeClose(p.page, 1001, "offline");
      }
    },
    online: () => void (isOnline = true),
  };
}
