"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import {
  createWebhookAction,
  deleteWebhookAction,
  pauseWebhookAction,
  pingWebhookAction,
  resumeWebhookAction,
  updateWebhookEventsAction,
} from "@/lib/webhooks/actions";
import { ActionForm, CheckboxesField, TextField } from "@/components/ui/action-form";

type Option = { value: string; label: string };

export function CreateWebhookForm({ events }: { events: Option[] }) {
  return (
    <ActionForm action={createWebhookAction} submitLabel="Đăng ký webhook" testId="webhook-form">
      <TextField name="url" label="Địa chỉ nhận (URL http:// hoặc https://)" required />
      <CheckboxesField name="events" label="Gửi khi" options={events} defaultValues={events.map((e) => e.value)} />
    </ActionForm>
  );
}

export function WebhookEventsForm({
  webhookId,
  events,
  chosen,
}: {
  webhookId: number;
  events: Option[];
  chosen: string[];
}) {
  return (
    <ActionForm
      action={updateWebhookEventsAction}
      hidden={{ webhookId }}
      submitLabel="Lưu sự kiện"
      testId="webhook-events-form"
    >
      <CheckboxesField name="events" label="Gửi khi" options={events} defaultValues={chosen} />
    </ActionForm>
  );
}

export function WebhookControls({ webhookId, paused, url }: { webhookId: number; paused: boolean; url: string }) {
  const router = useRouter();
  return (
    <div className="flex flex-wrap items-start gap-3">
      {paused ? (
        <ActionForm
          action={resumeWebhookAction}
          hidden={{ webhookId }}
          submitLabel="Tiếp tục gửi"
          size="small"
          testId="webhook-resume"
        />
      ) : (
        <>
          <ActionForm
            action={pingWebhookAction}
            hidden={{ webhookId }}
            submitLabel="Gửi thử (ping)"
            tone="secondary"
            size="small"
            testId="webhook-ping"
          />
          <ActionForm
            action={pauseWebhookAction}
            hidden={{ webhookId }}
            submitLabel="Tạm dừng"
            tone="secondary"
            size="small"
            testId="webhook-pause"
          />
        </>
      )}
      <ActionForm
        action={deleteWebhookAction}
        hidden={{ webhookId }}
        submitLabel="Xóa webhook"
        tone="danger"
        size="small"
        confirm={`Xóa webhook ${url}? Lịch sử gửi của nó cũng bị xóa.`}
        testId="webhook-delete"
        onSuccess={() => router.push("/quan-tri/webhook")}
      />
    </div>
  );
}

/** The signing secret, hidden until asked for. */
export function WebhookSecret({ secret }: { secret: string }) {
  const [shown, setShown] = useState(false);
  return (
    <div className="grid gap-2 text-sm">
      {shown ? (
        <code className="block font-mono break-all select-all" data-testid="webhook-secret">
          {secret}
        </code>
      ) : (
        <code className="block font-mono text-slate-500">whsec_••••••••</code>
      )}
      <span className="flex gap-3">
        <button type="button" className="text-brand-800 underline" onClick={() => setShown((s) => !s)}>
          {shown ? "Ẩn" : "Hiện khóa"}
        </button>
        <button
          type="button"
          className="text-brand-800 underline"
          onClick={() => void navigator.clipboard?.writeText(secret)}
        >
          Sao chép
        </button>
      </span>
    </div>
  );
}
