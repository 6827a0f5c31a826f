/** The page shown when the policy refuses a page (the server decides; nothing is only hidden). */
export function forbiddenPage(message = "您没有权限访问此页面") {
  return (
    <div className="card mx-auto mt-10 max-w-md p-8 text-center" data-testid="forbidden">
      <div className="text-lg font-semibold text-slate-700">无权访问</div>
      <p className="mt-2 text-slate-500">{message}</p>
    </div>
  );
}
