"use client";

/** Deletes a chain template after a confirmation (reports keep their copies). */
import { useState, useTransition } from "react";
import { ConfirmDialog } from "@/app/_components/confirm-dialog";
import { deleteTemplateAction } from "./actions";

export function DeleteTemplateButton({ id, name }: { id: string; name: string }) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <ConfirmDialog
        trigger={<button className="btn" disabled={pending}>删除</button>}
        title={`删除审核流程「${name}」？`}
        description="模板会被删除；已创建的总结保留各自的审核流程副本，不受影响。"
        confirmLabel="删除流程"
        danger
        onConfirm={() => start(async () => {
          const r = await deleteTemplateAction(id);
          setError(r.ok ? null : r.error);
        })}
      />
      {error && <span role="alert" className="field-error">{error}</span>}
    </>
  );
}
