"use client";

/** 重试: makes a pending or failed delivery due now (the worker picks it up within a second). */
import { useState, useTransition } from "react";
import { retryDeliveryAction } from "./actions";

export function RetryButton({ id }: { id: string }) {
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <span className="inline-flex items-center gap-2">
      <button className="btn" disabled={pending}
        onClick={() => start(async () => {
          const r = await retryDeliveryAction(id);
          setMessage(r.ok ? { ok: true, text: r.message ?? "" } : { ok: false, text: r.error });
        })}>
        重试
      </button>
      {message && <span role={message.ok ? "status" : "alert"} className={message.ok ? "text-xs text-green-700" : "field-error"}>{message.text}</span>}
    </span>
  );
}
