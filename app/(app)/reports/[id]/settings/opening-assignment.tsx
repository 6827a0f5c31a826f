"use client";

/**
 * Which department writes the opening (开头): the admin reassigns it like a section (the outline
 * page's `assign` command; the collaboration server re-decides open editors within 1 s).
 */
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { outlineCommand } from "../outline/actions";

export function OpeningAssignment({ reportId, openingId, departmentId, departments, disabled }: {
  reportId: string; openingId: string; departmentId: string | null; departments: { id: string; name: string }[]; disabled: boolean;
}) {
  const router = useRouter();
  const [busy, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const change = (value: string) => start(async () => {
    const r = await outlineCommand({ op: "assign", reportId, sectionId: openingId, departmentId: value });
    setError(r.ok ? null : r.error);
    if (r.ok) router.refresh();
  });
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <label htmlFor="opening-dept" className="text-slate-600">开头由</label>
      <select id="opening-dept" className="input w-auto" value={departmentId ?? ""} disabled={disabled || busy} onChange={(e) => change(e.target.value)}>
        <option value="">（未分配）</option>
        {departments.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
      </select>
      <span className="text-slate-600">撰写</span>
      {error && <p role="alert" className="field-error w-full">{error}</p>}
    </div>
  );
}
