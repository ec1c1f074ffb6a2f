"use client";

import { useState, useTransition } from "react";
import { publishNoticeAction } from "@/lib/notices/edit-actions";
import { primaryButton } from "@/components/notices/edit/directive-edit-panel";

/** "Ban hành" for a draft: its assignments appear on the agencies' boards. */
export function PublishButton({ noticeId, version }: { noticeId: number; version: number }) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="mt-4 flex flex-wrap items-center gap-3">
      <button
        type="button"
        className={primaryButton}
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const r = await publishNoticeAction({ noticeId, version });
            setMessage({ ok: r.ok, text: r.message });
          })
        }
      >
        {pending ? "Đang ban hành…" : "Ban hành"}
      </button>
      <p
        role={message && !message.ok ? "alert" : "status"}
        aria-live="polite"
        className={`text-sm ${message?.ok ? "text-emerald-800" : "text-red-700"}`}
      >
        {message?.text}
      </p>
    </div>
  );
}
