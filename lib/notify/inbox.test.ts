import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { ZodError } from "zod";
import type { Db, DbHandle } from "@/db/client";
import { testDbTargets } from "@/db/test-db";
import { notifications, reports, users } from "@/db/schema";
import { seedDemo } from "@/lib/demo/seed-demo";
import { principal } from "@/lib/review/test-helpers";
import { notifyingTransaction } from "./commit";
import { listNotifications, unreadCount } from "./list-notifications";
import { onNotificationsChanged } from "./live";
import { markNotificationsRead } from "./mark-read";
import { notify } from "./notify";
import { wants } from "./preferences";
import { getNotificationSettings, updateNotificationSettings } from "./update-settings";
import { unreadStream } from "./unread-stream";

describe.each(testDbTargets())("the notification inbox on $name", (target) => {
  let h: DbHandle;
  let db: Db;
  let reportId: string;
  let me: string;
  let other: string;
  const send = (kind: "mention" | "section_submitted", title: string, to = me) =>
    notifyingTransaction(db, (tx) => notify(tx, { kind, reportId, title, userIds: [to] }));

  beforeAll(async () => {
    h = await target.open();
    db = h.db;
    await seedDemo(db);
    [{ id: reportId }] = await db.select({ id: reports.id }).from(reports);
    me = (await principal(db, "dqb1")).id;
    other = (await principal(db, "dqb2")).id;
  });
  afterAll(() => h?.close());

  it("lists newest first with the unread count, and pages", async () => {
    await send("mention", "第一条");
    await send("mention", "第二条");
    await send("mention", "别人的", other);
    const { unread, items } = await listNotifications(db, me);
    expect(unread).toBe(2);
    expect(items.map((i) => i.title)).toEqual(["第二条", "第一条"]);
    expect(items[0]).toMatchObject({ kind: "mention", reportId, readAt: null, link: `/reports/${reportId}` });
    const older = await listNotifications(db, me, { before: items[0].createdAt, limit: 1 });
    expect(older.items.map((i) => i.title)).toEqual(["第一条"]);
  });

  it("marks only the caller's own rows read, one or all, and tells their other tabs", async () => {
    const mine = (await listNotifications(db, me)).items;
    const [theirs] = (await listNotifications(db, other)).items;
    const heard: string[][] = [];
    const off = onNotificationsChanged((ids) => heard.push(ids));
    expect(await markNotificationsRead(db, me, { ids: [theirs.id] })).toEqual({ updated: 0 });
    expect(await unreadCount(db, other)).toBe(1);
    expect(await markNotificationsRead(db, me, { ids: [mine[0].id] })).toEqual({ updated: 1 });
    expect(heard).toEqual([[me]]);
    const after = await listNotifications(db, me, { unreadOnly: true });
    expect(after).toMatchObject({ unread: 1, items: [{ title: "第一条" }] });
    expect(await markNotificationsRead(db, me, { all: true })).toEqual({ updated: 1 });
    expect(await unreadCount(db, me)).toBe(0);
    off();
  });

  it("writes and announces nothing when the cause's transaction rolls back", async () => {
    const heard: string[][] = [];
    const off = onNotificationsChanged((ids) => heard.push(ids));
    const before = await unreadCount(db, me);
    await expect(notifyingTransaction(db, async (tx) => {
      await notify(tx, { kind: "mention", reportId, title: "回滚的", userIds: [me] });
      throw new Error("cause failed");
    })).rejects.toThrow("cause failed");
    off();
    expect(heard).toEqual([]);
    expect(await unreadCount(db, me)).toBe(before);
    expect(await db.select().from(notifications).where(eq(notifications.title, "回滚的"))).toEqual([]);
  });

  it("refuses malformed read requests", async () => {
    for (const bad of [{}, { ids: [] }, { all: false }, { ids: "x" }, { ids: ["a"], all: true }, null]) {
      await expect(markNotificationsRead(db, me, bad)).rejects.toBeInstanceOf(ZodError);
    }
  });

  it("hides kinds the account turned off from the bell, and keeps the row", async () => {
    await send("section_submitted", "默认不在铃铛里");
    expect(await unreadCount(db, me)).toBe(0);
    expect((await db.select().from(notifications).where(eq(notifications.title, "默认不在铃铛里"))).length).toBe(1);
    await updateNotificationSettings(db, me, { email: "liming@example.cn", emailMode: "digest", prefs: { section_submitted: { app: true }, mention: { app: false, email: true } } });
    expect(await unreadCount(db, me)).toBe(1);
    await send("mention", "被隐藏的提及");
    expect((await listNotifications(db, me)).items.map((i) => i.title)).not.toContain("被隐藏的提及");
    const [u] = await db.select().from(users).where(eq(users.id, me));
    // Only the differences from the defaults are stored (mention e-mail is on by default).
    expect(u.notificationPrefs).toEqual({ section_submitted: { app: true }, mention: { app: false } });
    expect(u).toMatchObject({ email: "liming@example.cn", emailMode: "digest" });
    expect(wants(u, "mention", "email")).toBe(true);
    expect(wants(u, "comment_added", "email")).toBe(false);
    expect(wants(u, "no_such_kind", "app")).toBe(false);
  });

  it("refuses a bad e-mail address, mode or kind, and clears the address with an empty one", async () => {
    await expect(updateNotificationSettings(db, me, { email: "不是邮箱", emailMode: "immediate", prefs: {} })).rejects.toThrow("邮箱地址格式不正确");
    await expect(updateNotificationSettings(db, me, { email: "", emailMode: "weekly" as "digest", prefs: {} })).rejects.toBeInstanceOf(ZodError);
    await expect(updateNotificationSettings(db, me, { email: "", emailMode: "digest", prefs: { nope: { app: true } } as never })).rejects.toBeInstanceOf(ZodError);
    const s = await updateNotificationSettings(db, me, { email: " ", emailMode: "immediate", prefs: {} });
    expect(s).toMatchObject({ email: "", emailMode: "immediate" });
    expect(s.prefs.stage_reached).toEqual({ app: true, email: true });
    expect((await getNotificationSettings(db, me)).prefs.section_submitted).toEqual({ app: false, email: false });
  });

  it("streams the unread count on connect and on every change, and ends for a disabled account", async () => {
    let active = true;
    const ctrl = new AbortController();
    const stream = unreadStream({ userId: me, count: () => unreadCount(db, me), stillActive: async () => active, signal: ctrl.signal, heartbeatMs: 100 });
    const reader = stream.getReader();
    const dec = new TextDecoder();
    let text = "";
    const until = async (needle: string) => {
      while (!text.includes(needle)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended before ${needle}: ${text}`);
        text += dec.decode(value);
      }
    };
    const start = await unreadCount(db, me);
    await until(`event: unread\ndata: {"unread":${start}}`);
    await send("mention", "实时到达");
    await until(`"unread":${start + 1}`);
    active = false;
    await until('event: end\ndata: {"reason":"disabled"}');
    expect((await reader.read()).done).toBe(true);
  });
});
