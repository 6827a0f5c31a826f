import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { eq } from "drizzle-orm";
import type { DbHandle } from "@/db/client";
import { testDbTargets } from "@/db/test-db";
import { sections } from "@/db/schema";
import { docToContent } from "@/lib/collab/content";
import { loadSectionDoc } from "@/lib/collab/section-doc";
import { seedDemo } from "@/lib/demo/seed-demo";
import {
  connectClient, demoFixture, sleep, startCollabTestServer, typeText, waitFor, type CollabTestServer, type SocketClient,
} from "@/lib/collab/server/test-helpers";
import { requestChanges, submitSection } from "./commands";
import { listReviewEvents } from "./history";
import { restoreVersion } from "./restore-version";
import { principal, reload, writeText } from "./test-helpers";
import { latestVersion } from "./versions";

const SECRET = "test-secret-restore-0123456789";

describe.each(testDbTargets())("恢复历史版本 on $name", (target) => {
  let h: DbHandle;
  let fx: Awaited<ReturnType<typeof demoFixture>>;
  let server: CollabTestServer;
  const open: SocketClient[] = [];
  beforeAll(async () => {
    h = await target.open();
    await seedDemo(h.db);
    fx = await demoFixture(h.db);
    server = await startCollabTestServer(h.db, SECRET, { unloadAfterMs: 60_000 });
  });
  afterEach(() => { for (const c of open.splice(0)) c.ws.terminate(); });
  afterAll(async () => {
    await server?.close();
    await h?.close();
  });

  /** What the browser behind `c` shows: what it typed itself (`own`) plus what the server sent. */
  const clientText = (c: SocketClient, own?: Y.Doc) => {
    const doc = new Y.Doc();
    if (own) Y.applyUpdate(doc, Y.encodeStateAsUpdate(own));
    c.seen.applyTo(doc);
    return docToContent(doc).text;
  };
  const storedText = async () => docToContent(await loadSectionDoc(h.db, fx.section.id)).text;

  it("brings 提交稿 1 back as a live edit: both open editors see it, stay connected, and it is stored and audited", async () => {
    const id = fx.section.id;
    await writeText(h.db, id, "第一稿：上半年发展党员5名。");
    const sub = await submitSection(h.db, { sectionId: id, version: (await reload(h.db, id)).version, actor: await principal(h.db, "dqb1") });
    const v1 = (await latestVersion(h.db, id, "submitted"))!;
    await requestChanges(h.db, { sectionId: id, version: sub.version, comment: "数据需核实", actor: await principal(h.db, "reviewer") });

    const a = await connectClient(server.origin, SECRET, fx.dqb1.id, id);
    const b = await connectClient(server.origin, SECRET, fx.dqb2.id, id);
    open.push(a, b);
    const aDoc = new Y.Doc();
    const bDoc = new Y.Doc();
    await waitFor(2000, () => clientText(a) === "第一稿：上半年发展党员5名。", "a has the text");
    a.seen.applyTo(aDoc); // a types into the document it was served
    a.ws.send(typeText(aDoc, "退回后改写的一段"));
    await waitFor(2000, () => clientText(b) === "退回后改写的一段\n第一稿：上半年发展党员5名。", "b sees a's edit");

    const r = await restoreVersion(h.db, { sectionId: id, versionId: v1.id, actor: await principal(h.db, "dqb2") });
    expect(r.label).toBe("提交稿 1");
    await waitFor(2000, () => clientText(a, aDoc) === "第一稿：上半年发展党员5名。" && clientText(b) === "第一稿：上半年发展党员5名。", "both see the restore");
    await sleep(100);
    expect([a.closeCode, b.closeCode]).toEqual([null, null]); // an edit, not a reload
    expect(await storedText()).toBe("第一稿：上半年发展党员5名。");
    const [last] = await listReviewEvents(h.db, id);
    expect(last).toMatchObject({ event: "restore", actorUsername: "dqb2", versionId: v1.id, fromState: "changes_requested", toState: "changes_requested", comment: "恢复为提交稿 1" });
    expect((await reload(h.db, id)).state).toBe("changes_requested");

    // Typing goes on after the restore, from the restored text.
    b.seen.applyTo(bDoc);
    b.ws.send(typeText(bDoc, "恢复后补充"));
    await waitFor(2000, () => clientText(a, aDoc) === "恢复后补充\n第一稿：上半年发展党员5名。", "a sees b's next edit");
  });

  it("refuses other departments' editors and reviewers, and locked sections; admins may restore", async () => {
    const id = fx.section.id;
    const v1 = (await latestVersion(h.db, id, "submitted"))!;
    await expect(restoreVersion(h.db, { sectionId: id, versionId: v1.id, actor: await principal(h.db, "jjs1") })).rejects.toMatchObject({ code: "forbidden" });
    await expect(restoreVersion(h.db, { sectionId: id, versionId: v1.id, actor: await principal(h.db, "reviewer") })).rejects.toMatchObject({ code: "forbidden" });
    await expect(restoreVersion(h.db, { sectionId: id, versionId: "no-such-version", actor: await principal(h.db, "admin") })).rejects.toMatchObject({ code: "not_found" });
    await h.db.update(sections).set({ state: "in_review" }).where(eq(sections.id, id));
    await expect(restoreVersion(h.db, { sectionId: id, versionId: v1.id, actor: await principal(h.db, "admin") })).rejects.toMatchObject({ code: "refused", message: expect.stringContaining("审核中") });
    await h.db.update(sections).set({ state: "draft" }).where(eq(sections.id, id));
    await writeText(h.db, id, "管理员恢复前的文字");
    await expect(restoreVersion(h.db, { sectionId: id, versionId: v1.id, actor: await principal(h.db, "admin") })).resolves.toMatchObject({ label: "提交稿 1" });
  });
});
