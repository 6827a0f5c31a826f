/**
 * Export benchmark: a generated report of 40 sections / 60,000 characters
 * (`largeDocument()`), created in the database and assembled from it (`assembleReport`), then
 * written as .docx (`exportDocument`); the same content as Markdown (`exportMarkdown`) converted
 * to .docx by pandoc (the outside reference; installed with apt-get when missing). Times are the
 * median of `runs` warm runs after one warm-up; pandoc's time includes its process start.
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Db } from "@/db/client";
import { assembleReport } from "@/lib/assembly/assemble-report";
import { exportDocument, exportMarkdown } from "@/lib/export";
import { blocksToText } from "@/lib/export/blocks";
import { largeDocument } from "@/lib/export/sample-document";
import { createReport } from "@/lib/reports/create-report";
import { median, ratio, round } from "./stats";

export interface ExportResult {
  sections: number;
  characters: number;
  /** Assembly from the database + .docx (ms, median). */
  hegaoMs: number | null;
  assembleMs: number | null;
  docxMs: number | null;
  docxBytes: number;
  pandocMs: number | null;
  pandocBytes: number | null;
  /** hegaoMs / pandocMs. */
  ratio: number | null;
  note: string;
}

async function timeIt<T>(runs: number, f: () => Promise<T>): Promise<{ ms: number; value: T }> {
  let value = await f(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    value = await f();
    times.push(performance.now() - t0);
  }
  return { ms: median(times)!, value };
}

/** True when pandoc runs; tries `apt-get install pandoc` once when it is missing and `install`. */
export function ensurePandoc(install: boolean): { ok: boolean; note: string } {
  const works = () => spawnSync("pandoc", ["--version"], { stdio: "ignore" }).status === 0;
  if (works()) return { ok: true, note: "" };
  if (!install) return { ok: false, note: "pandoc not installed (skipped)" };
  console.log("[bench] installing pandoc (apt-get)…");
  const r = spawnSync("apt-get", ["install", "-y", "-o", "DPkg::Lock::Timeout=900", "pandoc"], { stdio: "inherit", timeout: 15 * 60_000 });
  if (r.status === 0 && works()) return { ok: true, note: "pandoc installed by the bench" };
  return { ok: false, note: `pandoc could not be installed (apt-get exit ${r.status}); pandoc comparison skipped` };
}

/** Runs the export benchmark on an open database (it creates one report in it). */
export async function benchExport(db: Db, opts: { runs: number; installPandoc: boolean }): Promise<ExportResult> {
  const doc = largeDocument(40, 60_000);
  const characters = doc.sections.reduce((n, s) => n + blocksToText(s.blocks).length, 0);
  const { reportId } = await createReport(db, {
    title: doc.title,
    organisationName: doc.organisation,
    sections: doc.sections.map((s) => ({ level: s.level, title: s.title, body: blocksToText(s.blocks) })),
  });
  const assemble = await timeIt(opts.runs, () => assembleReport(db, reportId, { useApproved: false }));
  const docx = await timeIt(opts.runs, () => exportDocument(assemble.value, "docx"));
  const both = await timeIt(opts.runs, async () => exportDocument(await assembleReport(db, reportId, { useApproved: false }), "docx"));

  const pandoc = ensurePandoc(opts.installPandoc);
  let pandocMs: number | null = null;
  let pandocBytes: number | null = null;
  if (pandoc.ok) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-pandoc-"));
    const md = path.join(dir, "report.md");
    const out = path.join(dir, "report.docx");
    fs.writeFileSync(md, exportMarkdown(assemble.value));
    const run = async () => void execFileSync("pandoc", ["-f", "markdown", "-t", "docx", "-o", out, md]);
    pandocMs = (await timeIt(opts.runs, run)).ms;
    pandocBytes = fs.statSync(out).size;
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return {
    sections: doc.sections.length,
    characters,
    hegaoMs: round(both.ms, 1),
    assembleMs: round(assemble.ms, 1),
    docxMs: round(docx.ms, 1),
    docxBytes: both.value.bytes.byteLength,
    pandocMs: round(pandocMs, 1),
    pandocBytes,
    ratio: ratio(both.ms, pandocMs),
    note: ["assembly from the database (lib/assembly) + .docx, in process", pandoc.note].filter(Boolean).join("; "),
  };
}
