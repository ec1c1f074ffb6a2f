"use client";

import { useId, useState, useTransition } from "react";
import { STATE_LABELS } from "@/lib/assignments/state";
import {
  addDirectiveAgenciesAction,
  changeAssignmentRoleAction,
  removeDirectiveAgencyAction,
} from "@/lib/notices/edit-actions";
import type { EditRegistry } from "@/lib/notices/edit-history";
import type { DirectiveSnapshot, NoticeEditResult } from "@/lib/notices/edit-types";
import { ASSIGNMENT_ROLE_LABELS } from "@/lib/notices/labels";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field";
import { INLINE_SELECT_CLASS, Input } from "@/components/ui/input";
import { callAction } from "@/lib/validation/call-action";

type Role = "lead" | "support";
type Assignment = DirectiveSnapshot["assignments"][number];

/** The agencies of a directive: change a role, take one off, add agencies or a whole group. Each is saved at once. */
export function AgencyListEditor({
  directive: d,
  registry,
  disabled,
  errors,
  onResult,
}: {
  directive: DirectiveSnapshot;
  registry: EditRegistry;
  disabled: boolean;
  errors: Record<string, string>;
  onResult: (r: NoticeEditResult) => boolean;
}) {
  const listId = useId();
  const inputId = useId();
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("support");
  const [pending, startTransition] = useTransition();
  const busy = disabled || pending;
  const target = { directiveId: d.id, version: d.version };

  const direct = d.assignments.filter((a) => !a.viaGroup);
  const groups = new Map<string, Assignment[]>();
  for (const a of d.assignments) if (a.viaGroup) groups.set(a.viaGroup, [...(groups.get(a.viaGroup) ?? []), a]);

  const setRoleOf = (ids: number[], next: Role) =>
    startTransition(
      async () =>
        void onResult(
          await callAction(() => changeAssignmentRoleAction({ ...target, assignmentIds: ids, role: next })),
        ),
    );
  const removeIds = (ids: number[]) =>
    startTransition(
      async () => void onResult(await callAction(() => removeDirectiveAgencyAction({ ...target, assignmentIds: ids }))),
    );
  const add = (e: React.FormEvent) => {
    e.preventDefault();
    startTransition(async () => {
      if (onResult(await callAction(() => addDirectiveAgenciesAction({ ...target, agencies: [name], role }))))
        setName("");
    });
  };
  const addError = errors.agencies ?? errors["agencies.0"];

  return (
    <section aria-label="Cơ quan thực hiện" className="grid gap-2">
      <h4 className="text-xs font-medium text-slate-600">Cơ quan thực hiện ({d.assignments.length})</h4>
      {d.assignments.length === 0 ? (
        <p className="text-sm text-amber-800">Chưa có cơ quan nào: thêm ít nhất một cơ quan chủ trì.</p>
      ) : null}
      <ul className="grid gap-1.5">
        {direct.map((a) => (
          <li key={a.id} className="flex flex-wrap items-center gap-2 text-sm">
            <RoleSelect
              value={a.role}
              disabled={busy}
              label={`Vai trò của ${a.agencyName}`}
              onChange={(r) => setRoleOf([a.id], r)}
            />
            <span className="font-medium">{a.agencyName}</span>
            <span className="text-xs text-slate-500">{STATE_LABELS[a.state]}</span>
            <Button
              size="small"
              variant="danger"
              disabled={busy}
              onClick={() => removeIds([a.id])}
              aria-label={`Bỏ ${a.agencyName}`}
            >
              Bỏ
            </Button>
          </li>
        ))}
        {[...groups].map(([group, members]) => (
          <li key={group} className="text-sm">
            <div className="flex flex-wrap items-center gap-2">
              <RoleSelect
                value={members[0]!.role}
                disabled={busy}
                label={`Vai trò của ${group}`}
                onChange={(r) =>
                  setRoleOf(
                    members.map((m) => m.id),
                    r,
                  )
                }
              />
              <span className="font-medium">{group}</span>
              <span className="text-slate-500">({members.length} đơn vị)</span>
              <Button
                size="small"
                variant="danger"
                disabled={busy}
                onClick={() => removeIds(members.map((m) => m.id))}
                aria-label={`Bỏ cả nhóm ${group}`}
              >
                Bỏ cả nhóm
              </Button>
            </div>
            <details className="mt-1 ml-2">
              <summary className="cursor-pointer text-xs text-slate-600">Xem, đổi vai trò hoặc bỏ từng đơn vị</summary>
              <ul className="mt-1 grid gap-1">
                {members.map((m) => (
                  <li key={m.id} className="flex flex-wrap items-center gap-2 text-xs">
                    <RoleSelect
                      value={m.role}
                      disabled={busy}
                      label={`Vai trò của ${m.agencyName}`}
                      onChange={(r) => setRoleOf([m.id], r)}
                    />
                    {m.agencyName} <span className="text-slate-500">· {STATE_LABELS[m.state]}</span>
                    <Button
                      size="small"
                      variant="danger"
                      disabled={busy}
                      onClick={() => removeIds([m.id])}
                      aria-label={`Bỏ ${m.agencyName}`}
                    >
                      Bỏ
                    </Button>
                  </li>
                ))}
              </ul>
            </details>
          </li>
        ))}
      </ul>
      <form onSubmit={add} className="flex flex-wrap items-end gap-2" noValidate>
        <div className="min-w-0 grow sm:max-w-sm">
          <label htmlFor={inputId} className="mb-1 block text-xs font-medium text-slate-600">
            Thêm cơ quan hoặc nhóm
          </label>
          <Input
            id={inputId}
            list={listId}
            value={name}
            onChange={(e) => setName(e.target.value)}
            invalid={Boolean(addError)}
            aria-describedby={`${inputId}-loi`}
            autoComplete="off"
          />
          <datalist id={listId}>
            {registry.groups.map((g) => (
              <option key={`g-${g.name}`} value={g.name}>{`Nhóm: ${g.size} đơn vị`}</option>
            ))}
            {registry.agencies.map((a) => (
              <option key={a} value={a} />
            ))}
          </datalist>
        </div>
        <RoleSelect value={role} disabled={busy} label="Vai trò của cơ quan thêm" onChange={setRole} />
        <Button type="submit" size="small" variant="secondary" disabled={busy || !name.trim()}>
          Thêm
        </Button>
        <FieldError id={`${inputId}-loi`} error={addError} className="basis-full" />
      </form>
    </section>
  );
}

function RoleSelect({
  value,
  onChange,
  label,
  disabled,
}: {
  value: Role;
  onChange: (r: Role) => void;
  label: string;
  disabled: boolean;
}) {
  return (
    <select
      aria-label={label}
      value={value}
      disabled={disabled}
      onChange={(e) => onChange(e.target.value as Role)}
      className={INLINE_SELECT_CLASS}
    >
      <option value="lead">{ASSIGNMENT_ROLE_LABELS.lead}</option>
      <option value="support">{ASSIGNMENT_ROLE_LABELS.support}</option>
    </select>
  );
}
