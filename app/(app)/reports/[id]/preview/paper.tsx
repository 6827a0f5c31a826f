/**
 * The assembled document rendered like the printed paper: title, 主送, opening, every section
 * with its number, 附件说明 and 落款 (date in Arabic numerals), in a 仿宋-like serif. Sections not yet approved are tinted and carry their state.
 */
import { attachmentLines } from "@/lib/export/attachments";
import type { AssembledDocument, Block, TableCell } from "@/lib/export/types";
import { isDone, stateLabel } from "@/lib/workflow/vocabulary";
import { printedDate } from "@/lib/text/cn-date";
import { PaperAddressee, PaperAttachments } from "./paper-parts";

// GB/T 9704 heading faces: level 1 黑体, level 2 楷体, levels 3 and 4 仿宋.
const HEADING: Record<number, { className: string; style?: React.CSSProperties }> = {
  1: { className: "font-sans font-bold" },
  2: { className: "font-semibold", style: { fontFamily: "KaiTi, 'KaiTi_GB2312', '楷体_GB2312', STKaiti, 'Noto Serif CJK SC', serif" } },
  3: { className: "font-serif" }, // §7.3.3 plain 仿宋; bold only as an export option
  4: { className: "font-serif" },
};

/** A table as printed: full borders, header cells bold and centred, spans kept. */
function Table({ rows }: { rows: TableCell[][] }) {
  return (
    <table className="my-1 w-full table-fixed border-collapse text-[15px] leading-relaxed" data-testid="paper-table">
      <tbody>
        {rows.map((row, r) => (
          <tr key={r}>
            {row.map((c, k) => {
              const Cell = c.header ? "th" : "td";
              return (
                <Cell key={k} colSpan={c.colspan} rowSpan={c.rowspan} className={`border border-slate-800 px-2 py-0.5 align-middle whitespace-pre-wrap ${c.header ? "text-center font-bold" : "text-left font-normal"}`}>
                  {c.runs.map((run, j) => <span key={j} className={`${run.bold ? "font-bold" : ""} ${run.italic ? "italic" : ""}`}>{run.text}</span>)}
                </Cell>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Blocks({ blocks }: { blocks: Block[] }) {
  return (
    <>
      {blocks.map((b, i) =>
        b.type === "table" ? (
          <Table key={i} rows={b.rows} />
        ) : b.type === "paragraph" ? (
          <p key={i} className="indent-[2em]">{b.runs.map((r, j) => <span key={j} className={`${r.bold ? "font-bold" : ""} ${r.italic ? "italic" : ""} whitespace-pre-wrap`}>{r.text}</span>)}</p>
        ) : (
          b.items.map((item, j) => (
            <p key={`${i}-${j}`} className="indent-[2em]">{b.ordered ? `${j + 1}.` : "·"}{item.map((r) => r.text).join("")}</p>
          ))
        ),
      )}
    </>
  );
}

export function Paper({ doc, headingOnly }: { doc: AssembledDocument; headingOnly: Set<string> }) {
  const final = doc.finalVersion !== undefined;
  return (
    <article className="relative mx-auto max-w-[794px] bg-white px-[88px] py-[90px] font-serif text-[17px] leading-[1.85] text-slate-900 shadow-md" data-testid="paper">
      {!final && doc.draft && <div className="absolute right-[70px] top-10 font-sans text-base font-bold text-slate-500">征求意见稿</div>}
      <h1 className="mb-6 whitespace-pre-line text-center text-[26px] font-bold leading-snug" style={{ fontFamily: "'FZXiaoBiaoSong-B05S','方正小标宋简体','Noto Serif CJK SC',serif" }}>{doc.title}</h1>
      <PaperAddressee addressee={doc.addressee} />
      <Blocks blocks={doc.preamble} />
      {doc.sections.map((s) => {
        const marked = !final && !headingOnly.has(s.id) && !isDone(s.state);
        return (
          <section key={s.id} data-testid="paper-section" data-state={headingOnly.has(s.id) ? "heading" : s.state}
            className={marked ? "-mx-3 my-1 rounded border-l-4 border-amber-400 bg-amber-50/80 px-3" : ""}>
            <h2 className={`indent-[2em] text-[17px] ${HEADING[s.level]?.className ?? ""}`} style={HEADING[s.level]?.style}>
              {s.number}{s.title}
              {marked && (
                <span className="badge ml-2 indent-0 bg-amber-200 align-middle font-sans text-amber-900" data-testid="state-badge">
                  {stateLabel(s.state)}{s.departmentName ? ` · ${s.departmentName}` : ""}
                </span>
              )}
            </h2>
            <Blocks blocks={s.blocks} />
            {marked && s.blocks.length === 0 && <p className="indent-[2em] font-sans text-sm text-slate-400">（尚未填写）</p>}
          </section>
        );
      })}
      <PaperAttachments items={doc.attachments} />
      {doc.date && (
        <div className="mt-10 text-right">
          <p className="pr-[4em]">{doc.organisation}</p>
          <p className="pr-[4em]">{printedDate(doc.date)}</p>
        </div>
      )}
    </article>
  );
}
