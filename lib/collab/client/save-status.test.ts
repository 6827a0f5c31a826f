import { describe, expect, it } from "vitest";
import { saveStatus, type SaveFacts } from "./save-status";

const base: SaveFacts = { connected: true, synced: true, writable: true, everConnected: true, sent: 3, saved: 3, refused: 0 };

describe("save status", () => {
  it("is 已保存 only when every message sent on this socket is acknowledged", () => {
    expect(saveStatus(base)).toBe("saved");
    expect(saveStatus({ ...base, saved: 2 })).toBe("saving");
  });
  it("never says 已保存 once the server refused a message, even when later ones were settled", () => {
    expect(saveStatus({ ...base, refused: 1 })).toBe("refused");
    expect(saveStatus({ ...base, refused: 1, saved: 5, sent: 5 })).toBe("refused");
    expect(saveStatus({ ...base, refused: 1, connected: false })).toBe("refused");
  });
  it("waits for the answer to the server's sync step 1 before claiming saved", () => {
    expect(saveStatus({ ...base, sent: 0, saved: 0 })).toBe("saving");
  });
  it("is 离线 after a drop, 连接中 before the first connection, 只读 when the server says so", () => {
    expect(saveStatus({ ...base, connected: false })).toBe("offline");
    expect(saveStatus({ ...base, connected: false, everConnected: false })).toBe("connecting");
    expect(saveStatus({ ...base, writable: false })).toBe("readonly");
    expect(saveStatus({ ...base, writable: null })).toBe("connecting");
  });
});
