/**
 * What a delivery sends, rendered when it is planned (in the cause's transaction) and stored in
 * `notification_deliveries.payload`, so a retry days later sends the same words. Parsed with
 * zod when the worker reads it back (jsonb is a boundary).
 */
import { z } from "zod";
import { NOTIFICATION_KINDS, type NotificationKind } from "../kinds";
import { absoluteLink } from "./app-url";

export const emailPayloadSchema = z.object({ subject: z.string().min(1), text: z.string(), link: z.string() });
export type EmailPayload = z.infer<typeof emailPayloadSchema>;

export const robotPayloadSchema = z.object({ title: z.string().min(1), markdown: z.string(), text: z.string(), link: z.string() });
export type RobotPayload = z.infer<typeof robotPayloadSchema>;

const SIGNATURE = "——合稿（系统自动发送，请勿直接回复）";

/** The subject prefix of every mail, so people can filter them. */
export const SUBJECT_PREFIX = "【合稿】";

/**
 * The mail of one notification to one person: zh-CN subject `【合稿】<title>`, a plain-text body
 * with the kind, the body (comment, note) and the absolute link.
 */
export function renderEmail(input: { name: string; kind: string; title: string; body: string; link: string }): EmailPayload {
  const link = absoluteLink(input.link);
  const lines = [`${input.name}，您好：`, "", `${kindLabel(input.kind)}：${input.title}`];
  if (input.body.trim()) lines.push("", input.body.trim());
  lines.push("", `查看详情：${link}`, "", SIGNATURE);
  return { subject: `${SUBJECT_PREFIX}${input.title}`, text: lines.join("\n"), link };
}

/**
 * The group-chat message of one event: a bold kind line, the title, the body as a quote, whom
 * it concerns, and a link (markdown for 企业微信 / 钉钉, plain text for 飞书's post). `label`
 * replaces the kind's label (the admin's 测试消息).
 */
export function renderRobot(input: { kind: string; title: string; body: string; link: string; names: string[]; label?: string }): RobotPayload {
  const link = absoluteLink(input.link);
  const label = input.label ?? kindLabel(input.kind);
  const body = input.body.trim();
  const who = input.names.length ? `通知：${input.names.join("、")}` : "";
  const markdown = [
    `**${SUBJECT_PREFIX}${label}**`, "", input.title,
    ...(body ? ["", ...body.split("\n").map((l) => `> ${l}`)] : []),
    ...(who ? ["", who] : []),
    "", `[查看详情](${link})`,
  ].join("\n");
  const text = [input.title, ...(body ? [body] : []), ...(who ? [who] : [])].join("\n");
  return { title: `${SUBJECT_PREFIX}${label}`, markdown, text, link };
}

/** zh-CN label of a kind (the kind itself when unknown). */
export function kindLabel(kind: string): string {
  return NOTIFICATION_KINDS[kind as NotificationKind] ?? kind;
}
