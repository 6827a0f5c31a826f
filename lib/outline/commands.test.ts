import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { DbHandle } from "@/db/client";
import { testDbTargets } from "@/db/test-db";
import { reports, sections, sectionUpdates } from "@/db/schema";
import { seedDemo } from "@/lib/demo/seed-demo";
import { findDepartmentByName } from "@/lib/accounts/departments";
import { createReport } from "@/lib/reports/create-report";
import { getReportWithOutline } from "@/lib/reports/get-report";
import type { Principal } from "@/lib/policy";
import { userId } from "@/lib/assembly/test-support";
import { onAccessChange, type AccessChange } from "@/lib/collab/bus";
import { addSection } from "./add-section";
import { assignSection, renameSection } from "./edit-section";
import { deleteSection, indentSection, moveSection, outdentSection } from "./move-section";

describe.each(testDbTargets())("outline commands on $name", (target) => {
  let handle: DbHandle;
  let admin: Principal;
  let editor: Principal;
  let reportId: string;
  const outline = async () => (await getReportWithOutline(handle.db, reportId)).sections;
  const labels = async () => (await outline()).map((s) => `${s.number}${s.title}`);
  const idOf = async (title: string) => (await outline()).find((s) => s.title === title)!.id;

  beforeAll(async () => {
    handle = await target.open();
    await seedDemo(handle.db);
    const dept = (await findDepartmentByName(handle.db, "党群工作部"))!;
    admin = { id: await userId(handle.db, "admin"), role: "admin", departmentId: dept.id };
    editor = { id: await userId(handle.db, "dqb1"), role: "editor", departmentId: dept.id };
    ({ reportId } = await createReport(handle.db, {
      title: "测试", organisationName: "示例",
      sections: [
        { level: 1, title: "成效" }, { level: 2, title: "甲" }, { level: 2, title: "乙" }, { level: 2, title: "丙" },
        { level: 1, title: "问题" }, { level: 1, title: "打算" },
      ],
    }));
  });
  afterAll(() => handle?.close());

  it("moving a section renumbers it and its siblings", async () => {
    await moveSection(handle.db, { sectionId: await idOf("丙"), actor: admin, direction: "up" });
    expect(await labels()).toEqual(["一、成效", "（一）甲", "（二）丙", "（三）乙", "二、问题", "三、打算"]);
    await moveSection(handle.db, { sectionId: await idOf("打算"), actor: admin, direction: "up" });
    expect(await labels()).toEqual(["一、成效", "（一）甲", "（二）丙", "（三）乙", "二、打算", "三、问题"]);
    await expect(moveSection(handle.db, { sectionId: await idOf("甲"), actor: admin, direction: "up" })).rejects.toMatchObject({ code: "refused" });
  });

  it("moving a level-1 section carries its children along", async () => {
    await moveSection(handle.db, { sectionId: await idOf("成效"), actor: admin, direction: "down" });
    expect(await labels()).toEqual(["一、打算", "二、成效", "（一）甲", "（二）丙", "（三）乙", "三、问题"]);
    await moveSection(handle.db, { sectionId: await idOf("成效"), actor: admin, direction: "up" });
  });

  it("indent and outdent change levels and keep numbering consistent", async () => {
    await indentSection(handle.db, { sectionId: await idOf("丙"), actor: admin });
    expect(await labels()).toEqual(["一、成效", "（一）甲", "1.丙", "（二）乙", "二、打算", "三、问题"]);
    expect((await outline()).find((s) => s.title === "丙")!.level).toBe(3);
    await expect(indentSection(handle.db, { sectionId: await idOf("甲"), actor: admin })).rejects.toMatchObject({ code: "refused" });
    await outdentSection(handle.db, { sectionId: await idOf("丙"), actor: admin });
    expect(await labels()).toEqual(["一、成效", "（一）甲", "（二）丙", "（三）乙", "二、打算", "三、问题"]);
    await expect(outdentSection(handle.db, { sectionId: await idOf("成效"), actor: admin })).rejects.toMatchObject({ code: "refused" });
  });

  it("refuses to go deeper than level 4", async () => {
    const a = await addSection(handle.db, { reportId, actor: admin, title: "三级", parentId: await idOf("甲") });
    const b = await addSection(handle.db, { reportId, actor: admin, title: "四级", parentId: a.id });
    await expect(addSection(handle.db, { reportId, actor: admin, title: "五级", parentId: b.id })).rejects.toMatchObject({ code: "refused" });
    await addSection(handle.db, { reportId, actor: admin, title: "四级二", afterId: b.id });
    await expect(indentSection(handle.db, { sectionId: await idOf("四级二"), actor: admin })).rejects.toMatchObject({ code: "refused" });
    expect((await labels()).slice(1, 5)).toEqual(["（一）甲", "1.三级", "（1）四级", "（2）四级二"]);
    const updates = await handle.db.select().from(sectionUpdates).where(eq(sectionUpdates.sectionId, b.id));
    expect(updates).toHaveLength(1); // its Yjs document exists from the start
  });

  it("deletes a section with its children and renumbers what follows", async () => {
    const ids = [await idOf("甲"), await idOf("三级"), await idOf("四级"), await idOf("四级二")];
    const changes: AccessChange[] = [];
    const off = onAccessChange((c) => changes.push(c));
    const { deleted } = await deleteSection(handle.db, { sectionId: await idOf("甲"), actor: admin });
    off();
    expect(deleted).toBe(4);
    // Told after commit, descendants included: their open rooms close (4404).
    expect(changes).toHaveLength(1);
    expect([...changes[0].deletedSectionIds!].sort()).toEqual([...ids].sort());
    expect(await labels()).toEqual(["一、成效", "（一）丙", "（二）乙", "二、打算", "三、问题"]);
    const positions = (await outline()).filter((s) => s.level === 2).map((s) => s.position);
    expect(positions).toEqual([0, 1]);
  });

  it("renames (dropping a typed number), assigns and dates; editors may not", async () => {
    const dept = (await findDepartmentByName(handle.db, "工会"))!;
    await renameSection(handle.db, { sectionId: await idOf("乙"), actor: admin, title: "（二）凝聚职工力量" });
    await assignSection(handle.db, { sectionId: await idOf("凝聚职工力量"), actor: admin, departmentId: dept.id, dueDate: "2026-07-05" });
    const s = (await outline()).find((x) => x.title === "凝聚职工力量")!;
    const changes: AccessChange[] = [];
    const off = onAccessChange((c) => changes.push(c));
    await assignSection(handle.db, { sectionId: s.id, actor: admin, dueDate: "2026-07-05" }); // a due date alone changes no access
    await assignSection(handle.db, { sectionId: s.id, actor: admin, departmentId: dept.id });
    await expect(assignSection(handle.db, { sectionId: s.id, actor: admin, departmentId: "no-such-dept" })).rejects.toMatchObject({ code: "validation" });
    off();
    expect(changes).toEqual([{ sectionIds: [s.id] }]); // a reassignment only, and only once it committed
    expect(s).toMatchObject({ number: "（二）", departmentName: "工会", dueDate: "2026-07-05" });
    await expect(renameSection(handle.db, { sectionId: s.id, actor: admin, title: "  " })).rejects.toThrow(/不能为空/);
    await expect(assignSection(handle.db, { sectionId: s.id, actor: admin, dueDate: "7月5日" })).rejects.toMatchObject({ code: "validation" });
    await expect(renameSection(handle.db, { sectionId: s.id, actor: editor, title: "改" })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("sets and clears a 字数要求 (word limit); refuses a limit that is not a whole number in range", async () => {
    const sectionId = await idOf("丙");
    const limitOf = async () => (await handle.db.select({ w: sections.wordLimit }).from(sections).where(eq(sections.id, sectionId)))[0].w;
    await assignSection(handle.db, { sectionId, actor: admin, wordLimit: 800 });
    expect(await limitOf()).toBe(800);
    await assignSection(handle.db, { sectionId, actor: admin, dueDate: "2026-07-05" }); // other fields leave it alone
    expect(await limitOf()).toBe(800);
    for (const bad of [0, -5, 12.5, 100_001]) {
      await expect(assignSection(handle.db, { sectionId, actor: admin, wordLimit: bad })).rejects.toMatchObject({ code: "validation", message: expect.stringContaining("字数要求") });
    }
    await expect(assignSection(handle.db, { sectionId, actor: editor, wordLimit: 100 })).rejects.toMatchObject({ code: "forbidden" });
    await assignSection(handle.db, { sectionId, actor: admin, wordLimit: null });
    expect(await limitOf()).toBeNull();
  });

  it("refuses outline changes while the report is finalized", async () => {
    await handle.db.update(reports).set({ status: "finalized" }).where(eq(reports.id, reportId));
    await expect(moveSection(handle.db, { sectionId: await idOf("丙"), actor: admin, direction: "down" })).rejects.toMatchObject({ code: "refused" });
    await expect(addSection(handle.db, { reportId, actor: admin, title: "新" })).rejects.toMatchObject({ code: "refused" });
    await handle.db.update(reports).set({ status: "collecting" }).where(eq(reports.id, reportId));
  });
});
