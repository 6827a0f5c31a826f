import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asc, eq } from "drizzle-orm";
import type { Db, DbHandle } from "@/db/client";
import { testDbTargets } from "@/db/test-db";
import { notifications, reports, sections, users, type ChainStageJson } from "@/db/schema";
import { finalizeReport } from "@/lib/assembly/finalize-report";
import { reopenReport } from "@/lib/assembly/reopen-report";
import { approveDirectly, setLiveText, userId } from "@/lib/assembly/test-support";
import { DEMO_CHAIN } from "@/lib/demo/demo-data";
import { seedDemo } from "@/lib/demo/seed-demo";
import { onNotificationsChanged } from "@/lib/notify/live";
import { approveSection, delegateApproval, requestChanges, submitSection } from "./commands";
import { principal, reload, sectionByTitle, writeText } from "./test-helpers";

describe.each(testDbTargets())("notifications of review transitions on $name", (target) => {
  let h: DbHandle;
  let db: Db;
  const seen = new Set<string>();
  /** Notifications written since the last call: "username kind title [body]", sorted. */
  const fresh = async () => {
    const rows = await db
      .select({ n: notifications, u: users.username })
      .from(notifications).innerJoin(users, eq(notifications.userId, users.id))
      .orderBy(asc(notifications.createdAt));
    const news = rows.filter((r) => !seen.has(r.n.id));
    for (const r of news) seen.add(r.n.id);
    return news.map((r) => `${r.u} ${r.n.kind} ${r.n.title}${r.n.body ? ` [${r.n.body}]` : ""}`).sort();
  };
  const as = (u: string) => principal(db, u);

  beforeAll(async () => {
    h = await target.open();
    db = h.db;
    await seedDemo(db);
  });
  afterAll(() => h?.close());

  it("tells the approvers of a submit after commit, and the editors of a return with its comment", async () => {
    const s = await sectionByTitle(db, "严明纪律规矩");
    const heard: string[][] = [];
    const off = onNotificationsChanged((ids) => heard.push(ids));
    const sub = await submitSection(db, { sectionId: s.id, version: s.version, actor: await as("jjs1") });
    off();
    const t = "《（三）严明纪律规矩，正风肃纪久久为功》";
    // Default chain: any reviewer (admins count). The submitter hears nothing.
    expect(await fresh()).toEqual(["admin", "leader1", "leader2", "reviewer"].flatMap((u) => [
      `${u} section_submitted ${t}已提交审核`, `${u} stage_reached ${t}待您审核（审核）`,
    ]).sort());
    expect(heard).toHaveLength(1);
    expect(heard[0].length).toBe(4);
    await requestChanges(db, { sectionId: s.id, version: sub.version, actor: await as("reviewer"), comment: "请补充具体数字" });
    expect(await fresh()).toEqual(["jjs1", "jjs2", "jjslead"].map((u) => `${u} section_returned ${t}被退回修改 [请补充具体数字]`));
    // Approvers are led to the review page, editors to the section.
    const links = await db.select({ kind: notifications.kind, link: notifications.link }).from(notifications).where(eq(notifications.sectionId, s.id));
    expect(links.find((l) => l.kind === "stage_reached")?.link).toBe(`/sections/${s.id}/review`);
    expect(links.find((l) => l.kind === "section_returned")?.link).toBe(`/sections/${s.id}`);
  });

  it("writes nothing and rings no bell when the transition fails", async () => {
    const s = await sectionByTitle(db, "严明纪律规矩"); // changes_requested
    const heard: string[][] = [];
    const off = onNotificationsChanged((ids) => heard.push(ids));
    await expect(submitSection(db, { sectionId: s.id, version: s.version - 1, actor: await as("jjs1") })).rejects.toMatchObject({ code: "conflict" });
    off();
    expect(await fresh()).toEqual([]);
    expect(heard).toEqual([]);
  });

  it("follows a three-stage chain: advances, 会签, 转交, return to the previous stage, final approval", async () => {
    const [r] = await db.select().from(reports);
    await db.update(reports).set({ reviewChain: DEMO_CHAIN.stages as unknown as ChainStageJson[] }).where(eq(reports.id, r.id));
    const s = await sectionByTitle(db, "夯实基层基础");
    const t = "《（二）夯实基层基础，组织建设全面加强》";
    await writeText(db, s.id, "上半年发展党员5名。");
    let v = (await submitSection(db, { sectionId: s.id, version: s.version, actor: await as("dqb1") })).version;
    expect(await fresh()).toEqual([`dqblead section_submitted ${t}已提交审核`, `dqblead stage_reached ${t}待您审核（部门负责人审核）`]);
    v = (await approveSection(db, { sectionId: s.id, version: v, actor: await as("dqblead") })).version;
    const advanced = `${t}已通过「部门负责人审核」，进入「党办审核」`;
    expect(await fresh()).toEqual([
      `admin stage_reached ${t}待您审核（党办审核）`, `dqb1 stage_advanced ${advanced}`, `dqb2 stage_advanced ${advanced}`,
      `reviewer stage_reached ${t}待您审核（党办审核）`,
    ]);
    v = (await delegateApproval(db, { sectionId: s.id, version: v, actor: await as("reviewer"), to: "admin", comment: "我出差" })).version;
    expect(await fresh()).toEqual([`admin stage_reached ${t}转交给您审核（党办审核） [我出差]`]);
    v = (await approveSection(db, { sectionId: s.id, version: v, actor: await as("admin") })).version;
    await fresh();
    v = (await approveSection(db, { sectionId: s.id, version: v, actor: await as("leader1") })).version;
    expect(await fresh()).toEqual([]); // 会签: leader2 has not signed yet
    v = (await requestChanges(db, { sectionId: s.id, version: v, actor: await as("leader2"), comment: "数据再核实", returnToPrevious: true })).version;
    expect((await fresh()).every((l) => l.includes("stage_reached") && l.includes("被退回「党办审核」，待您重新审核 [数据再核实]"))).toBe(true);
    v = (await approveSection(db, { sectionId: s.id, version: v, actor: await as("admin") })).version;
    await fresh();
    v = (await approveSection(db, { sectionId: s.id, version: v, actor: await as("leader1") })).version;
    v = (await approveSection(db, { sectionId: s.id, version: v, actor: await as("leader2") })).version;
    expect(await fresh()).toEqual(["dqb1", "dqb2", "dqblead"].map((u) => `${u} section_approved ${t}已审核通过`));
    expect((await reload(db, s.id)).state).toBe("approved");
  });

  it("tells everyone involved when the report is finalized and reopened", async () => {
    const [r] = await db.select().from(reports);
    await expect(finalizeReport(db, { reportId: r.id, actor: await as("admin") })).rejects.toMatchObject({ code: "conflict" });
    expect(await fresh()).toEqual([]); // a refused finalize notifies nobody
    const admin = await userId(db, "admin");
    for (const s of await db.select().from(sections).where(eq(sections.reportId, r.id))) {
      if (!s.departmentId || s.state === "approved") continue;
      await setLiveText(db, s.id, "本部门上半年工作已按计划完成。");
      await approveDirectly(db, s.id, admin);
    }
    const done = await finalizeReport(db, { reportId: r.id, actor: await as("admin") });
    const title = `《${r.title}》`;
    const finalized = await fresh();
    expect(finalized).toContain(`dwb1 report_finalized ${title}已定稿（第${done.number}版）`);
    expect(finalized).toContain(`leader1 report_finalized ${title}已定稿（第${done.number}版）`); // acted in a review
    expect(finalized).toContain(`gh2 report_finalized ${title}已定稿（第${done.number}版）`); // editor of a department with a section
    expect(finalized.some((l) => l.startsWith("admin "))).toBe(false); // the actor
    await reopenReport(db, { reportId: r.id, actor: await as("admin"), reason: "补充数据" });
    expect(await fresh()).toContain(`dwb1 report_reopened ${title}已重新打开 [补充数据]`);
  });
});
