import { describe, expect, it } from "vitest";
import { b64, parseWire, unb64 } from "./wire";

describe("fan-out wire messages", () => {
  it("reads a committed update with its row ids and binary intact", () => {
    const u = new Uint8Array([0, 1, 2, 250, 255]);
    const msg = parseWire(JSON.stringify({ t: "u", i: "a1", s: "sec", id: 12, prev: 10, u: b64(u) }));
    expect(msg).toMatchObject({ t: "u", id: 12, prev: 10 });
    expect([...unb64((msg as { u: string }).u)]).toEqual([...u]);
  });

  it("drops what is not one of its messages: bad JSON, unknown type, missing or negative ids, a bus event of an unknown kind", () => {
    expect(parseWire("{not json")).toBeNull();
    expect(parseWire(JSON.stringify({ t: "zz", i: "a" }))).toBeNull();
    expect(parseWire(JSON.stringify({ t: "u", i: "a", s: "sec", id: 3, u: "" }))).toBeNull();
    expect(parseWire(JSON.stringify({ t: "c", i: "a", s: "sec", id: -1, prev: 0 }))).toBeNull();
    expect(parseWire(JSON.stringify({ t: "bus", i: "a", k: "delete-everything", p: {} }))).toBeNull();
  });
});
