"use client";
/**
 * The app's date field: a text box that takes 2026-06-30 / 2026/6/30 / 2026年6月30日
 * (lib/text/date-input), says what is wrong in Chinese under the box, and a calendar button that opens
 * the browser's calendar for picking. Used instead of `<input type="date">`, whose `mm/dd/yyyy`
 * and messages follow the browser's language.
 *
 * `value`: ISO `YYYY-MM-DD` or "" (none). `onChange(iso)` fires with a valid ISO date or "" when
 * the text is committed (blur, Enter, or a calendar pick) and differs from `value`.
 */
import { useEffect, useId, useRef, useState } from "react";
import { parseDateInput } from "@/lib/text/date-input";

export interface DateFieldProps {
  value: string;
  onChange(iso: string): void;
  "aria-label": string;
  disabled?: boolean;
  className?: string;
  id?: string;
}

export function DateField({ value, onChange, disabled, className = "", id, ...rest }: DateFieldProps) {
  const label = rest["aria-label"];
  const [text, setText] = useState(value);
  const [error, setError] = useState<string | null>(null);
  const picker = useRef<HTMLInputElement>(null);
  const errorId = useId();
  useEffect(() => setText(value), [value]);
  const parsed = parseDateInput(text);

  const commit = (raw: string) => {
    const r = parseDateInput(raw);
    if (!r.ok) return setError(r.message);
    setError(null);
    setText(r.iso);
    if (r.iso !== value) onChange(r.iso);
  };

  return (
    <div className={className}>
      <div className="flex items-center gap-1">
        <input
          id={id}
          className="input min-w-0"
          inputMode="numeric"
          placeholder="年-月-日"
          value={text}
          disabled={disabled}
          aria-label={label}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => { setText(e.target.value); if (error) setError(null); }}
          onBlur={(e) => commit(e.target.value)}
          onKeyDown={(e) => { if (e.key === "Enter") { e.preventDefault(); commit(e.currentTarget.value); } }}
        />
        <button
          type="button"
          className="btn shrink-0 px-1.5"
          title="从日历选择"
          aria-label="打开日历"
          disabled={disabled}
          onClick={() => picker.current?.showPicker?.()}
        >
          {/* An inline icon: an emoji would depend on the machine's fonts. */}
          <svg viewBox="0 0 16 16" width="14" height="14" fill="none" stroke="currentColor" strokeWidth="1.4" aria-hidden>
            <rect x="2" y="3" width="12" height="11" rx="1.5" /><path d="M2 6.5h12M5.5 1.5v3M10.5 1.5v3" />
          </svg>
        </button>
        <input
          ref={picker}
          type="date"
          tabIndex={-1}
          aria-hidden
          className="pointer-events-none h-0 w-0 opacity-0"
          value={parsed.ok ? parsed.iso : ""}
          onChange={(e) => commit(e.target.value)}
        />
      </div>
      {error && <p id={errorId} role="alert" className="field-error">{error}</p>}
    </div>
  );
}
