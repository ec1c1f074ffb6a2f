"use client";

import { useState, useTransition } from "react";
import { publishNoticeAction } from "@/lib/notices/edit-actions";
import { Button } from "@/components/ui/button";
import { StatusMessage } from "@/components/ui/status-message";
import { callAction } from "@/lib/validation/call-action";

/** "Ban hành" for a draft: its assignments appear on the agencies' boards. */
export function PublishButton({ noticeId, version }: { noticeId: number; version: number }) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="mt-4 flex flex-wrap items-center gap-3">
      <Button
        pending={pending}
        pendingLabel="Đang ban hành…"
        onClick={() =>
          startTransition(async () => {
            const r = await callAction(() => publishNoticeAction({ noticeId, version }));
            setMessage({ ok: r.ok, text: r.message });
          })
        }
      >
        Ban hành
      </Button>
      <StatusMessage tone={message ? (message.ok ? "ok" : "error") : null}>{message?.text}</StatusMessage>
    </div>
  );
}
