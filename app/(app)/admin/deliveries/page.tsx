import Link from "next/link";
import { forbidden } from "next/navigation";
import { requirePageUser } from "@/app/_server/session";
import { getDb } from "@/db/client";
import { DELIVERY_STATUSES, listDeliveries, type DeliveryStatus } from "@/lib/notify/outbox/delivery-log";
import { canAdminister } from "@/lib/policy";
import { formatDateTime } from "@/lib/reports/relative-time";
import { NotifyTabs } from "../robots/notify-tabs";
import { RetryButton } from "./retry-button";

const CHANNEL_LABELS = { email: "邮件", wecom: "企业微信", dingtalk: "钉钉", feishu: "飞书" } as const;
const STATUS = {
  pending: { label: "待发送", tone: "bg-amber-100 text-amber-800" },
  sent: { label: "已发送", tone: "bg-green-100 text-green-800" },
  failed: { label: "失败", tone: "bg-red-100 text-red-700" },
} as const;

/** /admin/deliveries: the e-mail and group-chat delivery log with 重试. `?status=` filters. */
export default async function DeliveriesPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const user = await requirePageUser();
  if (!canAdminister(user)) forbidden();
  const { status: raw } = await searchParams;
  const status = DELIVERY_STATUSES.includes(raw as DeliveryStatus) ? (raw as DeliveryStatus) : undefined;
  const rows = await listDeliveries(await getDb(), { actor: user, status });
  const tabs = [{ value: undefined, label: "全部" }, ...DELIVERY_STATUSES.map((s) => ({ value: s, label: STATUS[s].label }))];
  return (
    <div className="space-y-4">
      <NotifyTabs current="deliveries" />
      <div>
        <h1 className="text-xl font-semibold">发送记录</h1>
        <p className="mt-1 text-sm text-slate-500">邮件和群机器人消息在后台发送；失败会自动重试（间隔逐次加倍，最多 8 次），仍失败的可在此重试。</p>
      </div>
      <nav className="flex flex-wrap gap-2 text-sm" aria-label="按状态筛选">
        {tabs.map((t) => (
          <Link key={t.label} href={t.value ? `/admin/deliveries?status=${t.value}` : "/admin/deliveries"}
            className={`rounded-full border px-3 py-1 ${t.value === status ? "border-slate-800 bg-slate-800 text-white" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50"}`}>
            {t.label}
          </Link>
        ))}
      </nav>
      {rows.length === 0 ? (
        <p className="card p-4 text-sm text-slate-500">没有{status ? STATUS[status].label : ""}的发送记录。</p>
      ) : (
        <div className="card overflow-x-auto">
          <table className="table table-cards" data-testid="delivery-table">
            <thead>
              <tr><th>内容</th><th>渠道</th><th>接收方</th><th>状态</th><th>尝试</th><th>时间</th><th>最近错误</th><th /></tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} data-testid="delivery-row">
                  <td className="max-w-xs truncate" title={r.subject}>{r.subject}</td>
                  <td data-label="渠道">{CHANNEL_LABELS[r.channel]}</td>
                  <td data-label="接收方" className="max-w-[12rem] truncate">{r.to}</td>
                  <td data-label="状态"><span className={`badge ${STATUS[r.status].tone}`}>{STATUS[r.status].label}</span></td>
                  <td data-label="尝试">{r.attempts} 次</td>
                  <td data-label="时间" className="whitespace-nowrap text-xs text-slate-600">
                    {r.status === "sent" && r.sentAt ? `发送于 ${formatDateTime(new Date(r.sentAt))}`
                      : r.status === "pending" ? `下次 ${formatDateTime(new Date(r.nextAttemptAt))}` : `创建于 ${formatDateTime(new Date(r.createdAt))}`}
                  </td>
                  <td data-label={r.lastError ? "最近错误" : undefined} className="max-w-xs text-xs text-red-700"><span className="line-clamp-2 break-all" title={r.lastError ?? ""}>{r.lastError ?? ""}</span></td>
                  <td>{r.status !== "sent" && <RetryButton id={r.id} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
