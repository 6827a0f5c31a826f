"use client";

/**
 * Step 1 of the import: upload a .txt / .docx, paste text, or start a blank report. Files over
 * the size limit are refused here, before uploading; everything else is judged by the server.
 */
import { useRef, useState, useTransition } from "react";
import type { ImportResult } from "@/lib/import/types";
import { parseImport } from "./actions";

export function SourceStep({ maxBytes, onParsed, onBlank }: {
  maxBytes: number;
  onParsed: (result: ImportResult) => void;
  onBlank: () => void;
}) {
  const [error, setError] = useState<{ field: string; message: string } | null>(null);
  const [pending, start] = useTransition();
  const fileRef = useRef<HTMLInputElement>(null);
  const [fileName, setFileName] = useState("");

  const submit = (form: HTMLFormElement, field: "file" | "text") => {
    const data = new FormData(form);
    if (field === "file") {
      const file = fileRef.current?.files?.[0];
      if (!file) return setError({ field, message: "请先选择文件" });
      if (file.size > maxBytes) {
        return setError({ field, message: `文件过大（${(file.size / 1048576).toFixed(1)} MB），导入上限为 ${maxBytes / 1048576} MB` });
      }
      data.delete("text");
    } else data.delete("file");
    setError(null);
    start(async () => {
      try {
        const result = await parseImport(data);
        if (result.ok && result.data) onParsed(result.data as ImportResult);
        else if (!result.ok) setError({ field: result.field === "text" ? "text" : field, message: result.error });
      } catch (err) {
        // The server refused the request itself (e.g. 413 over the upload limit, whose plain-text
        // Chinese message Next passes on as the error) or the connection broke.
        const message = err instanceof Error && /[\u4e00-\u9fff]/.test(err.message) ? err.message : "上传失败：文件可能过大或网络中断，请检查后重试。";
        setError({ field, message });
      }
    });
  };

  const err = (field: string) => (error?.field === field ? <p role="alert" className="field-error" data-testid={`import-error-${field}`}>{error.message}</p> : null);

  return (
    <div className="grid gap-4 md:grid-cols-2">
      <form className="card space-y-3 p-5" onSubmit={(e) => { e.preventDefault(); submit(e.currentTarget, "file"); }}>
        <h2 className="font-semibold">上传去年的总结</h2>
        <p className="text-sm text-slate-500">支持 .docx 和 .txt（UTF-8 或 GB18030 编码），不超过 {maxBytes / 1048576} MB。导入后先预览，确认后才创建。</p>
        {/* The browser's own file button says "Choose File" in an English browser: the input is
            visually hidden (still focusable: Space opens it) and our label-button speaks Chinese. */}
        <div className="flex items-center gap-2">
          <input ref={fileRef} id="import-file" type="file" name="file" accept=".txt,.docx,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            aria-label="选择文件" className="peer sr-only" onChange={(e) => { setFileName(e.target.files?.[0]?.name ?? ""); setError(null); }} />
          <label htmlFor="import-file" className="btn cursor-pointer peer-focus-visible:ring-2 peer-focus-visible:ring-brand-600">选择文件…</label>
          <span className="min-w-0 truncate text-sm text-slate-600" data-testid="import-file-name">{fileName || "未选择文件"}</span>
        </div>
        {err("file")}
        <button className="btn btn-primary" disabled={pending}>{pending ? "正在识别…" : "识别文件"}</button>
      </form>
      <form className="card space-y-3 p-5" onSubmit={(e) => { e.preventDefault(); submit(e.currentTarget, "text"); }}>
        <h2 className="font-semibold">粘贴文字</h2>
        <textarea name="text" rows={6} className="input font-serif" aria-label="粘贴总结文字" placeholder="把总结全文粘贴到这里：标题、开头段落、一、（一）……" />
        {err("text")}
        <div className="flex items-center gap-2">
          <button className="btn btn-primary" disabled={pending}>{pending ? "正在识别…" : "识别文字"}</button>
          <span className="text-sm text-slate-400">或</span>
          <button type="button" className="btn" onClick={onBlank} disabled={pending}>新建空白总结</button>
        </div>
      </form>
    </div>
  );
}
