"use client";

/** The report's chain editor, optionally filled from a template first. */
import { useState } from "react";
import { setReportChainAction } from "@/app/(app)/admin/chains/actions";
import { ChainEditor, type EditableStage } from "@/app/(app)/admin/chains/chain-editor";

export function ReportChainForm({
  reportId, name, stages, departments, templates,
}: {
  reportId: string;
  name: string;
  stages: EditableStage[];
  departments: string[];
  templates: { id: string; name: string; stages: EditableStage[] }[];
}) {
  const [start, setStart] = useState({ key: "current", name, stages });
  return (
    <div className="space-y-3">
      {templates.length > 0 && (
        <div className="flex items-center gap-2 text-sm">
          <label htmlFor="from-template">从模板开始：</label>
          <select
            id="from-template" className="input w-auto" defaultValue=""
            onChange={(e) => {
              const t = templates.find((x) => x.id === e.target.value);
              if (t) setStart({ key: t.id, name: t.name, stages: t.stages });
            }}
          >
            <option value="">（当前流程）</option>
            {templates.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
          </select>
        </div>
      )}
      <ChainEditor
        key={start.key} initialName={start.name} initialStages={start.stages} departments={departments}
        onSave={(n, s) => setReportChainAction({ reportId, name: n, stages: s })} submitLabel="保存审核流程"
      />
    </div>
  );
}
