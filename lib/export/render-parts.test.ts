/**
 * 主送, 附件说明 and 落款 of the .docx as LibreOffice prints them (scripts/render-docx.sh → PDF,
 * word boxes from pdftotext -bbox-layout), measured in body characters (16 pt) from the left
 * margin: GB/T 9704-2012 §7.3.2 主送 顶格, §7.3.4 附件 左空二字 with numbers and names aligned and
 * a long name wrapping under its first character, §7.3.5 落款 right, the date in Arabic numerals.
 * Skipped where LibreOffice is not installed (see render.test.ts).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportDocx } from "./docx";
import { MARGIN_MM, TEXT_AREA_MM } from "./gbt9704";
import { sampleDocument } from "./sample-document";

const has = (tool: string) => {
  try {
    execFileSync("sh", ["-c", `command -v ${tool}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
};
const available = has("soffice") && has("pdftotext");
const PT_PER_MM = 72 / 25.4;
const LEFT = MARGIN_MM.left * PT_PER_MM;
const RIGHT = LEFT + TEXT_AREA_MM.width * PT_PER_MM;
const CHAR = 16; // pt
const LONG = "某某县2026年上半年重点改革任务推进情况及下半年重点工作安排统计汇总表";

interface Word { page: number; x: number; xMax: number; y: number; text: string }

describe.skipIf(!available)("LibreOffice render of 主送, 附件说明 and 落款", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hegao-render-parts-"));
  let words: Word[] = [];
  /** The first word that is `text` (or starts with it, with `prefix`). */
  const find = (text: string, prefix = false) => {
    const w = words.find((x) => (prefix ? x.text.startsWith(text) : x.text === text));
    if (!w) throw new Error(`not printed: ${text}`);
    return w;
  };
  const chars = (x: number) => (x - LEFT) / CHAR;

  beforeAll(async () => {
    const doc = sampleDocument({
      addressee: "县委、县政府",
      attachments: ["上半年主要经济指标完成情况", LONG, "重点项目清单"],
      organisation: "某某县发展和改革局",
      date: "2026-07-10",
      draft: false,
      finalVersion: 1,
    });
    const docx = path.join(dir, "parts.docx");
    fs.writeFileSync(docx, await exportDocx(doc));
    execFileSync("bash", [path.resolve(__dirname, "../../scripts/render-docx.sh"), docx, dir], { stdio: "ignore", timeout: 120_000 });
    const xml = execFileSync("pdftotext", ["-bbox-layout", path.join(dir, "parts.pdf"), "-"], { encoding: "utf8" });
    words = (xml.match(/<page [\s\S]*?<\/page>/g) ?? []).flatMap((page, i) =>
      [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((m) => ({
        page: i + 1, x: Number(m[1]), y: Number(m[2]), xMax: Number(m[3]), text: m[4],
      })),
    );
  }, 150_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("sets the 主送 flush left on the line below the blank under the title, before the opening", () => {
    const addressee = find("县委、县政府：");
    const opening = find("现将我局");
    expect(chars(addressee.x)).toBeCloseTo(0, 0);
    expect(chars(opening.x)).toBeCloseTo(2, 0);
    expect(opening.y).toBeGreaterThan(addressee.y);
    expect(opening.y - addressee.y).toBeLessThan(35); // the next line (28.95 pt pitch)
  });

  it("sets the 附件说明 2 characters in, numbers under `1.`, names and wrapped lines aligned", () => {
    const first = find("附件：1.");
    const second = find("2.");
    const third = find("3.");
    expect(chars(first.x)).toBeCloseTo(2, 0);
    expect(chars(second.x)).toBeCloseTo(5, 0); // under `1.` (附件： is 3 characters)
    expect(third.x).toBeCloseTo(second.x, 0);
    const names = ["上半年主要经济指标完成情况", "某某县", "重点项目清单", "半年重点工作安排统计汇总表"].map((t) => find(t));
    for (const n of names) expect(chars(n.x)).toBeCloseTo(6, 0);
    // The long name wraps: its second line is the line right after `2.`'s.
    expect(names[3].y).toBeGreaterThan(second.y);
    expect(names[3].y).toBeLessThan(third.y);
    const body = find("期完成。");
    expect(first.y - body.y).toBeGreaterThan(50); // a blank line between body and 附件说明
  });

  it("sets the 落款 right of the 附件说明 with the date in Arabic numerals", () => {
    const unit = find("某某县发展和改革局");
    const lastAttachment = find("重点项目清单");
    expect(unit.y - lastAttachment.y).toBeGreaterThan(50); // 空一行
    expect((RIGHT - unit.xMax) / CHAR).toBeCloseTo(2, 0); // 右空二字
    const dateLine = words.filter((w) => Math.abs(w.y - unit.y - 28.95) < 3).map((w) => w.text).join("");
    expect(dateLine).toBe("2026年7月10日");
  });
});
