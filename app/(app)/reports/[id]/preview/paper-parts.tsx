/**
 * The report's own parts on the preview paper, laid out like the export (GB/T 9704-2012 §7.3):
 * 主送 flush left under the title, 附件说明 under the body with hanging numbers
 * (lib/export/attachments.ts).
 */
import { attachmentLines } from "@/lib/export/attachments";

export function PaperAddressee({ addressee }: { addressee?: string }) {
  const name = (addressee ?? "").trim().replace(/[：:]+$/, "");
  return name ? <p data-testid="paper-addressee">{name}：</p> : null;
}

export function PaperAttachments({ items }: { items?: string[] }) {
  const lines = attachmentLines(items ?? []);
  if (!lines.length) return null;
  return (
    <div className="mt-[1.85em]" data-testid="paper-attachments">
      {lines.map((l, i) => (
        <p key={i} style={{ paddingLeft: `${l.leftChars}em`, textIndent: `-${l.hangingChars}em` }}>
          {l.label && <span className="inline-block indent-0" style={{ width: `${l.hangingChars - l.numberChars}em` }}>{l.label}</span>}
          {l.number && <span className="inline-block indent-0" style={{ width: `${l.numberChars}em` }}>{l.number}</span>}
          {l.name}
        </p>
      ))}
    </div>
  );
}
