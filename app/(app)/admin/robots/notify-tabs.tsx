import Link from "next/link";

/** The two pages behind the header's 通知渠道 link: 群机器人 and 发送记录. */
export function NotifyTabs({ current }: { current: "robots" | "deliveries" }) {
  const tabs = [
    { key: "robots", href: "/admin/robots", label: "群机器人" },
    { key: "deliveries", href: "/admin/deliveries", label: "发送记录" },
  ] as const;
  return (
    <nav className="flex gap-4 border-b border-slate-200 text-sm" aria-label="通知渠道">
      {tabs.map((t) => (
        <Link key={t.key} href={t.href} aria-current={t.key === current ? "page" : undefined}
          className={`-mb-px border-b-2 px-1 pb-2 ${t.key === current ? "border-slate-800 font-medium text-slate-900" : "border-transparent text-slate-500 hover:text-slate-800"}`}>
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
