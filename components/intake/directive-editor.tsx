"use client";

import { useMemo, useRef, useState } from "react";
import type { AgencyRegistry } from "@/lib/agencies/registry";
import type { DraftAssignment, DraftDirective } from "@/lib/notices/draft";
import { ASSIGNMENT_ROLE_LABELS } from "@/lib/notices/labels";
import type { ReviewDirective } from "@/lib/intake/review-model";
import { pickerEntries } from "@/lib/agencies/match";
import { AgencyPicker } from "@/components/intake/agency-picker";
import { DeadlineEditor } from "@/components/intake/deadline-editor";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { INLINE_SELECT_CLASS, Input, Textarea } from "@/components/ui/input";

export interface DirectiveCommands {
  update: (patch: Partial<DraftDirective>) => void;
  move: (by: -1 | 1) => void;
  remove: () => void;
  split: (at: number) => void;
  mergeNext: () => void;
  addAfter: () => void;
  addAgency: (name: string, role: DraftAssignment["role"]) => void;
}

export function DirectiveEditor(props: {
  directive: ReviewDirective;
  index: number;
  count: number;
  active: boolean;
  registry: AgencyRegistry;
  errors: Record<string, string>;
  onFocus: () => void;
  commands: DirectiveCommands;
}) {
  const { directive: d, index, count, active, registry, errors, onFocus, commands } = props;
  const textRef = useRef<HTMLTextAreaElement>(null);
  const entries = useMemo(() => pickerEntries(registry), [registry]);
  const [newAgency, setNewAgency] = useState("");
  const [newRole, setNewRole] = useState<DraftAssignment["role"]>("lead");
  const prefix = `directives.${index}`;
  const groups = new Map<string, DraftAssignment[]>();
  for (const a of d.assignments) if (a.viaGroup) groups.set(a.viaGroup, [...(groups.get(a.viaGroup) ?? []), a]);

  const setAssignment = (agency: string, patch: Partial<DraftAssignment> | null) =>
    commands.update({
      assignments: d.assignments.flatMap((a) => (a.agency === agency ? (patch ? [{ ...a, ...patch }] : []) : [a])),
    });
  const setGroup = (group: string, patch: Partial<DraftAssignment> | null) =>
    commands.update({
      assignments: d.assignments.flatMap((a) => (a.viaGroup === group ? (patch ? [{ ...a, ...patch }] : []) : [a])),
    });

  return (
    <article
      onFocusCapture={onFocus}
      onClick={onFocus}
      aria-label={`Nhiệm vụ ${d.ref || index + 1}`}
      data-testid="directive-editor"
      className={`rounded-xl border bg-white p-4 shadow-sm transition ${active ? "border-amber-400 ring-2 ring-amber-200" : "border-slate-200"}`}
    >
      <div className="flex flex-wrap items-end gap-3">
        <Field label="Mục" className="w-24">
          {(f) => <Input {...f} value={d.ref} onChange={(e) => commands.update({ ref: e.target.value })} />}
        </Field>
        <label className="mb-5 flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={d.urgent}
            onChange={(e) => commands.update({ urgent: e.target.checked })}
            className="size-4"
          />{" "}
          Khẩn trương
        </label>
        <div className="mb-5 ml-auto flex flex-wrap gap-1">
          <Button
            size="small"
            variant="secondary"
            onClick={() => commands.move(-1)}
            disabled={index === 0}
            aria-label="Đưa lên trên"
          >
            ↑
          </Button>
          <Button
            size="small"
            variant="secondary"
            onClick={() => commands.move(1)}
            disabled={index === count - 1}
            aria-label="Đưa xuống dưới"
          >
            ↓
          </Button>
          <Button
            size="small"
            variant="secondary"
            onClick={() => commands.split(textRef.current?.selectionStart ?? 0)}
            title="Tách tại vị trí con trỏ trong nội dung"
          >
            Tách
          </Button>
          <Button size="small" variant="secondary" onClick={commands.mergeNext} disabled={index === count - 1}>
            Gộp với mục dưới
          </Button>
          <Button size="small" variant="secondary" onClick={commands.addAfter}>
            Thêm mục
          </Button>
          <Button size="small" variant="danger" onClick={commands.remove}>
            Xóa
          </Button>
        </div>
      </div>
      <Field label="Nội dung nhiệm vụ" error={errors[`${prefix}.text`]}>
        {(f) => (
          <Textarea
            {...f}
            ref={textRef}
            rows={Math.min(10, Math.max(3, Math.ceil(d.text.length / 90)))}
            value={d.text}
            onChange={(e) => commands.update({ text: e.target.value })}
          />
        )}
      </Field>

      <div className="mt-2">
        <p className="mb-1 text-xs font-medium text-slate-600">Cơ quan thực hiện</p>
        {d.assignments.length === 0 ? (
          <p className="mb-2 text-sm text-amber-800">Chưa có cơ quan nào: thêm ít nhất một cơ quan chủ trì.</p>
        ) : null}
        <ul className="grid gap-1.5">
          {d.assignments
            .filter((a) => !a.viaGroup)
            .map((a) => (
              <li key={a.agency} className="flex flex-wrap items-center gap-2 text-sm">
                <RoleSelect
                  value={a.role}
                  onChange={(role) => setAssignment(a.agency, { role })}
                  label={`Vai trò của ${a.agency}`}
                />
                <span className={a.isNew ? "font-medium text-amber-900" : "font-medium"}>{a.agency}</span>
                {a.isNew ? (
                  <span className="rounded bg-amber-100 px-1.5 text-xs text-amber-900">cơ quan mới</span>
                ) : null}
                <button
                  type="button"
                  className="text-xs text-red-700 underline"
                  onClick={() => setAssignment(a.agency, null)}
                  aria-label={`Bỏ ${a.agency}`}
                >
                  bỏ
                </button>
              </li>
            ))}
          {[...groups].map(([group, members]) => (
            <li key={group} className="text-sm">
              <div className="flex flex-wrap items-center gap-2">
                <RoleSelect
                  value={members[0]!.role}
                  onChange={(role) => setGroup(group, { role })}
                  label={`Vai trò của ${group}`}
                />
                <span className="font-medium">{group}</span>
                <span className="text-slate-500">({members.length} đơn vị)</span>
                <button
                  type="button"
                  className="text-xs text-red-700 underline"
                  onClick={() => setGroup(group, null)}
                  aria-label={`Bỏ ${group}`}
                >
                  bỏ cả nhóm
                </button>
              </div>
              <details className="mt-1 ml-2">
                <summary className="cursor-pointer text-xs text-slate-600">Xem, bỏ từng đơn vị</summary>
                <ul className="mt-1 flex flex-wrap gap-1">
                  {members.map((m) => (
                    <li key={m.agency} className="flex items-center gap-1 rounded bg-slate-100 px-2 py-0.5 text-xs">
                      {m.agency}
                      <button
                        type="button"
                        aria-label={`Bỏ ${m.agency}`}
                        className="text-red-700"
                        onClick={() => setAssignment(m.agency, null)}
                      >
                        ×
                      </button>
                    </li>
                  ))}
                </ul>
              </details>
            </li>
          ))}
        </ul>
        <form
          className="mt-2 flex flex-wrap items-center gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (!newAgency.trim()) return;
            commands.addAgency(newAgency, newRole);
            setNewAgency("");
          }}
        >
          <AgencyPicker
            entries={entries}
            value={newAgency}
            onChange={setNewAgency}
            placeholder="Thêm cơ quan hoặc nhóm…"
            label="Thêm cơ quan hoặc nhóm"
            className="w-full max-w-xs"
          />
          <RoleSelect value={newRole} onChange={setNewRole} label="Vai trò của cơ quan thêm" />
          <Button type="submit" size="small" variant="secondary">
            Thêm
          </Button>
        </form>
      </div>

      <div className="mt-3 rounded-lg bg-slate-50 p-3">
        <DeadlineEditor
          value={d.deadline}
          errors={errors}
          prefix={`${prefix}.deadline`}
          onChange={(deadline) => commands.update({ deadline })}
          requireDate
        />
      </div>
    </article>
  );
}

function RoleSelect({
  value,
  onChange,
  label,
}: {
  value: DraftAssignment["role"];
  onChange: (r: DraftAssignment["role"]) => void;
  label: string;
}) {
  return (
    <select
      aria-label={label}
      value={value}
      onChange={(e) => onChange(e.target.value as DraftAssignment["role"])}
      className={INLINE_SELECT_CLASS}
    >
      <option value="lead">{ASSIGNMENT_ROLE_LABELS.lead}</option>
      <option value="support">{ASSIGNMENT_ROLE_LABELS.support}</option>
    </select>
  );
}
