/**
 * The one Postgres schema of Hegao (drizzle-orm). Used unchanged by PGlite (embedded default)
 * and PostgreSQL (`DATABASE_URL`). Migrations are generated from this file by drizzle-kit into
 * `db/migrations` and applied at start.
 *
 * Section titles are stored without numbers; numbers are computed (lib/outline/numbering.ts).
 */
import { sql } from "drizzle-orm";
import {
  bigserial, boolean, customType, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex,
} from "drizzle-orm/pg-core";

/** bytea column as Uint8Array (PGlite returns Uint8Array, node-postgres returns Buffer). */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (v) => (v instanceof Uint8Array ? new Uint8Array(v.buffer, v.byteOffset, v.byteLength) : v),
});

const id = () => text("id").primaryKey().default(sql`gen_random_uuid()::text`);
const createdAt = () => timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow();

export const ROLES = ["editor", "reviewer", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const SECTION_STATES = ["draft", "in_review", "approved", "changes_requested"] as const;
export type SectionState = (typeof SECTION_STATES)[number];

/** "body": a node of the outline; "opening": the report's opening (开头), one per report, outside the outline. */
export const SECTION_KINDS = ["body", "opening"] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];

export const REPORT_STATUSES = ["collecting", "finalized"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** Single-row settings: the organisation's name and whether it is demo data. */
export const organisation = pgTable("organisation", {
  id: integer("id").primaryKey().default(1),
  name: text("name").notNull(),
  demo: boolean("demo").notNull().default(false),
  createdAt: createdAt(),
});

export const departments = pgTable("departments", {
  id: id(),
  name: text("name").notNull().unique(),
  /** CSS colour used for presence carets and badges, e.g. "#b91c1c". */
  color: text("color").notNull().default("#475569"),
  position: integer("position").notNull().default(0),
  createdAt: createdAt(),
});

export const users = pgTable("users", {
  id: id(),
  username: text("username").notNull().unique(),
  displayName: text("display_name").notNull(),
  passwordHash: text("password_hash").notNull(),
  departmentId: text("department_id").notNull().references(() => departments.id),
  role: text("role", { enum: ROLES }).notNull(),
  disabled: boolean("disabled").notNull().default(false),
  /** 部门负责人: signs off the department's sections at a `departmentLead` stage of a review chain. */
  isDepartmentLead: boolean("is_department_lead").notNull().default(false),
  /** Optional e-mail address for notifications (null: no e-mail). */
  email: text("email"),
  /** E-mail delivery: "immediate" (one mail per notification) or "digest" (one mail a day, HEGAO_DIGEST_AT). */
  emailMode: text("email_mode", { enum: ["immediate", "digest"] }).notNull().default("immediate"),
  /** Per-kind channel choices that differ from the defaults (lib/notify/preferences.ts). */
  notificationPrefs: jsonb("notification_prefs").$type<NotificationPrefsJson>().notNull().default({}),
  createdAt: createdAt(),
});

/** Channels a notification may travel by besides the in-app bell. */
export const NOTIFICATION_CHANNELS = ["email", "wecom", "dingtalk", "feishu"] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];
/** Per notification kind: whether the bell (`app`) and e-mail (`email`) are wanted; missing = default. */
export type NotificationPrefsJson = Record<string, { app?: boolean; email?: boolean }>;

/**
 * Sign-in throttling counters, one row per key: `account:<username>` or `address:<ip>`.
 * Updated in one atomic `INSERT … ON CONFLICT DO UPDATE … RETURNING` per attempt, so parallel
 * attempts cannot slip past the limit (lib/auth/throttle.ts). Shared by every instance.
 */
export const signInAttempts = pgTable("sign_in_attempts", {
  key: text("key").primaryKey(),
  /** Attempts counted in the current window (reserved before the password is checked). */
  failures: integer("failures").notNull().default(0),
  windowStart: timestamp("window_start", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  /** Set when the limit was reached; attempts are refused until then. */
  lockedUntil: timestamp("locked_until", { withTimezone: true, mode: "date" }),
});

/** Who may approve at a stage; the rules combine (an account admitted by any rule is an approver). */
export interface ApproverRulesJson {
  users?: string[];
  departmentLead?: true;
  department?: string;
  role?: Role;
}
/** One stage of a review chain: `any` (或签) one approval completes it, `all` (会签) every approver. */
export interface ChainStageJson {
  name: string;
  mode: "any" | "all";
  approvers: ApproverRulesJson;
}
/** Today's single review: one stage, any reviewer (or admin) approves. */
export const DEFAULT_CHAIN_JSON: ChainStageJson[] = [{ name: "审核", mode: "any", approvers: { role: "reviewer" } }];

/** Review chain templates the admin manages; a report copies one at creation (lib/workflow/chain.ts). */
export const reviewChainTemplates = pgTable("review_chain_templates", {
  id: id(),
  name: text("name").notNull().unique(),
  stages: jsonb("stages").$type<ChainStageJson[]>().notNull(),
  createdAt: createdAt(),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});

export const reports = pgTable("reports", {
  id: id(),
  title: text("title").notNull(),
  period: text("period").notNull().default(""),
  organisationName: text("organisation_name").notNull(),
  /**
   * Opening paragraph(s) as imported, one per line. Legacy: since the opening became its own
   * collaborative section (`sections.kind = "opening"`), it is read only to create that section.
   */
  preamble: text("preamble").notNull().default(""),
  /** 主送机关, e.g. "县委、县政府" (without the final "："); "" when the report has none. */
  addressee: text("addressee").notNull().default(""),
  /** 附件说明: attachment names in order, without their numbers. */
  attachments: jsonb("attachments").$type<string[]>().notNull().default([]),
  /** 落款 signing unit; null → the organisation name. */
  signOffUnit: text("sign_off_unit"),
  /** 成文日期 (YYYY-MM-DD); null → the finalize date. */
  signOffDate: date("sign_off_date", { mode: "string" }),
  /** Placeholder marks "有意保留" on the report's own parts (lib/reports/parts-placeholders.ts keys). */
  intendedPlaceholders: jsonb("intended_placeholders").$type<string[]>().notNull().default([]),
  deadline: date("deadline", { mode: "string" }),
  status: text("status", { enum: REPORT_STATUSES }).notNull().default("collecting"),
  version: integer("version").notNull().default(1),
  /** The report's own copy of its review chain, so editing a template never changes a running report. */
  reviewChain: jsonb("review_chain").$type<ChainStageJson[]>().notNull().default(DEFAULT_CHAIN_JSON),
  /** Name of the template the chain was copied from (display only). */
  reviewChainName: text("review_chain_name").notNull().default("默认（一级审核）"),
  /** 各部门可查看全文草稿: editors may read (never write) every section and the preview. */
  draftsVisibleToAll: boolean("drafts_visible_to_all").notNull().default(false),
  createdBy: text("created_by").references(() => users.id),
  /** The report this one was rolled forward from (开始下一期), or null. */
  previousReportId: text("previous_report_id"),
  createdAt: createdAt(),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});

export const sections = pgTable("sections", {
  id: id(),
  reportId: text("report_id").notNull().references(() => reports.id, { onDelete: "cascade" }),
  parentId: text("parent_id"),
  /** "opening" rows (level 0) are the report's opening: same room, persistence and review, but not numbered or listed. */
  kind: text("kind", { enum: SECTION_KINDS }).notNull().default("body"),
  level: integer("level").notNull(),
  position: integer("position").notNull(),
  title: text("title").notNull(),
  departmentId: text("department_id").references(() => departments.id),
  dueDate: date("due_date", { mode: "string" }),
  /** 字数要求: at most this many 字 (lib/text/word-count), or null for none. Warned, never enforced. */
  wordLimit: integer("word_limit"),
  state: text("state", { enum: SECTION_STATES }).notNull().default("draft"),
  /** Optimistic-concurrency counter, bumped by every review transition. */
  version: integer("version").notNull().default(1),
  /** Placeholder keys the editors marked as intended (lib/placeholders). */
  intendedPlaceholders: jsonb("intended_placeholders").$type<string[]>().notNull().default([]),
  /** Placeholder count at the last submit / intended mark (pages count the live text). */
  placeholderCount: integer("placeholder_count").notNull().default(0),
  /** Last reviewer-seen version id, for "changes since the last reviewed version". */
  lastReviewedVersionId: text("last_reviewed_version_id"),
  /** In review: the chain stage (1-based) the section waits at. */
  stage: integer("stage").notNull().default(1),
  /** Review round: bumped by every submit; approvals of an earlier round are void. */
  reviewRound: integer("review_round").notNull().default(0),
  /** `version` when the current stage was entered: an approve made from any version since is still valid (会签). */
  stageSinceVersion: integer("stage_since_version").notNull().default(1),
  /** When the section entered its current stage (inbox order). */
  stageSince: timestamp("stage_since", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  lastActivityAt: timestamp("last_activity_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  /** The same section of the previous period's report (roll forward), or null. */
  previousSectionId: text("previous_section_id"),
  /**
   * The body as imported (last period's text of a report created by import): plain text and
   * ProseMirror JSON; null for sections not created by an import. Not a version: never listed
   * or numbered with the 提交稿.
   */
  importedText: text("imported_text"),
  importedJson: jsonb("imported_json"),
  createdAt: createdAt(),
}, (t) => [index("sections_report").on(t.reportId, t.position)]);

/** Append-only Yjs update log of a section, compacted into one row now and then. */
export const sectionUpdates = pgTable("section_updates", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  sectionId: text("section_id").notNull().references(() => sections.id, { onDelete: "cascade" }),
  update: bytea("update").notNull(),
  createdAt: createdAt(),
}, (t) => [index("section_updates_section").on(t.sectionId, t.id)]);

/** Frozen, immutable snapshots taken by submit and approve. */
export const sectionVersions = pgTable("section_versions", {
  id: id(),
  sectionId: text("section_id").notNull().references(() => sections.id, { onDelete: "cascade" }),
  number: integer("number").notNull(),
  kind: text("kind", { enum: ["submitted", "approved"] }).notNull(),
  yjsState: bytea("yjs_state").notNull(),
  contentJson: jsonb("content_json").notNull(),
  text: text("text").notNull(),
  createdBy: text("created_by").references(() => users.id),
  createdAt: createdAt(),
}, (t) => [uniqueIndex("section_versions_number").on(t.sectionId, t.number)]);

/** Audit log of review transitions. */
export const reviewEvents = pgTable("review_events", {
  id: id(),
  sectionId: text("section_id").notNull().references(() => sections.id, { onDelete: "cascade" }),
  actorId: text("actor_id").notNull().references(() => users.id),
  event: text("event").notNull(),
  fromState: text("from_state").notNull(),
  toState: text("to_state").notNull(),
  comment: text("comment"),
  versionId: text("version_id"),
  /** The chain stage (1-based) the event acted at, and its name then (approve, request_changes, delegate). */
  stage: integer("stage"),
  stageName: text("stage_name"),
  createdAt: createdAt(),
}, (t) => [index("review_events_section").on(t.sectionId, t.createdAt)]);

/**
 * Approvals of a section's review round, one per approver per stage, bound to the frozen
 * submitted version (id and SHA-256 of its text + JSON). A later submit starts a new round
 * (older rounds are void); a return to the previous stage voids that stage's approvals.
 */
export const sectionApprovals = pgTable("section_approvals", {
  id: id(),
  sectionId: text("section_id").notNull().references(() => sections.id, { onDelete: "cascade" }),
  round: integer("round").notNull(),
  stage: integer("stage").notNull(),
  approverId: text("approver_id").notNull().references(() => users.id),
  /** Set when the approval was delegated (转交): whose pending approval it stands for. */
  onBehalfOfId: text("on_behalf_of_id").references(() => users.id),
  versionId: text("version_id").notNull(),
  contentHash: text("content_hash").notNull(),
  voidedAt: timestamp("voided_at", { withTimezone: true, mode: "date" }),
  createdAt: createdAt(),
}, (t) => [
  uniqueIndex("section_approvals_once").on(t.sectionId, t.round, t.stage, t.approverId).where(sql`voided_at is null`),
  index("section_approvals_section").on(t.sectionId, t.round),
]);

/** 转交: a pending approval of one stage handed from one account to another in a review round. */
export const sectionDelegations = pgTable("section_delegations", {
  id: id(),
  sectionId: text("section_id").notNull().references(() => sections.id, { onDelete: "cascade" }),
  round: integer("round").notNull(),
  stage: integer("stage").notNull(),
  fromId: text("from_id").notNull().references(() => users.id),
  toId: text("to_id").notNull().references(() => users.id),
  byId: text("by_id").notNull().references(() => users.id),
  createdAt: createdAt(),
}, (t) => [uniqueIndex("section_delegations_once").on(t.sectionId, t.round, t.stage, t.fromId)]);

/**
 * Edits the collaboration server refused (the section was locked, or the update was invalid)
 * and offline edits made while a section was locked: kept aside, never merged silently, so the
 * editors can look at them and copy from them.
 */
export const rejectedDrafts = pgTable("rejected_drafts", {
  id: id(),
  sectionId: text("section_id").notNull().references(() => sections.id, { onDelete: "cascade" }),
  userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
  /** Why it was set aside: "locked" (section not editable), "invalid" (failed validation)… */
  reason: text("reason").notNull(),
  /** The plain text of the rejected draft as the author had it. */
  text: text("text").notNull().default(""),
  /** The client's Yjs update (when it could be kept), for diagnostics. */
  update: bytea("update"),
  createdAt: createdAt(),
}, (t) => [index("rejected_drafts_section").on(t.sectionId, t.createdAt)]);

/** Reviewer comments, optionally anchored to a quoted piece of text. */
export const comments = pgTable("comments", {
  id: id(),
  sectionId: text("section_id").notNull().references(() => sections.id, { onDelete: "cascade" }),
  authorId: text("author_id").notNull().references(() => users.id),
  body: text("body").notNull(),
  /** The quoted text the comment is about ("" when general). */
  anchorText: text("anchor_text").notNull().default(""),
  versionId: text("version_id"),
  resolved: boolean("resolved").notNull().default(false),
  /** Reply to this comment (threads are one level: replies point at the thread's first comment). */
  parentId: text("parent_id"),
  resolvedAt: timestamp("resolved_at", { withTimezone: true, mode: "date" }),
  resolvedById: text("resolved_by_id").references(() => users.id, { onDelete: "set null" }),
  /** Yjs relative positions (JSON of Y.RelativePosition) of the quoted text's start and end. */
  anchorStart: jsonb("anchor_start"),
  anchorEnd: jsonb("anchor_end"),
  /** Accounts @mentioned in the body (user ids). */
  mentions: jsonb("mentions").$type<string[]>().notNull().default([]),
  createdAt: createdAt(),
}, (t) => [index("comments_section").on(t.sectionId, t.createdAt)]);

/**
 * In-app notifications, one row per recipient, written in the same transaction as their cause
 * (lib/notify/notify.ts). `dedupeKey` makes reminders idempotent: (user, dedupeKey) is unique.
 */
export const notifications = pgTable("notifications", {
  id: id(),
  userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
  kind: text("kind").notNull(),
  reportId: text("report_id").references(() => reports.id, { onDelete: "cascade" }),
  sectionId: text("section_id").references(() => sections.id, { onDelete: "cascade" }),
  commentId: text("comment_id"),
  actorId: text("actor_id").references(() => users.id, { onDelete: "set null" }),
  title: text("title").notNull(),
  body: text("body").notNull().default(""),
  /** App-relative link, e.g. `/sections/<id>`. */
  link: text("link").notNull().default("/"),
  dedupeKey: text("dedupe_key"),
  readAt: timestamp("read_at", { withTimezone: true, mode: "date" }),
  createdAt: createdAt(),
}, (t) => [
  index("notifications_user").on(t.userId, t.createdAt),
  uniqueIndex("notifications_dedupe").on(t.userId, t.dedupeKey).where(sql`dedupe_key is not null`),
]);

/**
 * The transactional outbox: one row per (notification or event) and channel, written in the
 * cause's transaction and delivered by the worker in lib/notify/outbox. `idempotencyKey` is
 * unique, so a delivery is planned once; `status` moves pending → sent | failed (after the cap).
 */
export const notificationDeliveries = pgTable("notification_deliveries", {
  id: id(),
  channel: text("channel", { enum: NOTIFICATION_CHANNELS }).notNull(),
  /** E-mail address, or the robot_webhooks id. */
  target: text("target").notNull(),
  notificationId: text("notification_id").references(() => notifications.id, { onDelete: "cascade" }),
  idempotencyKey: text("idempotency_key").notNull().unique(),
  /** What to send: subject/text/markdown/link, already rendered. */
  payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
  status: text("status", { enum: ["pending", "sent", "failed"] }).notNull().default("pending"),
  attempts: integer("attempts").notNull().default(0),
  nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  /** Lease: a worker that claimed the row holds it until then (a crashed worker's claim expires). */
  lockedUntil: timestamp("locked_until", { withTimezone: true, mode: "date" }),
  lastError: text("last_error"),
  sentAt: timestamp("sent_at", { withTimezone: true, mode: "date" }),
  createdAt: createdAt(),
}, (t) => [index("notification_deliveries_due").on(t.status, t.nextAttemptAt)]);

/** Group-chat robots (企业微信 / 钉钉 / 飞书), per department or per report (both null: all). */
export const robotWebhooks = pgTable("robot_webhooks", {
  id: id(),
  vendor: text("vendor", { enum: ["wecom", "dingtalk", "feishu"] }).notNull(),
  name: text("name").notNull(),
  url: text("url").notNull(),
  /** 钉钉 加签 / 飞书 签名校验 secret (null: the robot has none). */
  secret: text("secret"),
  departmentId: text("department_id").references(() => departments.id, { onDelete: "cascade" }),
  reportId: text("report_id").references(() => reports.id, { onDelete: "cascade" }),
  enabled: boolean("enabled").notNull().default(true),
  createdAt: createdAt(),
});

/** 催报: the coordinating office chased a department (rate limit and audit). */
export const reportChases = pgTable("report_chases", {
  id: id(),
  reportId: text("report_id").notNull().references(() => reports.id, { onDelete: "cascade" }),
  departmentId: text("department_id").notNull().references(() => departments.id, { onDelete: "cascade" }),
  actorId: text("actor_id").references(() => users.id, { onDelete: "set null" }),
  note: text("note"),
  createdAt: createdAt(),
}, (t) => [index("report_chases_dept").on(t.reportId, t.departmentId, t.createdAt)]);

/** Immutable assembled finals of a report: 第1版, 第2版 after a reopen… */
export const reportFinals = pgTable("report_finals", {
  id: id(),
  reportId: text("report_id").notNull().references(() => reports.id, { onDelete: "cascade" }),
  number: integer("number").notNull(),
  /** The AssembledDocument (lib/export/types.ts) as JSON. */
  document: jsonb("document").notNull(),
  createdBy: text("created_by").references(() => users.id),
  createdAt: createdAt(),
}, (t) => [uniqueIndex("report_finals_number").on(t.reportId, t.number)]);

/** Audit log of report-level actions: finalize (with the final's number) and reopen (with the reason). */
export const reportEvents = pgTable("report_events", {
  id: id(),
  reportId: text("report_id").notNull().references(() => reports.id, { onDelete: "cascade" }),
  actorId: text("actor_id").references(() => users.id),
  event: text("event", { enum: ["finalize", "reopen", "chase", "roll_forward"] }).notNull(),
  comment: text("comment"),
  finalNumber: integer("final_number"),
  createdAt: createdAt(),
}, (t) => [index("report_events_report").on(t.reportId, t.createdAt)]);

export type Department = typeof departments.$inferSelect;
export type User = typeof users.$inferSelect;
export type Report = typeof reports.$inferSelect;
export type Section = typeof sections.$inferSelect;
export type SectionVersion = typeof sectionVersions.$inferSelect;
export type ReviewEvent = typeof reviewEvents.$inferSelect;
export type Comment = typeof comments.$inferSelect;
export type ReportFinal = typeof reportFinals.$inferSelect;
export type ReportEvent = typeof reportEvents.$inferSelect;
export type SectionApproval = typeof sectionApprovals.$inferSelect;
export type SectionDelegation = typeof sectionDelegations.$inferSelect;
export type ReviewChainTemplate = typeof reviewChainTemplates.$inferSelect;
export type Notification = typeof notifications.$inferSelect;
export type NotificationDelivery = typeof notificationDeliveries.$inferSelect;
export type RobotWebhook = typeof robotWebhooks.$inferSelect;
export type ReportChase = typeof reportChases.$inferSelect;
export type RejectedDraft = typeof rejectedDrafts.$inferSelect;
