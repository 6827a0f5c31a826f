import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, inArray } from "drizzle-orm";
import type { Db, DbHandle } from "@/db/client";
import { testDbTargets } from "@/db/test-db";
import { comments, reports, users, type ChainStageJson } from "@/db/schema";
import { DEMO_CHAIN } from "@/lib/demo/demo-data";
import { seedDemo } from "@/lib/demo/seed-demo";
import { approveSection, requestChanges, submitSection } from "@/lib/review/commands";
import { principal, sectionByTitle, writeText } from "@/lib/review/test-helpers";
import type { NotificationEvent, NotificationKind } from "./kinds";
import { resolveRecipients } from "./recipients";

describe.each(testDbTargets())("notification recipients on $name", (target) => {
  let h: DbHandle;
  let db: Db;
  let reportId: string;
  const names = async (ids: string[]) =>
    ids.length ? (await db.select({ u: users.username }).from(users).where(inArray(users.id, ids))).map((r) => r.u).sort() : [];
  const who = async (kind: NotificationKind, extra: Partial<NotificationEvent> = {}) =>
    names(await db.transaction((tx) => resolveRecipients(tx, { kind, reportId, title: "t", ...extra })));
  const id = async (username: string) => (await principal(db, username)).id;

  beforeAll(async () => {
    h = await target.open();
    db = h.db;
    await seedDemo(db);
    const [r] = await db.select().from(reports);
    reportId = r.id;
    // The demo's three-stage chain: 部门负责人 → 党办 → 分管领导会签.
    await db.update(reports).set({ reviewChain: DEMO_CHAIN.stages as unknown as ChainStageJson[] }).where(eq(reports.id, reportId));
  });
  afterAll(() => h?.close());

  it("sends a submitted section to the approvers of the stage it waits at, stage by stage", async () => {
    const s = await sectionByTitle(db, "夯实基层基础"); // 党群工作部
    await writeText(db, s.id, "上半年发展党员5名。");
    expect(await who("stage_reached", { sectionId: s.id })).toEqual([]); // a draft waits for nobody
    const sub = await submitSection(db, { sectionId: s.id, version: s.version, actor: await principal(db, "dqb1") });
    expect(await who("section_submitted", { sectionId: s.id })).toEqual(["dqblead"]);
    await approveSection(db, { sectionId: s.id, version: sub.version, actor: await principal(db, "dqblead") });
    // 党办审核: reviewers and admins of 党委办公室, not its editors.
    expect(await who("stage_reached", { sectionId: s.id })).toEqual(["admin", "reviewer"]);
    // A 转交 names the delegate: only they hear of it.
    expect(await who("stage_reached", { sectionId: s.id, userIds: [await id("leader1")] })).toEqual(["leader1"]);
  });

  it("sends approvals, advances and returns to the section's department editors, lead included, never disabled ones", async () => {
    const s = await sectionByTitle(db, "严明纪律规矩"); // 纪检监察室
    for (const kind of ["section_approved", "stage_advanced", "section_returned"] as const) {
      expect(await who(kind, { sectionId: s.id })).toEqual(["jjs1", "jjs2", "jjslead"]);
    }
    await db.update(users).set({ disabled: true }).where(eq(users.username, "jjs2"));
    try {
      expect(await who("section_returned", { sectionId: s.id })).toEqual(["jjs1", "jjslead"]);
      // Even when named explicitly.
      expect(await who("mention", { sectionId: s.id, userIds: [await id("jjs2"), await id("jjs1")] })).toEqual(["jjs1"]);
    } finally {
      await db.update(users).set({ disabled: false }).where(eq(users.username, "jjs2"));
    }
  });

  it("sends a comment to the other side", async () => {
    const s = await sectionByTitle(db, "夯实基层基础"); // in review at 党办审核 (first test)
    const reviewerComment = { sectionId: s.id, actorId: await id("leader2") };
    expect(await who("comment_added", reviewerComment)).toEqual(["dqb1", "dqb2", "dqblead"]);
    await db.insert(comments).values({ sectionId: s.id, authorId: await id("leader2"), body: "请补充数据" });
    await db.insert(comments).values({ sectionId: s.id, authorId: await id("dqb2"), body: "已补充" });
    // From the department's editor: the stage's approvers and the reviewers who commented.
    expect(await who("comment_added", { sectionId: s.id, actorId: await id("dqb1") })).toEqual(["admin", "leader2", "reviewer"]);
    // An editor of another department is "anyone else".
    expect(await who("comment_added", { sectionId: s.id, actorId: await id("gh1") })).toEqual(["dqb1", "dqb2", "dqblead"]);
  });

  it("sends replies and @mentions only to the accounts named", async () => {
    const s = await sectionByTitle(db, "夯实基层基础");
    expect(await who("comment_reply", { sectionId: s.id })).toEqual([]);
    expect(await who("comment_reply", { sectionId: s.id, userIds: [await id("leader2")] })).toEqual(["leader2"]);
    expect(await who("mention", { sectionId: s.id, userIds: [await id("reviewer"), await id("reviewer")] })).toEqual(["reviewer"]);
  });

  it("sends reminders and 催报 to the department's editors and its lead, whatever the lead's role", async () => {
    const s = await sectionByTitle(db, "凝聚职工力量"); // 工会
    expect(await who("due_soon", { sectionId: s.id })).toEqual(["gh1", "gh2", "ghlead"]);
    const [dwb] = await db.select({ d: users.departmentId }).from(users).where(eq(users.username, "dwb1"));
    await db.update(users).set({ isDepartmentLead: true }).where(eq(users.username, "reviewer"));
    try {
      // departmentId from the event (a 催报 of a whole department); the reviewer leads it.
      expect(await who("chase", { departmentId: dwb.d })).toEqual(["dwb1", "dwb2", "dwblead", "reviewer"]);
      expect(await who("overdue", { departmentId: dwb.d, sectionId: s.id })).toEqual(["dwb1", "dwb2", "dwblead", "reviewer"]);
    } finally {
      await db.update(users).set({ isDepartmentLead: false }).where(eq(users.username, "reviewer"));
    }
    expect(await who("chase", {})).toEqual([]); // no department: nobody
  });

  it("sends finalize and reopen to everyone involved in the report", async () => {
    const s = await sectionByTitle(db, "严明纪律规矩");
    const sub = await submitSection(db, { sectionId: s.id, version: s.version, actor: await principal(db, "jjs1") });
    await requestChanges(db, { sectionId: s.id, version: sub.version, actor: await principal(db, "jjslead"), comment: "请修改" });
    expect(await who("report_finalized")).not.toContain("reviewer"); // a reviewer who never acted
    const hj = await sectionByTitle(db, "夯实基层基础");
    await approveSection(db, { sectionId: hj.id, version: hj.version, actor: await principal(db, "reviewer") });
    const got = await who("report_finalized");
    // Editors of departments with sections (not 公司领导, which has none), actors, admins.
    expect(got).toContain("admin");
    expect(got).toContain("dwb1");
    expect(got).toContain("aqhblead");
    expect(got).not.toContain("leader1"); // never acted
    expect(got).toContain("reviewer"); // acted now
    expect(await who("report_reopened")).toEqual(got);
  });
});
