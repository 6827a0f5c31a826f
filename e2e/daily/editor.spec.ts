/**
 * Two editors of one department (工会: gh1 刘洋, gh2 杨静) in one section: their carets have
 * different colours and the presence chips share the department ring; 字数 follows WPS's rule
 * and the history page shows the same count for the same text; 撤销/重做 buttons work.
 */
import { expect, test, type Page } from "@playwright/test";
import { signedInPage } from "../support/auth";
import { attachScreenshot } from "../support/screenshot";
import { startServer, type RunningServer } from "../support/server";
import { editorOf, editorText, findSection, typeAtEnd } from "../collab/support";
import { saved, transition } from "../main-job/support";


let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server?.stop();
});

const rgbToHex = (rgb: string) => `#${(rgb.match(/\d+/g) ?? []).slice(0, 3).map((n) => Number(n).toString(16).padStart(2, "0")).join("")}`;

/** The background colour (#rrggbb) of the caret label with `name` as `page` shows it. */
async function caretColour(page: Page, name: string): Promise<string> {
  const label = page.locator(".collaboration-carets__label", { hasText: name });
  await expect(label).toBeVisible();
  return rgbToHex(await label.evaluate((el) => getComputedStyle(el).backgroundColor));
}

test("two editors of one department: distinct carets, one 字数, undo and redo", async ({ browser }, testInfo) => {
  const liu = await signedInPage(browser, server.url, "gh1", "/");
  const { id } = await findSection(liu.request, server.url, "凝聚职工力量");
  await liu.goto(`/sections/${id}`);
  const yang = await signedInPage(browser, server.url, "gh2", `/sections/${id}`);
  await typeAtEnd(liu, "刘洋补充一句。");
  await typeAtEnd(yang, "杨静补充一句。");

  // Distinct carets: each sees the other's label in that person's own colour.
  const yangAsLiuSees = await caretColour(liu, "杨静");
  const liuAsYangSees = await caretColour(yang, "刘洋");
  expect(yangAsLiuSees).not.toBe(liuAsYangSees);
  // The presence chips: the same colours, ringed in the one department colour.
  const chips = liu.getByTestId("presence-user");
  await expect(chips).toHaveCount(2);
  await expect(chips.filter({ hasText: "杨静" })).toHaveAttribute("data-color", yangAsLiuSees);
  await expect(chips.filter({ hasText: "刘洋" })).toHaveAttribute("data-color", liuAsYangSees);
  const rings = await chips.evaluateAll((els) => els.map((e) => e.getAttribute("data-dept-color")));
  expect(rings[0]).toBe(rings[1]);
  expect(rings[0]).not.toBe(yangAsLiuSees);
  await attachScreenshot(testInfo, "carets", liu.locator('[data-testid="section-editor-card"]'));

  // 字数 as WPS counts it: 20 for this text (汉字 + "12" + "560", punctuation not counted).
  const before = await editorText(liu);
  await editorOf(liu).evaluate((el) => (el as unknown as { editor: { commands: { focus(): void; selectAll(): void } } }).editor.commands.selectAll());
  await liu.keyboard.insertText("全年共开展主题党日活动12次，参与党员560人次。");
  await expect(liu.getByTestId("word-count")).toHaveText("字数：20");
  await expect(yang.getByTestId("word-count")).toHaveText("字数：20");

  // 撤销 takes the replacement back, 重做 brings it again; 杨静's text is not touched.
  const undo = liu.getByRole("button", { name: "撤销" });
  const redo = liu.getByRole("button", { name: "重做" });
  await expect(redo).toBeDisabled();
  await undo.click();
  await expect.poll(() => editorText(liu)).toBe(before);
  await expect(redo).toBeEnabled();
  await redo.click();
  await expect.poll(() => editorText(liu)).toBe("全年共开展主题党日活动12次，参与党员560人次。");
  await expect(liu.getByTestId("word-count")).toHaveText("字数：20");
  await saved(liu);

  // Submitted, the version on the history page counts the same.
  await transition(liu.request, server.url, id, "submit");
  await liu.goto(`/sections/${id}/history`);
  await expect(liu.getByTestId("version-list")).toContainText("20 字");
  await liu.context().close();
  await yang.context().close();
});
