"use client";

/**
 * 恢复此版本 on the history page: asks first in the app's dialog (what happens to the current
 * text, that co-editors see it at once), then restores and refreshes the page.
 */
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ConfirmDialog } from "@/app/_components/confirm-dialog";
import { restoreVersionAction } from "./actions";

export function RestoreButton({ sectionId, versionId, label }: { sectionId: string; versionId: string; label: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <ConfirmDialog
        trigger={<button className="btn text-xs" disabled={pending} data-testid="restore-version">{pending ? "正在恢复…" : "恢复此版本"}</button>}
        title={`把正文恢复为${label}？`}
        description={<>当前正文会被替换为{label}的内容。正在编辑本节的同事会立即看到这一修改；恢复会记入审核记录，之后仍可继续编辑，也可以再恢复其他版本。</>}
        confirmLabel="恢复"
        onConfirm={() => start(async () => {
          const r = await restoreVersionAction({ sectionId, versionId });
          setResult(r.ok ? { ok: true, text: r.message ?? "已恢复" } : { ok: false, text: r.error });
          if (r.ok) router.refresh();
        })}
      />
      {result && (
        <span role={result.ok ? "status" : "alert"} className={`text-xs ${result.ok ? "text-green-700" : "text-red-700"}`} data-testid="restore-result">
          {result.text}{result.ok && <> · <Link className="text-brand-700 underline" href={`/sections/${sectionId}`}>回到编辑</Link></>}
        </span>
      )}
    </div>
  );
}
