/**
 * The HTML export in Chromium, as a user prints it: 28 characters a line (GB/T 9704-2012
 * §5.2.4) and, for a final, no browser date / title / URL in the printed margins even when
 * the browser's "headers and footers" option is on. No server needed: the page is the export.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { exportHtml } from "../../lib/export/html";
import { largeDocument } from "../../lib/export/sample-document";

const final = () => exportHtml({ ...largeDocument(6, 6000), title: "印刷测试总结", draft: false, finalVersion: 1 });

/** Characters per rendered line of every body paragraph, from the characters' client rects. */
async function lineLengths(page: Page): Promise<number[][]> {
  return page.evaluate(() =>
    [...document.querySelectorAll("section > p")].slice(0, 12).map((p) => {
      const text = p.firstChild as Text;
      const tops = new Map<number, number>();
      const range = document.createRange();
      for (let i = 0; i < text.length; i++) {
        range.setStart(text, i);
        range.setEnd(text, i + 1);
        const top = Math.round(range.getBoundingClientRect().top);
        tops.set(top, (tops.get(top) ?? 0) + 1);
      }
      return [...tops.values()];
    }),
  );
}

test("the HTML sets 28 characters on a full line, 26 after the 2-character indent", async ({ page }) => {
  await page.setContent(final());
  const paragraphs = await lineLengths(page);
  expect(paragraphs.length).toBeGreaterThan(5);
  for (const lines of paragraphs) {
    expect(lines.length).toBeGreaterThan(2);
    // First line after the indent, then full lines; the last line is whatever is left.
    // CJK punctuation may hang or be pushed to the next line, so allow one character less.
    expect(lines[0]).toBeGreaterThanOrEqual(25);
    expect(lines[0]).toBeLessThanOrEqual(26);
    for (const n of lines.slice(1, -1)) {
      expect(n).toBeGreaterThanOrEqual(27);
      expect(n).toBeLessThanOrEqual(28);
    }
  }
  const full = paragraphs.flatMap((l) => l.slice(1, -1));
  expect(full.filter((n) => n === 28).length / full.length).toBeGreaterThan(0.6);
});

test("a final printed with the browser's headers and footers on shows no date, title or URL", async ({ page }, testInfo) => {
  const file = testInfo.outputPath("final.html");
  fs.writeFileSync(file, final());
  await page.goto(`file://${file}`);
  const cdp = await page.context().newCDPSession(page);
  // displayHeaderFooter without templates = Chromium's own header (date, title) and footer (URL).
  const { data } = await cdp.send("Page.printToPDF", { displayHeaderFooter: true, preferCSSPageSize: true });
  const pdf = testInfo.outputPath("final.pdf");
  fs.writeFileSync(pdf, Buffer.from(data, "base64"));
  test.skip(!hasPdftotext(), "pdftotext missing (apt-get install poppler-utils)");
  const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
  const pages = text.split("\f").filter((p) => p.trim());
  expect(pages.length).toBeGreaterThan(1);
  expect(text).not.toContain("file:");
  expect(text).not.toMatch(/\d{1,2}\/\d{1,2}\/\d{2,4}|\d{4}\/\d{1,2}\/\d{1,2}/); // the browser's date
  for (const [i, p] of pages.entries()) {
    expect(p).toMatch(new RegExp(`—\\s*${i + 1}\\s*—`)); // our page number, nothing else in the margins
    expect(p.split("印刷测试总结").length - 1, `page ${i + 1}`).toBe(i === 0 ? 1 : 0); // the title only where printed
  }
});

function hasPdftotext(): boolean {
  try {
    execFileSync("pdftotext", ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}
