"use client";
/**
 * The main column of the section page: presence, toolbar + editor, status line, and a banner
 * when the server refused this browser's edits. Owns the collaboration session
 * (lib/collab/client) for this section and signed-in account.
 */
import "./editor.css";
import dynamic from "next/dynamic";
import { useEffect, useState } from "react";
import type { Editor } from "@tiptap/react";
import { personColor } from "@/lib/collab/person-color";
import { useSectionCollab } from "@/lib/collab/client/use-section-collab";
import { PresenceList } from "./presence-list";
import { ReferencePanel, type ReferenceText } from "./reference-panel";
import { RefusedBanner } from "./refused-banner";
import { StatusLine } from "./status-line";
import type { OpenAnchor } from "@/lib/comments/types";

// Tiptap, ProseMirror and the table extension are ~60 % of the page's JavaScript (issue 14),
// and the editor can show nothing before the section's text arrives over the WebSocket: they
// load as a chunk of their own, started at mount so the download runs beside the connection.
const loadCollabEditor = () => import("./collab-editor").then((m) => m.CollabEditor);
const CollabEditor = dynamic(loadCollabEditor, {
  ssr: false,
  loading: () => <div className="min-h-[420px] p-6 text-slate-400">正在加载编辑器…</div>,
});

export interface SectionEditorProps {
  sectionId: string;
  /** `color`: the department's colour. */
  user: { id: string; name: string; color: string };
  initialState: string;
  intended: string[];
  /** Last period's approved text (or the imported text), shown beside the editor; absent: none. */
  reference?: ReferenceText | null;
  /** Open comment threads with a quote (highlighted in the text). */
  anchors: OpenAnchor[];
  /** The account may comment: shows the 批注 button. */
  canComment: boolean;
  /** 字数要求 (字) or null: shown live against the count. */
  wordLimit?: number | null;
}

export function SectionEditor({ sectionId, user, initialState, intended, reference, anchors, canComment, wordLimit = null }: SectionEditorProps) {
  // Carets in the person's own colour (two editors of one department differ); the
  // department colour rings their presence chip.
  const caretColor = personColor(user.id);
  const { collab, snapshot, refusal, dismissRefusal } = useSectionCollab({
    sectionId, userId: user.id, user: { name: user.name, color: caretColor, deptColor: user.color }, initialState,
  });
  useEffect(() => void loadCollabEditor(), []);
  const [words, setWords] = useState(0);
  const [placeholders, setPlaceholders] = useState<number | null>(null);
  const editable = snapshot.writable && snapshot.ready;
  const [editor, setEditor] = useState<Editor | null>(null);
  const [referenceOpen, setReferenceOpen] = useState(true);
  const card = (
    <div className="card min-w-0 overflow-hidden" data-testid="section-editor-card">
      <div className="flex items-center justify-between gap-3 border-b border-slate-200 px-4 py-2">
        <PresenceList peers={snapshot.peers} />
        {!snapshot.writable && snapshot.status !== "connecting" && (
          <span className="badge bg-slate-100 text-slate-600" data-testid="readonly-badge">只读</span>
        )}
      </div>
      {refusal && <RefusedBanner refusal={refusal} onDismiss={dismissRefusal} />}
      {collab ? (
        <CollabEditor
          key={collab.doc.guid}
          collab={collab}
          user={{ name: user.name, color: caretColor, deptColor: user.color }}
          editable={editable}
          intended={intended}
          onWords={setWords}
          onPlaceholders={setPlaceholders}
          onEditor={setEditor}
          anchors={anchors}
          commentOn={canComment ? sectionId : null}
        />
      ) : (
        <div className="min-h-[420px] p-6 text-slate-400">正在连接…</div>
      )}
      {snapshot.signedOut && (
        <div role="alert" data-testid="signed-out" className="border-t border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-800">
          登录已过期，未同步的修改保存在本机。
          <a className="ml-1 font-medium text-brand-700 underline" href={`/login?callbackUrl=${encodeURIComponent(`/sections/${sectionId}`)}`}>重新登录</a>
          后自动同步。
        </div>
      )}
      <StatusLine status={snapshot.status} state={snapshot.state} words={words} wordLimit={wordLimit} placeholders={placeholders} refused={!!refusal} />
    </div>
  );
  if (!reference) return card;
  // Beside the editor on wide screens while open; below it on narrow ones (390 px) and when folded.
  return (
    <div className={`grid grid-cols-1 items-start gap-4 ${referenceOpen ? "xl:grid-cols-2" : ""}`}>
      {card}
      <ReferencePanel reference={reference} editor={editor} editable={editable} open={referenceOpen} onToggle={() => setReferenceOpen((o) => !o)} />
    </div>
  );
}
