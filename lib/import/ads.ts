/**
 * Lines that are not part of the document: reseller ads and watermarks that downloaded
 * summaries carry at the top, middle or bottom (`仅供学习 禁止外传`, `会员群：`, `免费QQ群：`,
 * `【打击倒卖活动】`, URLs …). Rules are deliberately narrow — a real line must never be lost —
 * and the admin sees every removed line before anything is created (design.md, "Import").
 */
import { matchHeading } from "./headings";
import { looksLikeTitle } from "./line-roles";

// Specific enough to mark a line up to 120 characters, whatever its punctuation: no real
// summary sentence contains a URL, a QQ/WeChat id, a membership offer or an anti-resale notice.
const STRONG: RegExp[] = [
  /https?:\/\/|www\.|[a-z0-9-]+\.(com|cn|net|org|top|vip|cc|xyz)\b/i,
  /(QQ|qq|扣扣|微信|VX|vx|WX|wx|weixin)\s*(群|号)?\s*[:：]?\s*[0-9A-Za-z_-]{5,}/,
  /会员群|开通会员|会员专享|订阅立享|立享/,
  /倒卖.{0,4}(资料|会员|材料|文档|范文)|【[^】]*倒卖[^】]*】/,
  /自建平台|实时分享|根据实际需求和形式任务/,
  /仅供.{0,4}(学习|参考|交流).{0,6}(禁止|请勿|严禁|不得|勿)/,
  /范文(网|大全)|写作网|转载请注明|侵权(必究|删除|请联系)|来源于网络|本文(来源|来自|转载)/,
];

// Ad wording that a real sentence could also use (`关注微信公众号“学习强国”`, `涉密文件严禁
// 外传`, `扫码登记`); trusted only on a short line that does not end like a sentence.
const WEAK: RegExp[] = [
  /(QQ|qq|Q群|微信群?|VX|vx|公众号)\s*(群|号)?\s*[:：]/,
  /(加|添加|关注|搜索)(我的?)?(微信|QQ|qq|公众号|VX|vx)/,
  /仅供.{0,4}(学习|参考|交流)/,
  /(禁止|请勿|严禁|不得)(外传|转载|倒卖|商用|传播|复制)/,
  /不断迭代|VIP|vip|文库/,
  /^更多.{0,8}(资料|范文|文章|文档|内容|精彩|材料|模板)/,
  /^(免费)?下载|点击下载|免费下载|下载(地址|链接|方式)/,
  /扫码(关注|添加|加群|进群|领取|获取)|扫一扫|二维码/,
  /淘宝|店铺|旗舰店/,
];

/**
 * Whether one line is advertising or a watermark rather than document text.
 * Numbered headings are never ads. Rule source: the ad blocks of the seed documents and the
 * usual reseller wording (contacts, membership, anti-resale notices, URLs, "更多资料…", "下载…").
 * @param line one line (trimmed or not). Never throws.
 */
export function isAdLine(line: string): boolean {
  const s = line.trim();
  if (!s || s.length > 120 || matchHeading(s)) return false;
  if (STRONG.some((re) => re.test(s))) return true;
  return s.length <= 40 && !/[。；;]$/.test(s) && WEAK.some((re) => re.test(s));
}

// A shop or brand name (`酷乐文行`): short, no punctuation, and not something a document has
// on a line of its own — a title, a part heading, an organisation, a signature or a date.
function isBrandLike(s: string): boolean {
  if (s.length > 12 || /[\p{P}\p{S}0-9０-９]/u.test(s) || looksLikeTitle(s)) return false;
  return !/党|委|组|局|厅|办|部|处|科|室|院|校|中心|公司|集团|政府|省|市|县|区|镇|乡|村|街道|年|月|日|问题|工作|情况|计划|安排|做法|措施|成效|经验|打算/.test(s);
}

/**
 * Which of the non-blank, trimmed `lines` are ads: `isAdLine`, or a brand-like line directly
 * inside an ad block (its neighbouring lines are ads, or the start/end of the file, with at
 * least one real ad).
 * @param lines trimmed, non-blank lines in order.
 * @param never lines that are never ads (e.g. a table's place), by index.
 * @returns one flag per line. Never throws.
 */
export function adFlags(lines: readonly string[], never: readonly boolean[] = []): boolean[] {
  const ad = lines.map((s, i) => !never[i] && isAdLine(s));
  const brand = lines.map((s, i) => {
    if (ad[i] || never[i] || !isBrandLike(s)) return false;
    const prev = i > 0 ? ad[i - 1] : null; // null: start of file
    const next = i < lines.length - 1 ? ad[i + 1] : null;
    return prev !== false && next !== false && (prev === true || next === true);
  });
  return ad.map((a, i) => a || brand[i]);
}

/**
 * Splits lines into document lines and removed ad lines (see `adFlags`). Blank lines are
 * dropped silently.
 * @param lines raw lines in order.
 * @returns `kept` (trimmed, non-blank, in order) and `removed` (trimmed, in order). Never throws.
 */
export function removeAds(lines: readonly string[]): { kept: string[]; removed: string[] } {
  const nonBlank = lines.map((l) => l.trim()).filter((l) => l !== "");
  const flags = adFlags(nonBlank);
  const kept: string[] = [];
  const removed: string[] = [];
  nonBlank.forEach((s, i) => (flags[i] ? removed : kept).push(s));
  return { kept, removed };
}
