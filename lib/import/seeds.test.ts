/**
 * The three real summaries in shared/fixtures/seeds (UTF-8 as downloaded, ads included): the
 * outline a person would draw, no ad surviving, no document line lost.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { matchHeading } from "./headings";
import iconv from "iconv-lite";
import { importFile, importText } from "./index";
import type { ImportResult } from "./types";

const SEEDS = path.resolve(__dirname, "../../../shared/fixtures/seeds");
const read = (name: string) => readFileSync(path.join(SEEDS, name), "utf8");
const outline = (r: ImportResult) => r.sections.map((s) => [s.level, s.title]);

// Compare lines ignoring whitespace and sentence ends, which number stripping / title-body
// splitting legitimately change.
const norm = (s: string) => s.replace(/[\s。：:]/g, "");

/** Every non-blank line of `text` that was not removed must be found in the result. */
function expectNoLineLost(text: string, r: ImportResult) {
  const pieces = new Set<string>([norm(r.title)]);
  for (const l of r.preamble.split("\n")) pieces.add(norm(l));
  for (const s of r.sections) {
    const body = s.body.split("\n");
    pieces.add(norm(s.title));
    pieces.add(norm(s.title + body[0])); // run-in heading `（一）标题。正文…`
    for (const l of body) pieces.add(norm(l));
  }
  const removed = new Set(r.removed);
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (!line || removed.has(line)) continue;
    const h = matchHeading(line);
    expect(pieces.has(norm(h ? h.rest : line)), `lost: ${line.slice(0, 30)}`).toBe(true);
  }
}

/** The ad block: every non-blank line above the title, and nothing of it left in the result. */
function expectAdsRemoved(text: string, r: ImportResult) {
  const lines = text.split("\n").map((l) => l.trim()).filter(Boolean);
  expect(r.removed).toEqual(lines.slice(0, lines.indexOf(r.title)));
  const all = [r.title, r.preamble, ...r.sections.flatMap((s) => [s.title, s.body])].join("\n");
  for (const ad of ["仅供学习", "禁止外传", "酷乐文行", "会员群", "会员资料", "QQ", "倒卖", "订阅立享", "自建平台", "迭代"]) {
    expect(all).not.toContain(ad);
  }
}

describe("county-bureau-2020h1.txt", () => {
  const text = read("county-bureau-2020h1.txt");
  const r = importText(text);

  it("recognises title, preamble and the outline", () => {
    expect(r.title).toBe("2020年上半年党建工作总结");
    expect(r.preamble).toMatch(/^2020年，X党委以习近平.*现将X上半年党建工作总结汇报如下：$/);
    expect(outline(r)).toEqual([
      [1, "工作开展情况"],
      [2, "落实主体责任，始终把党的政治建设摆在首位"],
      [2, "加强党的领导，全面打赢新冠肺炎疫情防控阻击战"],
      [2, "全面加强基层组织和干部人才队伍建设"],
      [2, "着力打造“红色引擎·引领发展”党建品牌"],
      [2, "密切联系服务群众，持之以恒抓好作风建设"],
      [2, "围绕精准脱贫，狠抓各项工作落实"],
      [1, "存在的主要问题"],
      [1, "下步工作计划"],
    ]);
  });

  it("splits run-in headings and keeps 一是…四是 paragraphs as body", () => {
    expect(r.sections[1].body).toMatch(/^利用“三会一课”/);
    expect(r.sections[8].body.split("\n").map((l) => l.slice(0, 2))).toEqual(["一是", "二是", "三是", "四是"]);
    expect(r.sections[0].body).toBe("");
  });

  it("counts placeholders per section", () => {
    expect(r.sections[2].placeholders).toBe(10); // X党员干部 X个组 X条 X个 X个 X“两新” X元 X个 X吨 X个
    expect(r.sections[1].placeholders).toBe(0);
  });

  it("removes the ad block and loses no document line", () => {
    expectAdsRemoved(text, r);
    expectNoLineLost(text, r);
  });
});

describe("enterprise-dept-2020h1.txt", () => {
  const text = read("enterprise-dept-2020h1.txt");
  const r = importText(text);

  it("recognises title, preamble and the outline with 1. nested in 一、 as level 2", () => {
    expect(r.title).toBe("党建工作2020年半年工作总结（企业）");
    expect(r.preamble.split("\n")).toHaveLength(1);
    expect(outline(r)).toEqual([
      [1, "完成的重点工作"],
      [2, "学习理论知识,专业素养进一步提升"],
      [2, "明确重点任务，落实之风进一步夯实"],
      [2, "推动宣传文化，团队力量进一步凝聚"],
      [2, "加强日常监督，纪律作风进一步严明"],
      [2, "强化工会职能，纽带作用进一步发挥"],
      [1, "工作中存在的不足"],
      [1, "下半年的工作计划"],
    ]);
  });

  it("keeps the blank inside the preamble sentence and the tail paragraphs in the last section", () => {
    expect(r.preamble).toContain("分公司党委、\u00a0\u00a0 公司党委2020年");
    const last = r.sections[7].body.split("\n");
    expect(last).toHaveLength(9);
    expect(last[6]).toMatch(/^对内宣传要讲清楚/);
    expect(last[8]).toMatch(/^六是密切关注职工合理诉求/);
    expect(r.sections[3].placeholders).toBe(7); // X篇 《X》X期 《X》X期 《X》X期
  });

  it("removes the ad block and loses no document line", () => {
    expectAdsRemoved(text, r);
    expectNoLineLost(text, r);
  });
});

describe("group-company-2020h1.txt", () => {
  const text = read("group-company-2020h1.txt");
  const r = importText(text);

  it("recognises title, preamble and the outline", () => {
    expect(r.title).toBe("2020年企业党建年中工作总结");
    expect(r.preamble).toMatch(/^2020年上半年以来，集团公司党委深入贯彻/);
    expect(outline(r)).toEqual([
      [1, "上半年工作成效"],
      [2, "筑牢“主阵地”，让思想教育“实”起来"],
      [2, "畅通“主动脉”，让战斗堡垒“强”起来"],
      [2, "锤炼“主力军”，让模范作用“亮”出来"],
      [2, "把牢“主动权”，让管党治党“严”起来"],
      [1, "存在问题及不足"],
      [2, "党员教育管理力度需要加大"],
      [2, "干部队伍建设力度需要加大"],
      [2, "廉政风险防范力度需要加大"],
      [1, "下半年工作举措"],
      [2, "以提升向心力为导向，推动思想建设展现新气象"],
      [2, "以提升组织力为重点，推动基础建设迈上新台阶"],
      [2, "以提升战斗力为目标，推动队伍建设实现新突破"],
      [2, "以提升凝聚力为核心，推动廉政建设开创新局面"],
    ]);
  });

  it("puts a level-1 lead-in paragraph into that section's body", () => {
    expect(r.sections[1].body).toMatch(/^牢牢掌握意识形态的领导权和主动权/);
    expect(r.sections[5].body).toBe("上半年的党建工作还存在以下几方面的问题和不足：");
    expect(r.sections[9].body).toMatch(/^2020年下半年，集团公司党委/);
  });

  it("has nothing to remove and loses no document line", () => {
    expect(r.removed).toEqual([]);
    expectNoLineLost(text, r);
    expect(r.sections.reduce((n, s) => n + s.placeholders, 0)).toBe(12);
  });
});

describe.each(["county-bureau-2020h1.txt", "enterprise-dept-2020h1.txt", "group-company-2020h1.txt"])("%s as a file", (name) => {
  it("imports the same from UTF-8, UTF-8 with BOM, GB18030 and UTF-16LE bytes", async () => {
    const text = read(name);
    const expected = importText(text);
    const files = [
      readFileSync(path.join(SEEDS, name)),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
      iconv.encode(text, "gb18030"),
      Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, "utf-16le")]),
    ];
    for (const bytes of files) expect(await importFile({ bytes, filename: name })).toEqual(expected);
  });
});
