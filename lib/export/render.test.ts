/**
 * The .docx as LibreOffice prints it (scripts/render-docx.sh → PDF, measured with pdftotext
 * -bbox-layout): the page number's dash 7 ± 1 mm below the 版心 (GB/T 9704-2012 §7.5), 22 lines
 * of 28 characters (§5.2.4), headings in the PDF outline (navigation pane). Skipped, with the
 * reason printed, where LibreOffice is not installed (CI time is precious; install with
 * `apt-get install libreoffice-writer-nogui poppler-utils fonts-noto-cjk`).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportDocx } from "./docx";
import { largeDocument } from "./sample-document";
import { MARGIN_MM, PAGE_MM } from "./gbt9704";
import type { AssembledDocument } from "./types";

const has = (tool: string) => {
  try {
    execFileSync("sh", ["-c", `command -v ${tool}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
};
const available = has("soffice") && has("pdftotext");
if (!available) console.warn("render.test.ts skipped: soffice or pdftotext missing (apt-get install libreoffice-writer-nogui poppler-utils)");

const PT_PER_MM = 72 / 25.4;
const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" })[e] ?? "");

interface Line { yMin: number; yMax: number; text: string }
interface Page { height: number; lines: Line[]; words: (Line & { x: number })[] }

/** Pages of `pdftotext -bbox-layout` output: lines with their text, and words (pt from the top). */
function layout(pdf: string): Page[] {
  const xml = execFileSync("pdftotext", ["-bbox-layout", pdf, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return (xml.match(/<page [\s\S]*?<\/page>/g) ?? []).map((page) => {
    const height = Number(/height="([\d.]+)"/.exec(page)?.[1]);
    const num = (tag: string, a: string) => Number(new RegExp(`${a}="([\\d.]+)"`).exec(tag)?.[1]);
    const words = [...page.matchAll(/<word ([^>]*)>([^<]*)<\/word>/g)].map((m) => ({ x: num(m[1], "xMin"), yMin: num(m[1], "yMin"), yMax: num(m[1], "yMax"), text: decode(m[2]) }));
    const lines = [...page.matchAll(/<line ([^>]*)>([\s\S]*?)<\/line>/g)].map((m) => ({
      yMin: num(m[1], "yMin"), yMax: num(m[1], "yMax"), text: [...m[2].matchAll(/<word [^>]*>([^<]*)<\/word>/g)].map((w) => decode(w[1])).join(""),
    }));
    return { height, lines, words };
  });
}

/** A long draft with four heading levels and a table (the render is also looked at as PNG). */
function renderDocument(): AssembledDocument {
  const doc = largeDocument(8, 9000);
  doc.sections[2].blocks.push({
    type: "table",
    rows: [
      [{ runs: [{ text: "指标" }], header: true }, { runs: [{ text: "全年目标" }], header: true }, { runs: [{ text: "上半年完成" }], header: true }, { runs: [{ text: "完成率" }], header: true }],
      [{ runs: [{ text: "新发展党员（名）" }] }, { runs: [{ text: "40" }] }, { runs: [{ text: "22" }] }, { runs: [{ text: "55%" }] }],
      [{ runs: [{ text: "主题党日活动（次）" }] }, { runs: [{ text: "24" }] }, { runs: [{ text: "13" }] }, { runs: [{ text: "54%" }] }],
    ],
  });
  return doc;
}

describe.skipIf(!available)("LibreOffice render of the .docx (GB/T 9704-2012)", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hegao-render-"));
  const doc = renderDocument();
  let pages: Page[] = [];
  let pdf = "";

  beforeAll(async () => {
    const docx = path.join(dir, "render.docx");
    fs.writeFileSync(docx, await exportDocx(doc));
    execFileSync("bash", [path.resolve(__dirname, "../../scripts/render-docx.sh"), docx, dir], { stdio: "ignore", timeout: 120_000 });
    pdf = path.join(dir, "render.pdf");
    pages = layout(pdf);
  }, 150_000);
  afterAll(() => {
    if (process.env.HEGAO_KEEP_RENDER) console.log(`render kept in ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  });

  it("prints the page number's dash 7 ± 1 mm below the 版心 on every page", () => {
    expect(pages.length).toBeGreaterThan(3);
    const textBottomPt = (PAGE_MM.height - MARGIN_MM.bottom) * PT_PER_MM;
    for (const [i, page] of pages.entries()) {
      expect(Math.abs(page.height - PAGE_MM.height * PT_PER_MM)).toBeLessThan(1);
      const dashes = page.words.filter((w) => w.text === "—" && w.yMin > textBottomPt);
      expect(dashes, `page ${i + 1}`).toHaveLength(2);
      // The 一字线 is drawn at the middle of the glyph box.
      const belowMm = ((dashes[0].yMin + dashes[0].yMax) / 2 - textBottomPt) / PT_PER_MM;
      console.log(`page ${i + 1}: dash ${belowMm.toFixed(2)} mm below the 版心`);
      expect(belowMm).toBeGreaterThanOrEqual(6);
      expect(belowMm).toBeLessThanOrEqual(8);
    }
  });

  it("sets 22 lines of 28 characters on a full page", () => {
    const top = MARGIN_MM.top * PT_PER_MM - 2;
    const bottom = (PAGE_MM.height - MARGIN_MM.bottom) * PT_PER_MM + 2;
    // Pages holding the table (14 pt rows on their own pitch) are not body-only pages.
    const body = pages.filter((p) => !p.words.some((w) => w.text === "指标")).map((p) => p.lines.filter((l) => l.yMin >= top && l.yMax <= bottom));
    const counts = body.map((lines) => lines.length);
    console.log(`body lines per page: ${counts.join(", ")}`);
    expect(Math.max(...counts)).toBe(22);
    expect(counts.filter((n) => n === 22).length).toBeGreaterThanOrEqual(2);
    const lengths = body.flat().map((l) => [...l.text].length);
    expect(Math.max(...lengths)).toBe(28);
    // Most lines are full: 28 characters (a paragraph's first line has 26 after the indent).
    expect(lengths.filter((n) => n === 28).length).toBeGreaterThan(lengths.length / 2);
  });

  it("lists the headings in the PDF outline (LibreOffice reads the heading styles' outline levels)", () => {
    const raw = fs.readFileSync(pdf).toString("latin1");
    const titles = [...raw.matchAll(/\/Title<FEFF([0-9A-F]+)>/g)].map((m) => Buffer.from(m[1], "hex").swap16().toString("utf16le"));
    // A draft's heading may end with its 【未审定：…】 mark, which is part of the paragraph.
    const headings = doc.sections.map((s) => `${s.number}${s.title}`);
    expect(titles.filter((t) => headings.some((h) => t.startsWith(h))).map((t) => t.replace(/【.*】$/, ""))).toEqual(headings);
  });

  it("prints the table with its header row and cells", () => {
    const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
    expect(text).toMatch(/指标\s+全年目标\s+上半年完成\s+完成率/);
    expect(text).toMatch(/新发展党员（名）\s+40\s+22\s+55%/);
  });
});
