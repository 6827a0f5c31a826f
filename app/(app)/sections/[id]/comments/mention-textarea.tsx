"use client";
/**
 * The comment box with @mention completion: typing `@` and a few letters of a name or username
 * opens a list of the accounts who may read the section (a listbox under the box); ↑/↓ choose,
 * Enter or Tab insert `@显示名 `, Esc closes, and a click works too. The server resolves the
 * mentions again from the text when the comment is saved (lib/comments/mentions.ts).
 */
import { useId, useRef, useState } from "react";
import { filterCandidates, mentionQueryAt, type MentionCandidate } from "@/lib/comments/mention-query";

export function MentionTextarea({
  name, candidates, placeholder, rows = 2, label, autoFocus, value, onChange,
}: {
  name: string;
  candidates: MentionCandidate[];
  placeholder?: string;
  rows?: number;
  label: string;
  autoFocus?: boolean;
  value: string;
  onChange(v: string): void;
}) {
  const listId = useId();
  const box = useRef<HTMLTextAreaElement>(null);
  const [query, setQuery] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  const matches = query ? filterCandidates(candidates, query.query) : [];
  const open = matches.length > 0;

  const sync = (text: string, caret: number) => {
    const q = mentionQueryAt(text, caret);
    setQuery(q);
    setActive(0);
  };
  const choose = (c: MentionCandidate) => {
    const el = box.current;
    if (!el || !query) return;
    const caret = el.selectionStart ?? value.length;
    const insert = `@${c.name} `;
    const next = value.slice(0, query.start) + insert + value.slice(caret);
    onChange(next);
    setQuery(null);
    const at = query.start + insert.length;
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(at, at);
    });
  };
  const onKeyDown = (e: React.KeyboardEvent<HTMLTextAreaElement>) => {
    if (!open) return;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      setActive((i) => (i + (e.key === "ArrowDown" ? 1 : matches.length - 1)) % matches.length);
    } else if (e.key === "Enter" || e.key === "Tab") {
      e.preventDefault();
      choose(matches[active] ?? matches[0]);
    } else if (e.key === "Escape") {
      e.preventDefault();
      setQuery(null);
    }
  };
  return (
    <div className="relative flex-1">
      <textarea
        ref={box}
        name={name}
        rows={rows}
        className="input w-full"
        placeholder={placeholder}
        aria-label={label}
        autoFocus={autoFocus}
        value={value}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open ? `${listId}-${active}` : undefined}
        onChange={(e) => {
          onChange(e.target.value);
          sync(e.target.value, e.target.selectionStart ?? e.target.value.length);
        }}
        onKeyDown={onKeyDown}
        onClick={(e) => sync(e.currentTarget.value, e.currentTarget.selectionStart ?? 0)}
        onBlur={() => setTimeout(() => setQuery(null), 150)}
      />
      {open && (
        <ul
          id={listId}
          role="listbox"
          aria-label="提及的人"
          className="absolute left-0 right-0 top-full z-20 mt-1 max-h-56 overflow-y-auto rounded border border-slate-200 bg-white py-1 text-sm shadow-lg"
          data-testid="mention-popup"
        >
          {matches.map((c, i) => (
            <li
              key={c.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={`flex cursor-pointer items-center justify-between gap-2 px-3 py-1.5 ${i === active ? "bg-brand-50 text-brand-700" : "hover:bg-slate-50"}`}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(c);
              }}
              onMouseEnter={() => setActive(i)}
            >
              <span>{c.name} <span className="text-xs text-slate-400">@{c.username}</span></span>
              {c.departmentName && <span className="text-xs text-slate-500">{c.departmentName}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
