"use client";
/**
 * Shown in place of the editor when the section's stored text cannot be read
 * (lib/collab/render-section.ts): the marker naming the section, and for admins the button that
 * restores the last readable state (restoreSectionAction). The editor is not mounted: the
 * stored document would break it in the browser as it broke the server's readers.
 */
import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { restoreSectionAction } from "../../actions";

export function UnreadablePanel({ sectionId, marker, canRestore }: { sectionId: string; marker: string; canRestore: boolean }) {
  const router = useRouter();
  const [result, action, pending] = useActionState(restoreSectionAction, null);
  useEffect(() => {
    if (result?.ok) router.refresh();
  }, [result, router]);
  return (
    <div className="card min-h-[420px] space-y-3 p-6" data-testid="section-unreadable">
      <p role="alert" className="rounded border border-red-200 bg-red-50 p-3 font-medium text-red-800">{marker}</p>
      <p className="text-sm text-slate-600">
        本节保存的内容中有编辑器无法识别的结构，已暂停编辑和提交。其他章节、全文预览和导出不受影响。
      </p>
      {canRestore ? (
        <form action={action} className="space-y-2">
          <input type="hidden" name="sectionId" value={sectionId} />
          <p className="text-sm text-slate-600">恢复后，本节回到最近一次可以读取的内容（之后的修改将被舍弃），正在打开本节的编辑者需要刷新页面。</p>
          <button className="btn btn-primary" disabled={pending} data-testid="restore-section">
            {pending ? "正在恢复…" : "恢复到最近可读的内容"}
          </button>
          {result && !result.ok && <p role="alert" className="field-error text-sm">{result.error}</p>}
          {result?.ok && result.message && <p role="status" className="text-xs text-green-700">{result.message}</p>}
        </form>
      ) : (
        <p className="text-sm text-slate-500">请联系管理员恢复本节内容。</p>
      )}
    </div>
  );
}
