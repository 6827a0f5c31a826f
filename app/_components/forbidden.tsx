/**
 * The refusal card: the body of every forbidden.tsx (HTTP 403, the policy refused) and
 * not-found.tsx (HTTP 404, unknown id). The server decides; nothing is only hidden. Pages call
 * Next's `forbidden()` / `notFound()` and the nearest of these files renders the card, so the
 * status and the page always agree.
 */
import Link from "next/link";

/** The card; `title` defaults to 无权访问, `message` says why in the user's terms. */
export function RefusalCard({ title = "无权访问", message, testId = "forbidden" }: { title?: string; message: string; testId?: string }) {
  return (
    <div className="card mx-auto mt-10 max-w-md p-8 text-center" data-testid={testId} role="alert">
      <h1 className="text-lg font-semibold text-slate-700">{title}</h1>
      <p className="mt-2 text-slate-500">{message}</p>
      <Link href="/" className="mt-4 inline-block text-sm text-brand-700 hover:underline">返回首页</Link>
    </div>
  );
}

/** The 403 card with the default message (for forbidden.tsx files). */
export function forbiddenPage(message = "您没有权限访问此页面") {
  return <RefusalCard message={message} />;
}

/** The 404 card (for not-found.tsx files). */
export function notFoundPage(message = "页面不存在，或所指的总结、章节已被删除") {
  return <RefusalCard title="找不到页面" message={message} testId="not-found" />;
}
