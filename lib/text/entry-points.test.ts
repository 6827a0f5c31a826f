/**
 * NUL and other control characters typed into a title, a comment or a name are refused with 422
 * and a Chinese message at every entry point (issue 9: a NUL in a title or comment answered 500).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { DbHandle } from "@/db/client";
import { testDbTargets } from "@/db/test-db";
import { comments, sections, users } from "@/db/schema";
import { transitionBodySchema } from "@/app/api/sections/[id]/transition/schema";
import { accountChangesSchema, createUserSchema, departmentNameSchema } from "@/lib/accounts/schemas";
import { addComment } from "@/lib/comments/add-comment";
import { seedDemo } from "@/lib/demo/seed-demo";
import { toErrorResponse } from "@/lib/errors";
import { addSection } from "@/lib/outline/add-section";
import { renameSection } from "@/lib/outline/edit-section";
import { createReport, createReportSchema } from "@/lib/reports/create-report";
import { listReports } from "@/lib/reports/get-report";
import type { Principal } from "@/lib/policy";
import { CONTROLS_MESSAGE } from "./hygiene";

const NUL = "\u0000";

async function status422(p: Promise<unknown>): Promise<string> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err, "expected a refusal").not.toBeNull();
  const { status, body } = toErrorResponse(err);
  expect(status).toBe(422);
  return body.error.message;
}

describe("schemas of typed text refuse control characters", () => {
  it("titles, comments and names", () => {
    const msg = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error?.issues[0]?.message;
    expect(msg(transitionBodySchema.safeParse({ event: "request_changes", version: 1, comment: `请修改${NUL}` }))).toBe(CONTROLS_MESSAGE);
    expect(transitionBodySchema.safeParse({ event: "request_changes", version: 1, comment: "第一行\n第二行\t" }).success).toBe(true);
    expect(msg(createReportSchema.safeParse({ title: `2026年${NUL}总结`, organisationName: "单位", sections: [] }))).toBe(CONTROLS_MESSAGE);
    expect(msg(createReportSchema.safeParse({ title: "总结", organisationName: "单位", sections: [{ level: 1, title: `一\u001B标题` }] }))).toBe(CONTROLS_MESSAGE);
    expect(msg(departmentNameSchema.safeParse(`财务${NUL}部`))).toBe(CONTROLS_MESSAGE);
    expect(msg(accountChangesSchema.safeParse({ department: `财务${NUL}部` }))).toBe(CONTROLS_MESSAGE);
    expect(msg(createUserSchema.safeParse({ username: "ab", displayName: `张${NUL}`, password: "12345678", departmentId: "d", role: "editor" }))).toBe(CONTROLS_MESSAGE);
  });
});

describe.each(testDbTargets())("commands refuse control characters with 422 on $name", (target) => {
  let handle: DbHandle;
  let admin: Principal;
  let reportId: string;
  let sectionId: string;
  beforeAll(async () => {
    handle = await target.open();
    await seedDemo(handle.db);
    const [row] = await handle.db.select().from(users).where(eq(users.username, "admin"));
    admin = { id: row.id, role: row.role, departmentId: row.departmentId };
    reportId = (await listReports(handle.db))[0].id;
    [{ id: sectionId }] = await handle.db.select({ id: sections.id }).from(sections).where(eq(sections.reportId, reportId)).limit(1);
  });
  afterAll(() => handle?.close());

  it("a section title (add, rename) and a report title", async () => {
    expect(await status422(addSection(handle.db, { reportId, actor: admin, title: `新章节${NUL}` }))).toBe(CONTROLS_MESSAGE);
    expect(await status422(renameSection(handle.db, { sectionId, actor: admin, title: `改名${NUL}` }))).toBe(CONTROLS_MESSAGE);
    expect(await status422(createReport(handle.db, { title: `总结${NUL}`, organisationName: "单位", sections: [] }))).toBe(CONTROLS_MESSAGE);
    const titles = (await handle.db.select({ t: sections.title }).from(sections)).map((r) => r.t);
    expect(titles.some((t) => t.includes(NUL) || t.startsWith("新章节") || t.startsWith("改名"))).toBe(false);
  });

  it("a comment and its quoted text", async () => {
    expect(await status422(addComment(handle.db, { sectionId, body: `批注${NUL}` }, admin))).toBe(CONTROLS_MESSAGE);
    expect(await status422(addComment(handle.db, { sectionId, body: "批注", anchorText: `原文\u0007` }, admin))).toBe(CONTROLS_MESSAGE);
    expect(await handle.db.select().from(comments)).toHaveLength(0);
    await expect(addComment(handle.db, { sectionId, body: "第一行\n第二行" }, admin)).resolves.toMatchObject({ body: "第一行\n第二行" });
  });
});
