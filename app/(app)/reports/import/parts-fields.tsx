"use client";

/**
 * The report's own parts as the importer recognised them, editable before the report is
 * created: 主送机关, 附件说明 (one name per line, numbers added when printed) and 落款 (signing
 * unit and 成文日期). Empty fields mean the part is not printed.
 */
import { DateField } from "@/app/_components/date-field";

/** The parts around the sections, shaped like ImportResult's fields. */
export interface ReportParts {
  addressee: string;
  attachments: string[];
  signOff: { unit: string; date: string } | null;
}

/** 附件 names from the textarea: one per line, typed numbers (`1.` `2、`) and blank lines dropped. */
export function attachmentsFromText(text: string): string[] {
  return text.split("\n").map((l) => l.replace(/^\s*[0-9０-９]{1,2}\s*[.．、]\s*/, "").trim()).filter(Boolean);
}

export function PartsFields({ parts, onChange }: { parts: ReportParts; onChange: (p: ReportParts) => void }) {
  const signOff = parts.signOff ?? { unit: "", date: "" };
  const setSignOff = (next: { unit: string; date: string }) => onChange({ ...parts, signOff: next.unit || next.date ? next : null });
  return (
    <div className="card grid gap-3 p-4 md:grid-cols-2" data-testid="report-parts">
      <label className="block md:col-span-2">
        <span className="label">主送机关（标题下一行，顶格，可不填）</span>
        <input className="input" value={parts.addressee} placeholder="如 县委、县政府" aria-label="主送机关" onChange={(e) => onChange({ ...parts, addressee: e.target.value.replace(/[：:]+$/, "") })} />
      </label>
      <label className="block md:col-span-2">
        <span className="label">附件说明（每行一个附件名称，序号自动生成；可不填）</span>
        <textarea
          className="input font-serif"
          rows={Math.max(2, parts.attachments.length + 1)}
          aria-label="附件说明"
          defaultValue={parts.attachments.join("\n")}
          onChange={(e) => onChange({ ...parts, attachments: attachmentsFromText(e.target.value) })}
        />
      </label>
      <label className="block">
        <span className="label">落款单位</span>
        <input className="input" value={signOff.unit} placeholder="默认为单位名称" aria-label="落款单位" onChange={(e) => setSignOff({ ...signOff, unit: e.target.value })} />
      </label>
      <div>
        <span className="label">成文日期</span>
        <DateField value={signOff.date} aria-label="成文日期" onChange={(iso) => setSignOff({ ...signOff, date: iso })} />
      </div>
    </div>
  );
}
