/**
 * 主送, 附件说明 and 落款 in the HTML export as Chromium lays them out (GB/T 9704-2012 §7.3):
 * 主送 flush left under the title; 附件 2 characters in, `2.` under `1.`, a wrapped name under its
 * first character; 落款 right, the date in Arabic numerals. No server: the page is the export.
 */
import { expect, test, type Page } from "@playwright/test";
import { exportHtml } from "../../lib/export/html";
import { sampleDocument } from "../../lib/export/sample-document";
import { attachScreenshot } from "../support/screenshot";

const LONG = "某某县2026年上半年重点改革任务推进情况及下半年重点工作安排统计汇总表";
const page = () =>
  exportHtml(
    sampleDocument({
      title: "某某县发展和改革局\n2026年上半年工作总结",
      addressee: "县委、县政府",
      attachments: ["上半年主要经济指标完成情况", LONG, "重点项目清单"],
      organisation: "某某县发展和改革局",
      date: "2026-07-10",
      draft: false,
      finalVersion: 1,
    }),
  );

/** Left x of the first character of `text` inside the first element matching `selector`, and of every line start. */
async function geometry(p: Page) {
  return p.evaluate(() => {
    const em = parseFloat(getComputedStyle(document.body).fontSize);
    const page = document.querySelector(".page")!;
    const area = page.getBoundingClientRect().left + parseFloat(getComputedStyle(page).paddingLeft);
    const areaRight = page.getBoundingClientRect().right - parseFloat(getComputedStyle(page).paddingRight);
    const charLeft = (el: Element, at: number) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      let n = at;
      for (let t = walker.nextNode() as Text | null; t; t = walker.nextNode() as Text | null) {
        if (n < t.length) {
          const r = document.createRange();
          r.setStart(t, n);
          r.setEnd(t, n + 1);
          return r.getBoundingClientRect();
        }
        n -= t.length;
      }
      throw new Error(`no character ${at}`);
    };
    const att = [...document.querySelectorAll(".attachments p")];
    const rel = (x: number) => (x - area) / em;
    const longText = att[1].textContent!;
    // Line starts of the wrapped second item: characters whose top differs from the one before.
    const starts: number[] = [];
    let lastTop = -1;
    for (let i = 0; i < longText.length; i++) {
      const r = charLeft(att[1], i);
      if (Math.abs(r.top - lastTop) > 2) starts.push(rel(r.left));
      lastTop = r.top;
    }
    const signoff = [...document.querySelectorAll(".signoff p")].map((p) => (areaRight - charLeft(p, p.textContent!.length - 1).right) / em);
    const addressee = document.querySelector("p.addressee")!;
    const opening = addressee.nextElementSibling!;
    return {
      addressee: { text: addressee.textContent, left: rel(charLeft(addressee, 0).left), afterTitle: addressee.previousElementSibling?.className },
      openingLeft: rel(charLeft(opening, 0).left),
      label: rel(charLeft(att[0], 0).left),
      firstNumber: rel(charLeft(att[0], 3).left),
      firstName: rel(charLeft(att[0], 5).left),
      secondNumber: rel(charLeft(att[1], 0).left),
      secondName: rel(charLeft(att[1], 2).left),
      longStarts: starts,
      signoff,
      signoffText: [...document.querySelectorAll(".signoff p")].map((p) => p.textContent),
    };
  });
}

test("主送 flush left, 附件 with hanging numbers, 落款 right with an Arabic date", async ({ page: p }, testInfo) => {
  await p.setViewportSize({ width: 1000, height: 1400 });
  await p.setContent(page());
  const g = await geometry(p);
  expect(g.addressee).toMatchObject({ text: "县委、县政府：", afterTitle: "after-title" });
  expect(g.addressee.left).toBeCloseTo(0, 1); // 顶格
  expect(g.openingLeft).toBeCloseTo(2, 0); // the opening keeps its 2-character indent
  expect(g.label).toBeCloseTo(2, 0); // 左空二字
  expect(g.secondNumber).toBeCloseTo(g.firstNumber, 1); // 2. under 1.
  expect(g.secondName).toBeCloseTo(g.firstName, 1); // names aligned
  expect(g.longStarts.length).toBeGreaterThan(1); // the long name wraps …
  for (const x of g.longStarts.slice(1)) expect(x).toBeCloseTo(g.firstName, 1); // … under its first character
  expect(g.signoffText).toEqual(["某某县发展和改革局", "2026年7月10日"]);
  expect(g.signoff[0]).toBeCloseTo(2, 0); // 右空二字
  expect(g.signoff[1]).toBeGreaterThan(1.5);
  await attachScreenshot(testInfo, "parts-html", p, true);
});
