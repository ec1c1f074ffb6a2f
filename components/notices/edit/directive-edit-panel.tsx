"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { loadDirectiveEditorAction, removeDirectiveAction, updateDirectiveAction } from "@/lib/notices/edit-actions";
import type { EditRegistry } from "@/lib/notices/edit-history";
import { ZDirectiveFields, type DirectiveFields } from "@/lib/notices/edit-schemas";
import { StaleDirectiveError, type DirectiveSnapshot, type NoticeEditResult } from "@/lib/notices/edit-types";
import { DeadlineEditor } from "@/components/intake/deadline-editor";
import { AgencyListEditor } from "@/components/notices/edit/agency-list-editor";
import { ConflictNotice } from "@/components/notices/edit/conflict-notice";
import { EMPTY_FIELDS, fieldsOf, firstErrors, issuesToErrors } from "@/components/notices/edit/snapshot";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { StatusMessage } from "@/components/ui/status-message";
import { callAction } from "@/lib/validation/call-action";

type Message = { tone: "ok" | "error"; text: string } | null;

/**
 * "Sửa" mode of one directive, for those who may edit the notice. Closed, it shows the card's
 * content (children) and a "Sửa" button; the page sends only the directive's id and the version
 * it showed. Pressing "Sửa" loads the directive as stored now and the province's registry
 * (loadDirectiveEditorAction, checked as every edit is); open, a form for text, reference,
 * urgency and deadline, and the agencies.
 * Every change sends the version the user saw: the page's, or the one the user's last change
 * left. A directive changed since shows at once what is stored now and asks to redo on it (a
 * save from the older version is refused as before), without losing what was typed.
 */
export function DirectiveEditPanel({
  directiveId,
  version,
  children,
}: {
  directiveId: number;
  /** The directive's version when the page read it. */
  version: number;
  children: React.ReactNode;
}) {
  /** The directive the form edits; its version is the one the user saw. */
  const [base, setBase] = useState<DirectiveSnapshot | null>(null);
  const [registry, setRegistry] = useState<EditRegistry | null>(null);
  const [open, setOpen] = useState(false);
  const [loading, setLoading] = useState(false);
  const [form, setForm] = useState<DirectiveFields>(EMPTY_FIELDS);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<Message>(null);
  const [conflict, setConflict] = useState<DirectiveSnapshot | null>(null);
  /** The conflict was found when the editor opened, before anything was sent. */
  const [conflictOnOpening, setConflictOnOpening] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [pending, startTransition] = useTransition();
  const firstField = useRef<HTMLInputElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  /** Where the keyboard goes once the answer of a load is on screen (after the render it causes). */
  const focusNext = useRef<"field" | "toggle" | null>(null);
  useEffect(() => {
    const target = focusNext.current;
    if (!target) return;
    focusNext.current = null;
    (target === "field" ? firstField.current : toggle.current)?.focus();
  });

  /** Applies an action's answer; returns whether it succeeded. */
  function apply(result: NoticeEditResult): boolean {
    if (result.ok) {
      if (result.directive) setBase(result.directive);
      setErrors({});
      setConflict(null);
      setMessage({ tone: "ok", text: result.message });
      return true;
    }
    setErrors(firstErrors(result.fieldErrors));
    setMessage({ tone: "error", text: result.message });
    if (result.currentDirective) {
      setConflict(result.currentDirective);
      setConflictOnOpening(false);
    }
    return false;
  }

  async function startEditing() {
    setErrors({});
    setMessage(null);
    setConflict(null);
    setLoading(true);
    const r = await callAction(() => loadDirectiveEditorAction({ directiveId }));
    setLoading(false);
    if (!r.ok) {
      setMessage({ tone: "error", text: `Không tải được nhiệm vụ để sửa. ${r.message}` });
      focusNext.current = "toggle";
      return;
    }
    // What the user saw: the page's version, or a newer one their own change (or a redo) left.
    const seen = Math.max(version, base?.version ?? 0);
    const stored = r.directive;
    setRegistry(r.registry);
    setBase(stored.version === seen ? stored : { ...stored, version: seen });
    setForm(fieldsOf(stored));
    if (stored.version !== seen) {
      // Changed since the user saw it: said now, and a save from the older version is refused.
      setConflict(stored);
      setConflictOnOpening(true);
      setMessage({ tone: "error", text: new StaleDirectiveError(stored).message });
    }
    setOpen(true);
    focusNext.current = "field";
  }

  function close() {
    setOpen(false);
    setErrors({});
    setConflict(null);
    setConfirmDelete(false);
    requestAnimationFrame(() => toggle.current?.focus());
  }

  function save(e: React.FormEvent) {
    e.preventDefault();
    if (!base) return;
    const parsed = ZDirectiveFields.safeParse(form);
    if (!parsed.success) {
      setErrors(issuesToErrors(parsed.error.issues));
      setMessage({ tone: "error", text: "Vui lòng sửa các ô được đánh dấu." });
      return;
    }
    startTransition(async () => {
      if (
        apply(
          await callAction(() =>
            updateDirectiveAction({ directiveId: base.id, version: base.version, ...parsed.data }),
          ),
        )
      ) {
        setOpen(false);
        requestAnimationFrame(() => toggle.current?.focus());
      }
    });
  }

  function redoOnCurrent() {
    if (!conflict) return;
    setBase(conflict);
    setForm(fieldsOf(conflict));
    setConflict(null);
    setErrors({});
    setMessage({ tone: "ok", text: "Đã nạp bản mới. Vui lòng sửa lại rồi lưu." });
  }

  function remove() {
    if (!base) return;
    if (!confirmDelete) {
      setConfirmDelete(true);
      return;
    }
    startTransition(async () => {
      apply(await callAction(() => removeDirectiveAction({ directiveId: base.id, version: base.version })));
      setConfirmDelete(false);
    });
  }

  const status = (
    <StatusMessage tone={message?.tone ?? null} testId="directive-edit-message">
      {message?.text}
    </StatusMessage>
  );

  if (!open || !base || !registry) {
    return (
      <>
        {children}
        <div className="dc-edit">
          <Button
            ref={toggle}
            variant="secondary"
            onClick={() => void startEditing()}
            aria-expanded={false}
            pending={loading}
            pendingLabel="Đang tải…"
          >
            Sửa
          </Button>
          {status}
        </div>
      </>
    );
  }

  return (
    <div className="mt-3 grid gap-3 rounded-lg border border-amber-300 bg-amber-50/40 p-3" data-testid="directive-edit">
      {conflict ? <ConflictNotice current={conflict} onRedo={redoOnCurrent} onOpening={conflictOnOpening} /> : null}
      <form onSubmit={save} className="grid gap-2" noValidate>
        <div className="flex flex-wrap items-end gap-3">
          <Field label="Mục" error={errors.ref} className="w-28">
            {(f) => (
              <Input
                {...f}
                ref={firstField}
                value={form.ref}
                onChange={(e) => setForm({ ...form, ref: e.target.value })}
              />
            )}
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
            <Textarea
              {...f}
              rows={Math.min(10, Math.max(3, Math.ceil(form.text.length / 90)))}
              value={form.text}
              onChange={(e) => setForm({ ...form, text: e.target.value })}
            />
          )}
        </Field>
        <div className="rounded-lg bg-white p-3">
          <DeadlineEditor
            value={form.deadline}
            errors={errors}
            prefix="deadline"
            onChange={(deadline) => setForm({ ...form, deadline })}
          />
          <p className="text-xs text-slate-600">
            Đổi hạn hoàn thành sẽ áp dụng cho mọi cơ quan của nhiệm vụ, trừ cơ quan đã được đồng ý gia hạn.
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <Button type="submit" pending={pending} pendingLabel="Đang lưu…">
            Lưu thay đổi
          </Button>
          <Button variant="secondary" onClick={close} disabled={pending}>
            Đóng
          </Button>
          <Button variant="danger" className="ml-auto" onClick={remove} disabled={pending}>
            {confirmDelete ? "Bấm lần nữa để xóa nhiệm vụ" : "Xóa nhiệm vụ"}
          </Button>
        </div>
        {status}
      </form>
      <AgencyListEditor
        directive={base}
        registry={registry}
        disabled={pending || conflict !== null}
        errors={errors}
        onResult={apply}
      />
    </div>
  );
}
