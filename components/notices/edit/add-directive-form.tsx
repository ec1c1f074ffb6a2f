"use client";

import { useEffect, useId, useRef, useState, useTransition } from "react";
import { addDirectiveAction, loadNoticeRegistryAction } from "@/lib/notices/edit-actions";
import type { EditRegistry } from "@/lib/notices/edit-history";
import { ZDirectiveFields, type DirectiveFields } from "@/lib/notices/edit-schemas";
import { ASSIGNMENT_ROLE_LABELS } from "@/lib/notices/labels";
import { DeadlineEditor } from "@/components/intake/deadline-editor";
import { firstErrors, issuesToErrors } from "@/components/notices/edit/snapshot";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { StatusMessage } from "@/components/ui/status-message";
import { callAction } from "@/lib/validation/call-action";

const EMPTY: DirectiveFields = { ref: "", text: "", urgent: false, deadline: null };

/**
 * A directive the entry missed, appended to the notice, with a first agency or group. The names
 * it offers (the province's registry) are loaded when the form is opened, not with the page.
 */
export function AddDirectiveForm({ noticeId }: { noticeId: number }) {
  const listId = useId();
  const [registry, setRegistry] = useState<EditRegistry | null>(null);
  const [loading, setLoading] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  useEffect(() => {
    if (!refocus.current) return;
    refocus.current = false;
    toggle.current?.focus();
  });
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState(EMPTY);
  const [agency, setAgency] = useState("");
  const [role, setRole] = useState<"lead" | "support">("lead");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  async function openForm() {
    setMessage(null);
    if (!registry) {
      setLoading(true);
      const r = await callAction(() => loadNoticeRegistryAction({ noticeId }));
      setLoading(false);
      if (!r.ok) {
        setMessage({ ok: false, text: `Không mở được biểu mẫu thêm nhiệm vụ. ${r.message}` });
        refocus.current = true;
        return;
      }
      setRegistry(r.registry);
    }
    setOpen(true);
  }

  if (!open || !registry) {
    return (
      <div className="flex flex-wrap items-center gap-3">
        <Button
          ref={toggle}
          variant="secondary"
          onClick={() => void openForm()}
          pending={loading}
          pendingLabel="Đang tải…"
        >
          Thêm nhiệm vụ
        </Button>
        <StatusMessage tone={message ? (message.ok ? "ok" : "error") : null}>{message?.text}</StatusMessage>
      </div>
    );
  }

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const parsed = ZDirectiveFields.safeParse(form);
    if (!parsed.success) {
      setErrors(issuesToErrors(parsed.error.issues));
      setMessage({ ok: false, text: "Vui lòng sửa các ô được đánh dấu." });
      return;
    }
    startTransition(async () => {
      const r = await callAction(() =>
        addDirectiveAction({ noticeId, ...parsed.data, agencies: agency.trim() ? [agency] : [], role }),
      );
      setMessage({ ok: r.ok, text: r.message });
      if (r.ok) {
        setForm(EMPTY);
        setAgency("");
        setErrors({});
        setOpen(false);
      } else setErrors(firstErrors(r.fieldErrors));
    });
  }

  return (
    <form
      onSubmit={submit}
      noValidate
      className="grid gap-2 rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
      aria-label="Thêm nhiệm vụ"
    >
      <h3 className="font-semibold">Thêm nhiệm vụ</h3>
      <div className="flex flex-wrap items-end gap-3">
        <Field label="Mục" error={errors.ref} className="w-28">
          {(f) => <Input {...f} value={form.ref} onChange={(e) => setForm({ ...form, ref: e.target.value })} />}
        </Field>
        <label className="mb-5 flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            className="size-4"
            checked={form.urgent}
            onChange={(e) => setForm({ ...form, urgent: e.target.checked })}
          />{" "}
          Khẩn trương
        </label>
      </div>
      <Field label="Nội dung nhiệm vụ" error={errors.text}>
        {(f) => (
          <Textarea {...f} rows={3} value={form.text} onChange={(e) => setForm({ ...form, text: e.target.value })} />
        )}
      </Field>
      <div className="flex flex-wrap items-end gap-2">
        <Field
          label="Cơ quan hoặc nhóm thực hiện"
          error={errors.agencies ?? errors["agencies.0"]}
          className="min-w-0 grow sm:max-w-sm"
        >
          {(f) => (
            <Input {...f} list={listId} value={agency} onChange={(e) => setAgency(e.target.value)} autoComplete="off" />
          )}
        </Field>
        <datalist id={listId}>
          {registry.groups.map((g) => (
            <option key={`g-${g.name}`} value={g.name}>{`Nhóm: ${g.size} đơn vị`}</option>
          ))}
          {registry.agencies.map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
        <Field label="Vai trò" className="mb-0">
          {(f) => (
            <Select {...f} value={role} onChange={(e) => setRole(e.target.value as "lead" | "support")}>
              <option value="lead">{ASSIGNMENT_ROLE_LABELS.lead}</option>
              <option value="support">{ASSIGNMENT_ROLE_LABELS.support}</option>
            </Select>
          )}
        </Field>
      </div>
      <div className="rounded-lg bg-slate-50 p-3">
        <DeadlineEditor
          value={form.deadline}
          errors={errors}
          prefix="deadline"
          onChange={(deadline) => setForm({ ...form, deadline })}
        />
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" pending={pending} pendingLabel="Đang lưu…">
          Thêm nhiệm vụ
        </Button>
        <Button
          variant="secondary"
          onClick={() => {
            setOpen(false);
            setMessage(null);
          }}
          disabled={pending}
        >
          Hủy
        </Button>
      </div>
      <StatusMessage tone={message ? (message.ok ? "ok" : "error") : null}>{message?.text}</StatusMessage>
    </form>
  );
}
