/**
 * zod schemas of the robot admin input (/admin/robots). Vendors and their webhook documentation:
 * 企业微信 群机器人 (qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…), 钉钉 自定义机器人
 * (oapi.dingtalk.com/robot/send?access_token=…, secret `SEC…` for 加签), 飞书 自定义机器人
 * (open.feishu.cn/open-apis/bot/v2/hook/…, secret for 签名校验).
 */
import { z } from "zod";

export const ROBOT_VENDORS = { wecom: "企业微信", dingtalk: "钉钉", feishu: "飞书" } as const;
export type RobotVendor = keyof typeof ROBOT_VENDORS;

const optionalId = z.string().trim().nullish().transform((s) => s || null);

/** A robot as the admin enters it. `secret`: "" keeps the stored one on update (see `clearSecret`). */
export const robotInputSchema = z.object({
  vendor: z.enum(["wecom", "dingtalk", "feishu"], { error: "请选择机器人类型" }),
  name: z.string({ error: "请填写名称" }).trim().min(1, "请填写名称").max(40, "名称不超过 40 个字"),
  url: z.string({ error: "请填写 Webhook 地址" }).trim().max(1000, "地址过长")
    .refine((s) => { try { return ["http:", "https:"].includes(new URL(s).protocol); } catch { return false; } }, "Webhook 地址必须是 http(s):// 开头的完整网址"),
  secret: z.string().trim().max(200, "密钥过长").optional().transform((s) => s || null),
  clearSecret: z.boolean().optional(),
  departmentId: optionalId,
  reportId: optionalId,
});
export type RobotInput = z.input<typeof robotInputSchema>;
export type ParsedRobotInput = z.output<typeof robotInputSchema>;
