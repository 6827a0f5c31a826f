/**
 * Demo documents for tests, renders and benchmarks (invented text, no real organisation).
 */
import { numberLabel } from "../outline/numbering";
import type { AssembledDocument, AssembledSection, Block } from "./types";

const p = (text: string): Block => ({ type: "paragraph", runs: [{ text }] });

/**
 * A small document that uses every feature: four heading levels, bold and italic runs, both
 * list kinds, a hard line break, a table with a header row, one section per review state, and
 * a 落款. Takes overrides of
 * the document fields (e.g. { draft: false, finalVersion: 3 }); returns a fresh document.
 */
export function sampleDocument(overrides: Partial<AssembledDocument> = {}): AssembledDocument {
  const sections: AssembledSection[] = [
    { id: "s1", number: "一、", title: "上半年主要工作情况", level: 1, state: "approved", blocks: [p("今年以来，我局围绕年度目标任务，统筹推进各项工作，总体进展顺利，多数指标完成过半。")] },
    {
      id: "s2", number: "（一）", title: "扎实推进数据资源整合", level: 2, state: "approved", departmentName: "数据资源处",
      blocks: [
        { type: "paragraph", runs: [{ text: "完成全市政务数据目录梳理，" }, { text: "新增共享数据项一千二百余个", bold: true }, { text: "，接口调用量同比增长百分之三十五。" }] },
        { type: "list", ordered: true, items: [[{ text: "建立数据质量月度通报机制；" }], [{ text: "开展重点领域数据治理专项行动。" }]] },
        {
          type: "table",
          rows: [
            [{ runs: [{ text: "指标" }], header: true }, { runs: [{ text: "全年目标" }], header: true }, { runs: [{ text: "上半年完成" }], header: true }],
            [{ runs: [{ text: "共享数据项（个）" }] }, { runs: [{ text: "2000" }] }, { runs: [{ text: "1200", bold: true }] }],
            [{ runs: [{ text: "接口调用量增长" }] }, { runs: [{ text: "30%" }] }, { runs: [{ text: "35%" }] }],
          ],
        },
      ],
    },
    { id: "s3", number: "1.", title: "夯实基础设施", level: 3, state: "in_review", departmentName: "基础设施处", blocks: [p("政务云平台扩容工作已完成招标，预计第三季度投入使用。"), { type: "paragraph", runs: [{ text: "机房改造分两期实施：\n一期已完工，二期正在施工。" }] }] },
    { id: "s4", number: "（1）", title: "网络安全保障", level: 4, state: "changes_requested", blocks: [{ type: "list", ordered: false, items: [[{ text: "组织攻防演练两次；" }], [{ text: "整改", italic: true }, { text: "隐患二十三项。" }]] }] },
    { id: "s5", number: "二、", title: "存在的问题", level: 1, state: "draft", departmentName: "办公室", blocks: [p("一是部分单位数据更新不及时；二是专业人才仍然不足。")] },
    { id: "s6", number: "三、", title: "下半年工作打算", level: 1, state: "approved", blocks: [p("下半年，我局将紧盯全年目标，查漏补缺，确保各项任务按期完成。")] },
  ];
  return {
    title: "某某市数据局\n2026年上半年工作总结",
    organisation: "某某市数据局",
    date: "2026年7月10日",
    preamble: [p("现将我局2026年上半年工作情况及下半年工作打算报告如下。")],
    sections,
    draft: true,
    ...overrides,
  };
}

const SENTENCES = [
  "坚持问题导向，聚焦群众关切，推动各项政策措施落地见效。",
  "加强统筹协调，压实工作责任，形成上下联动、齐抓共管的工作格局。",
  "深化改革创新，优化服务流程，办事效率和群众满意度持续提升。",
  "强化督促检查，建立工作台账，对照时间节点逐项推进销号。",
];

/**
 * A long document: `sectionCount` level-1/2 sections with about `totalChars` characters of
 * body text in all. Takes counts; returns a draft document, numbered with numberLabel.
 */
export function largeDocument(sectionCount = 40, totalChars = 60_000): AssembledDocument {
  const perSection = Math.ceil(totalChars / sectionCount);
  let top = 0;
  let sub = 0;
  const sections: AssembledSection[] = Array.from({ length: sectionCount }, (_, i) => {
    const level = i % 4 === 0 ? 1 : 2;
    if (level === 1) { top += 1; sub = 0; } else sub += 1;
    const blocks: Block[] = [];
    let written = 0;
    for (let k = 0; written < perSection; k++) {
      const text = Array.from({ length: 5 }, (_, j) => SENTENCES[(i + k + j) % SENTENCES.length]).join("");
      blocks.push(p(text));
      written += text.length;
    }
    const number = numberLabel(level, level === 1 ? top : sub);
    return { id: `L${i}`, number, title: `第${i + 1}项重点工作`, level, state: i % 7 === 3 ? "in_review" : "approved", blocks } as AssembledSection;
  });
  return { title: "某某市2026年上半年工作总结（长文档）", organisation: "某某市人民政府办公室", date: "2026年7月15日", preamble: [p("现将有关情况报告如下。")], sections, draft: true };
}
