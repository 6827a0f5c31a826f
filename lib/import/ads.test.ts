import { describe, expect, it } from "vitest";
import { isAdLine, removeAds } from "./ads";

describe("isAdLine", () => {
  it.each([
    "仅供学习 禁止外传",
    "自建平台、实时分享",
    "根据实际需求和形式任务不断迭代",
    "现在订阅立享前3年的所有权益和资料 ",
    "【打击倒卖活动】",
    "举报倒卖会员资料的人，举报成功免费赠送一年会员材料！",
    "会员群：                      免费QQ群：         ",
    "咨询QQ：123456789",
    "加微信：wenmi_2020",
    "关注公众号获取更多范文",
    "更多资料请访问本站",
    "下载后可编辑",
    "https://www.example.com/doc/123",
    "本文来源于网络，如有侵权请联系删除。",
  ])("ad: %s", (line) => {
    expect(isAdLine(line)).toBe(true);
  });

  it.each([
    "2020年上半年党建工作总结",
    "引导党员关注微信公众号“学习强国”，每日学习打卡。",
    "各级党组织通过建立完善基层党组织微信公众号等宣传平台的方式，对学习内容开展专题研讨。",
    "涉密文件严禁外传。",
    "组织订阅党报党刊X份。",
    "（三）严厉打击倒卖文物犯罪",
    "以党员大会、会员大会等形式学习指示和精神。",
    "严格落实扫码登记、测温等防控措施。",
    "下半年工作安排",
    "",
  ])("not an ad: %s", (line) => {
    expect(isAdLine(line)).toBe(false);
  });
});

describe("removeAds", () => {
  it("removes a brand line inside an ad block and drops blank lines silently", () => {
    const r = removeAds(["仅供学习 禁止外传", "酷乐文行", "自建平台、实时分享", "", "  ", "2020年上半年工作总结", "正文。"]);
    expect(r.removed).toEqual(["仅供学习 禁止外传", "酷乐文行", "自建平台、实时分享"]);
    expect(r.kept).toEqual(["2020年上半年工作总结", "正文。"]);
  });

  it("keeps short document lines next to ads: title, organisation, signature, date", () => {
    const lines = ["XX县委组织部", "仅供学习 禁止外传", "工作总结", "正文。", "XX党委", "2020年7月", "更多资料请关注公众号"];
    expect(removeAds(lines).kept).toEqual(["XX县委组织部", "工作总结", "正文。", "XX党委", "2020年7月"]);
  });

  it("keeps a short line whose neighbours are not both ads or file boundaries", () => {
    expect(removeAds(["正文。", "酷乐文行", "仅供学习 禁止外传"]).kept).toEqual(["正文。", "酷乐文行"]);
    expect(removeAds(["酷乐文行", "仅供学习 禁止外传"]).kept).toEqual([]);
  });
});
