"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { deleteDraftNoticeAction } from "@/lib/notices/edit-actions";
import { Button } from "@/components/ui/button";
import { StatusMessage } from "@/components/ui/status-message";
import { callAction } from "@/lib/validation/call-action";

/** "Xóa bản nháp", asked twice: the draft, its directives and assignments are deleted. */
export function DeleteDraftButton({ noticeId, version }: { noticeId: number; version: number }) {
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="mt-3 flex flex-wrap items-center gap-3">
      {asking ? (
        <>
          <span className="text-sm text-slate-700">
            Xóa bản nháp này cùng mọi nhiệm vụ và lượt giao việc của nó? Không thể hoàn tác.
          </span>
          <Button
            variant="danger"
            pending={pending}
            pendingLabel="Đang xóa…"
            onClick={() =>
              startTransition(async () => {
                const r = await callAction(() => deleteDraftNoticeAction({ noticeId, version }));
                setMessage({ ok: r.ok, text: r.message });
                if (r.ok) router.push("/thong-bao");
                else setAsking(false);
              })
            }
          >
            Xác nhận xóa
          </Button>
          <Button variant="secondary" disabled={pending} onClick={() => setAsking(false)}>
            Hủy
          </Button>
        </>
      ) : (
        <Button variant="secondary" onClick={() => setAsking(true)}>
          Xóa bản nháp
        </Button>
      )}
      <StatusMessage tone={message ? (message.ok ? "ok" : "error") : null}>{message?.text}</StatusMessage>
    </div>
  );
}
