"use client";

import { ActionForm, FieldError } from "@/app/_components/action-form";
import { createDepartmentAction, renameDepartmentAction } from "../actions";

export function CreateDepartmentForm() {
  return (
    <ActionForm action={createDepartmentAction} className="flex items-start gap-2" resetOnSuccess>
      {({ pending, fieldError }) => (
        <>
          <div className="w-72">
            <input name="name" className="input" placeholder="新部门名称，如 财务部" aria-label="新部门名称" />
            <FieldError message={fieldError("name")} />
          </div>
          <button className="btn btn-primary" disabled={pending}>新建部门</button>
        </>
      )}
    </ActionForm>
  );
}

export function RenameDepartmentForm({ id, name }: { id: string; name: string }) {
  return (
    <ActionForm action={renameDepartmentAction} className="flex items-start gap-2">
      {({ pending, fieldError }) => (
        <>
          <input type="hidden" name="id" value={id} />
          <div className="w-72">
            <input name="name" className="input" defaultValue={name} aria-label={`${name} 名称`} />
            <FieldError message={fieldError("name")} />
          </div>
          <button className="btn" disabled={pending}>重命名</button>
        </>
      )}
    </ActionForm>
  );
}
