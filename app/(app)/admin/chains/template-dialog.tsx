"use client";

/** The template editor in a Radix dialog (新建流程 / 编辑), closed after a successful save. */
import * as Dialog from "@radix-ui/react-dialog";
import { useState } from "react";
import { saveTemplateAction } from "./actions";
import { ChainEditor, type EditableStage } from "./chain-editor";

export function TemplateDialog({
  template, departments, trigger,
}: {
  template?: { id: string; name: string; stages: EditableStage[] };
  departments: string[];
  trigger: string;
}) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>
        <button className={template ? "btn" : "btn btn-primary"}>{trigger}</button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 bg-slate-900/40" />
        <Dialog.Content className="fixed left-1/2 top-10 max-h-[85vh] w-[min(900px,95vw)] -translate-x-1/2 overflow-y-auto rounded-lg bg-white p-5 shadow-xl">
          <Dialog.Title className="mb-1 text-lg font-semibold">{template ? `编辑「${template.name}」` : "新建审核流程"}</Dialog.Title>
          <Dialog.Description className="mb-3 text-xs text-slate-500">
            环节按顺序进行；或签：一人通过即完成本环节；会签：所有审核人都通过才完成。修改模板不影响已创建的总结。
          </Dialog.Description>
          <ChainEditor
            initialName={template?.name ?? ""}
            initialStages={template?.stages ?? []}
            departments={departments}
            onSave={async (name, stages) => {
              const r = await saveTemplateAction({ id: template?.id ?? null, name, stages });
              if (r.ok) setOpen(false);
              return r;
            }}
          />
          <Dialog.Close asChild>
            <button className="absolute right-4 top-4 text-slate-400 hover:text-slate-700" aria-label="关闭">✕</button>
          </Dialog.Close>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
