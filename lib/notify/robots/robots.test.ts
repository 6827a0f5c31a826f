/**
 * Robot administration and the delivery log: validation with the field to show, secrets kept
 * unless replaced or cleared, admins only; 重试 makes a failed delivery go out once, and a sent
 * one is never re-sent.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { DbHandle } from "@/db/client";
import { testDbTargets } from "@/db/test-db";
import { notificationDeliveries, robotWebhooks } from "@/db/schema";
import { seedDemo } from "@/lib/demo/seed-demo";
import { toErrorResponse } from "@/lib/errors";
import { principal } from "@/lib/review/test-helpers";
import { listDeliveries, retryDelivery } from "../outbox/delivery-log";
import { startReceiver } from "../outbox/test-support";
import { createOutboxWorker } from "../outbox/worker";
import { createRobot, listRobots, setRobotEnabled, updateRobot } from "./robots";
import { sendRobotTest } from "./test-robot";

const err = (p: Promise<unknown>) => p.then(() => null, (e) => toErrorResponse(e));

describe.each(testDbTargets())("robots and the delivery log on $name", (target) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await target.open();
    await seedDemo(h.db);
  });
  afterAll(() => h?.close());

  it("adds, edits and disables robots; refuses bad input with its field; admins only", async () => {
    const admin = await principal(h.db, "admin");
    const robot = { vendor: "dingtalk", name: " 党群群 ", url: "https://oapi.dingtalk.com/robot/send?access_token=t", secret: "SEC123", departmentId: admin.departmentId };
    const id = await createRobot(h.db, { actor: admin, robot });
    expect((await listRobots(h.db, admin))[0]).toMatchObject({ id, name: "党群群", vendor: "dingtalk", hasSecret: true, departmentName: "党委办公室", enabled: true });
    await updateRobot(h.db, { actor: admin, id, robot: { ...robot, name: "党办群", secret: "" } });
    const [kept] = await h.db.select().from(robotWebhooks).where(eq(robotWebhooks.id, id));
    expect(kept).toMatchObject({ name: "党办群", secret: "SEC123" });
    await updateRobot(h.db, { actor: admin, id, robot: { ...robot, secret: "", clearSecret: true, departmentId: "" } });
    expect((await listRobots(h.db, admin))[0]).toMatchObject({ hasSecret: false, departmentId: null });
    await setRobotEnabled(h.db, { actor: admin, id, enabled: false });
    expect((await listRobots(h.db, admin))[0].enabled).toBe(false);

    expect(await err(createRobot(h.db, { actor: admin, robot: { ...robot, url: "javascript:alert(1)" } }))).toMatchObject({ status: 422, body: { error: { field: "url" } } });
    expect(await err(createRobot(h.db, { actor: admin, robot: { ...robot, vendor: "slack" } }))).toMatchObject({ status: 422, body: { error: { field: "vendor" } } });
    expect(await err(createRobot(h.db, { actor: admin, robot: { ...robot, name: "  " } }))).toMatchObject({ status: 422, body: { error: { field: "name", message: "请填写名称" } } });
    expect(await err(createRobot(h.db, { actor: admin, robot: { ...robot, departmentId: "nope" } }))).toMatchObject({ status: 422, body: { error: { field: "departmentId" } } });
    expect(await err(updateRobot(h.db, { actor: admin, id: "nope", robot }))).toMatchObject({ status: 404 });
    const editor = await principal(h.db, "dqb1");
    expect(await err(createRobot(h.db, { actor: editor, robot }))).toMatchObject({ status: 403 });
    expect(await err(listRobots(h.db, editor))).toMatchObject({ status: 403 });
  });

  it("sends a test message through a robot at once, and reports the vendor's refusal", async () => {
    const admin = await principal(h.db, "admin");
    const rx = await startReceiver({ secret: "SECgood" });
    try {
      const good = await createRobot(h.db, { actor: admin, robot: { vendor: "feishu", name: "飞书群", url: `${rx.url}/feishu/hook`, secret: "SECgood" } });
      await sendRobotTest(h.db, { actor: admin, id: good });
      expect(JSON.stringify(rx.calls[0].body)).toContain("这是一条来自合稿的测试消息（飞书群）");
      const bad = await createRobot(h.db, { actor: admin, robot: { vendor: "dingtalk", name: "错密钥", url: `${rx.url}/dingtalk?access_token=t`, secret: "SECbad" } });
      expect(await err(sendRobotTest(h.db, { actor: admin, id: bad }))).toMatchObject({ status: 422, body: { error: { message: expect.stringContaining("发送失败：钉钉返回错误 310000") } } });
      expect(await err(sendRobotTest(h.db, { actor: await principal(h.db, "dqb1"), id: good }))).toMatchObject({ status: 403 });
      expect(rx.calls).toHaveLength(1);
    } finally {
      await rx.close();
      await h.db.delete(robotWebhooks);
    }
  });

  it("retries a failed delivery once on 重试, and refuses to resend a sent one", async () => {
    const admin = await principal(h.db, "admin");
    const rx = await startReceiver({ secret: "s" });
    try {
      const robotId = await createRobot(h.db, { actor: admin, robot: { vendor: "wecom", name: "工会群", url: `${rx.url}/wecom?key=k` } });
      const payload = { title: "【合稿】催报", markdown: "**催报**", text: "催报", link: "https://hegao.example.cn/reports/x" };
      const [row] = await h.db.insert(notificationDeliveries).values({
        channel: "wecom", target: robotId, idempotencyKey: "robot:test:1", payload, status: "failed", attempts: 8, lastError: "HTTP 500",
      }).returning();
      const log = await listDeliveries(h.db, { actor: admin, status: "failed" });
      expect(log).toEqual([expect.objectContaining({ id: row.id, channel: "wecom", to: "工会群", subject: "【合稿】催报", status: "failed", attempts: 8, lastError: "HTTP 500" })]);
      await retryDelivery(h.db, { actor: admin, id: row.id });
      expect(await createOutboxWorker({ db: h.db, log: () => {} }).runOnce()).toEqual({ sent: 1, failed: 0 });
      expect(rx.calls).toHaveLength(1);
      expect((await listDeliveries(h.db, { actor: admin, status: "sent" }))[0]).toMatchObject({ id: row.id, attempts: 1, lastError: null });
      expect(await err(retryDelivery(h.db, { actor: admin, id: row.id }))).toMatchObject({ status: 422, body: { error: { message: "该消息已发送，不会重复发送" } } });
      expect(await err(retryDelivery(h.db, { actor: admin, id: "nope" }))).toMatchObject({ status: 404 });
      expect(await err(retryDelivery(h.db, { actor: await principal(h.db, "reviewer"), id: row.id }))).toMatchObject({ status: 403 });
      expect(await createOutboxWorker({ db: h.db, log: () => {} }).runOnce()).toEqual({ sent: 0, failed: 0 });
      expect(rx.calls).toHaveLength(1);
    } finally {
      await rx.close();
    }
  });
});
