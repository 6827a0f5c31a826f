"use client";

/** Deletes a chain template after a confirmation (reports keep their copies). */
import { useState, useTransition } from "react";
import { deleteTemplateAction } from "./actions";

export function DeleteTemplateButton({ id, name }: { id: string; name: string }) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button
        className="btn" disabled={pending}
        onClick={() => {
          if (!confirm(`删除审核流程「${name}」？已创建的总结不受影响。`)) return;
          start(async () => {
            const r = await deleteTemplateAction(id);
            setError(r.ok ? null : r.error);
          });
        }}
      >删除</button>
      {error && <span role="alert" className="field-error">{error}</span>}
    </>
  );
}
