import { redirect } from "next/navigation";
import { getCurrentUser } from "@/app/_server/session";
import { getDb } from "@/db/client";
import { getOrganisation } from "@/lib/demo/ensure-organisation";
import { LoginForm } from "./login-form";

export const dynamic = "force-dynamic";

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  if (await getCurrentUser()) redirect("/");
  const org = await getOrganisation(await getDb());
  const { callbackUrl } = await searchParams;
  const safeCallback = callbackUrl?.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/";
  return (
    <main className="flex min-h-screen items-center justify-center bg-slate-100 px-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <div className="text-3xl font-bold tracking-widest text-brand-600">合稿</div>
          <div className="mt-1 text-slate-500">{org.name} · 工作总结协同撰写</div>
        </div>
        <div className="card p-6">
          <LoginForm callbackUrl={safeCallback} />
        </div>
        {org.demo && (
          <p className="mt-4 text-center text-xs text-slate-500">
            演示数据：管理员 admin，审核人 reviewer，撰稿人 dqb1 等，密码均为 hegao-demo
          </p>
        )}
      </div>
    </main>
  );
}
