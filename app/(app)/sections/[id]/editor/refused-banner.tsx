"use client";
/**
 * The banner above the editor after the server refused this browser's edits (message 102):
 * why, that the editor now shows the server's text, and where the refused text is kept (the
 * sidebar's 未被接受的修改, with 复制全文).
 */
import type { Refusal } from "@/lib/collab/client/use-section-collab";

export function RefusedBanner({ refusal, onDismiss }: { refusal: Refusal; onDismiss(): void }) {
  return (
    <div role="alert" data-testid="refused-banner" className="flex items-start gap-3 border-b border-red-200 bg-red-50 px-4 py-2 text-sm text-red-800">
      <p className="flex-1">
        <strong className="font-medium">您的修改未被保存：</strong>
        <span data-testid="refused-reason">{refusal.reason || "服务器拒绝了这次修改"}</span>。
        {refusal.stopped
          ? "修改多次被拒绝，已停止同步，请刷新页面。"
          : "编辑器已恢复为服务器上的内容。"}
        未保存的文字已另存为“未被接受的修改”，可在右侧查看并复制全文。
      </p>
      <button type="button" className="shrink-0 text-xs text-red-700 underline" onClick={onDismiss} data-testid="refused-dismiss">
        知道了
      </button>
    </div>
  );
}
