/**
 * Migration 0004 (review chains) on a database that already holds data from before it:
 * existing reports get the default one-stage chain, a section in review waits at stage 1 of a
 * round that an approval from its current version may act on.
 */
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { describe, expect, it } from "vitest";

const DIR = path.join(import.meta.dirname, "migrations");
const statements = (file: string) => fs.readFileSync(path.join(DIR, file), "utf8").split("--> statement-breakpoint").map((s) => s.trim()).filter(Boolean);

describe("migration 0004_review_chains", () => {
  it("gives existing reports the default chain and puts sections in review at stage 1", async () => {
    const pg = new PGlite();
    try {
      for (const f of ["0000_init.sql", "0001_report_events.sql", "0002_robustness.sql", "0003_drop_login_failures.sql"]) {
        for (const s of statements(f)) await pg.exec(s);
      }
      await pg.exec(`
        INSERT INTO departments (id, name) VALUES ('d1', '党群工作部');
        INSERT INTO reports (id, title, organisation_name) VALUES ('r1', '旧总结', '示例');
        INSERT INTO sections (id, report_id, level, position, title, department_id, state, version)
          VALUES ('s1', 'r1', 1, 0, '在审', 'd1', 'in_review', 7), ('s2', 'r1', 1, 1, '草稿', 'd1', 'draft', 3);
      `);
      for (const s of statements("0004_review_chains.sql")) await pg.exec(s);
      const report = (await pg.query<{ review_chain: unknown; review_chain_name: string }>("SELECT review_chain, review_chain_name FROM reports")).rows[0];
      expect(report.review_chain).toEqual([{ name: "审核", mode: "any", approvers: { role: "reviewer" } }]);
      const rows = (await pg.query<{ id: string; stage: number; review_round: number; stage_since_version: number }>(
        "SELECT id, stage, review_round, stage_since_version FROM sections ORDER BY id",
      )).rows;
      expect(rows).toEqual([
        { id: "s1", stage: 1, review_round: 1, stage_since_version: 7 },
        { id: "s2", stage: 1, review_round: 0, stage_since_version: 1 },
      ]);
    } finally {
      await pg.close();
    }
  });
});
