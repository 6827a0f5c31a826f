import { requirePageUser } from "@/app/_server/session";
import { Header } from "@/app/_components/header";
import { getDb } from "@/db/client";
import { getOrganisation } from "@/lib/demo/ensure-organisation";
import { unreadCount } from "@/lib/notify/list-notifications";
import { reviewInboxCount } from "@/lib/review/inbox";

export const dynamic = "force-dynamic";

/** Every page but sign-in: requires a session and shows the header. */
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser();
  const db = await getDb();
  const org = await getOrganisation(db);
  const inbox = await reviewInboxCount(db, user);
  const unread = await unreadCount(db, user.id);
  return (
    <div className="min-h-screen">
      <Header user={user} organisation={org.name} inboxCount={inbox} unreadCount={unread} />
      {org.demo && (
        <div className="border-b border-amber-200 bg-amber-50 py-1 text-center text-xs text-amber-800" data-testid="demo-banner">
          当前为演示数据（示例单位与人员均为虚构），请勿录入真实材料
        </div>
      )}
      <main className="mx-auto max-w-7xl px-4 py-5">{children}</main>
    </div>
  );
}
