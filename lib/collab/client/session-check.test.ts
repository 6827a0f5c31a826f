import { describe, expect, it } from "vitest";
import { sessionEnded } from "./session-check";

const answer = (status: number, body: unknown) => (async () => new Response(JSON.stringify(body), { status })) as unknown as typeof fetch;

describe("sessionEnded", () => {
  it("is true when next-auth answers with no user", async () => {
    expect(await sessionEnded(answer(200, {}))).toBe(true);
  });
  it("is false while signed in", async () => {
    expect(await sessionEnded(answer(200, { user: { id: "u" } }))).toBe(false);
  });
  it("is false when the server cannot be reached or fails: that is a connection problem", async () => {
    expect(await sessionEnded((async () => { throw new TypeError("fetch failed"); }) as unknown as typeof fetch)).toBe(false);
    expect(await sessionEnded(answer(502, {}))).toBe(false);
  });
});
