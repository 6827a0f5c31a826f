/**
 * 主送机关 in an imported summary (GB/T 9704-2012 §7.3.2): a short line ending in a colon right
 * after the title, naming who the document goes to (`县委、县政府：`, `集团公司党委：`,
 * `各乡镇人民政府，县直各部门：`). It is its own part of the report, never glued into the opening.
 */
import { matchHeading } from "./headings";
import { isPartHeading } from "./line-roles";

const MAX_LENGTH = 40;
// What an addressee ends with: an organ, a body, a person's office (县委、县政府 / 各部门 / 领导).
const ORGAN_END = /(委|府|局|厅|部|办|处|科|室|院|(委员|理事|联合|工|协|商|学|董事|监事)会|司|组|所|站|中心|门|队|校|馆|行|社|领导|同志|单位|机关|集团|镇|乡|街道|县|市|区|省|州|盟|旗|村|社区)$/;
// A colon line that introduces text instead: `现将有关情况汇报如下：`, `主要做法是：`.
const LEAD_IN = /如下$|是$|为$|有$|现将|汇报|报告|总结/;

/**
 * The 主送 of a line, or null when the line is not one: at most 40 characters, ending in `：`
 * or `:`, no sentence punctuation (`。！？；`), not a numbered heading, not a lead-in (`…如下：`)
 * nor a part heading with a colon (`主要工作：`), and its last name ending like an organ or
 * office (委/府/局/部/办/…/领导/同志/单位).
 * @param line one trimmed line — the caller passes only the line right after the title.
 * @returns the addressee without its colon (`县委、县政府`), or null. Never throws.
 */
export function addresseeOf(line: string): string | null {
  if (line.length > MAX_LENGTH || !/[：:]$/.test(line)) return null;
  const name = line.slice(0, -1).trim();
  if (!name || /[。！？!?；;：:]/.test(name) || matchHeading(name)) return null;
  if (LEAD_IN.test(name) || isPartHeading(name, undefined)) return null;
  const last = name.split(/[、，,\s]+/).filter(Boolean).pop() ?? "";
  return ORGAN_END.test(last) ? name : null;
}
