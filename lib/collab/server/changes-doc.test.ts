import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { textToYjsUpdate } from "@/lib/collab/content";
import { YJS_FIELD } from "@/lib/editor/extensions";
import { wouldChangeDoc } from "./changes-doc";

/** A server doc and a client that synced with it. */
function pair(text = "原有内容") {
  const server = new Y.Doc();
  Y.applyUpdate(server, textToYjsUpdate(text));
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  return { server, client };
}

/** What the client answers to the server's sync step 1. */
const step2 = (client: Y.Doc, server: Y.Doc) => Y.decodeUpdate(Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)));

describe("wouldChangeDoc", () => {
  it("is false for a synced client's answer to sync step 1, deletions included", () => {
    const { server, client } = pair();
    const frag = client.getXmlFragment(YJS_FIELD);
    frag.insert(1, [new Y.XmlElement("paragraph")]);
    frag.delete(1, 1); // deleted on the client, then sent and applied on the server
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)));
    const answer = step2(client, server);
    expect(answer.ds.clients.size).toBeGreaterThan(0);
    expect(wouldChangeDoc(server, answer)).toBe(false);
  });

  it("is true when the client typed something the server lacks", () => {
    const { server, client } = pair();
    const p = new Y.XmlElement("paragraph");
    p.insert(0, [new Y.XmlText("离线时写的")]);
    client.getXmlFragment(YJS_FIELD).insert(0, [p]);
    expect(wouldChangeDoc(server, step2(client, server))).toBe(true);
  });

  it("is true for a delete-all of text the server has not deleted", () => {
    const { server, client } = pair();
    const frag = client.getXmlFragment(YJS_FIELD);
    frag.delete(0, frag.length);
    expect(wouldChangeDoc(server, step2(client, server))).toBe(true);
  });

  it("is false for an empty update", () => {
    const { server } = pair();
    expect(wouldChangeDoc(server, Y.decodeUpdate(Y.encodeStateAsUpdate(new Y.Doc())))).toBe(false);
  });
});
