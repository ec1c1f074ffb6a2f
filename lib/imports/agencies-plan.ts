import type { AgencyKindName } from "@/lib/agencies/registry";
import { joinList, readYesNo, splitList, yesNo } from "@/lib/registry-io/lists";
import { ZEmail } from "@/lib/users/schemas";
import { AGENCY_KIND_LABELS, KIND_CHOICES_TEXT, parseKind, type AgencyColumn } from "@/lib/imports/columns";
import {
  countStatuses,
  duplicateTracker,
  fingerprintOf,
  nameKey,
  sameSet,
  statusOf,
  type FieldChange,
  type Preview,
  type PreviewRow,
  type StoredTable,
} from "@/lib/imports/plan";

// The agencies list against the province's registry (pure: the registry is passed in). A row
// names an agency by its full name (compared without diacritics); a column the file lacks leaves
// that field as it is; the "Nhóm" column is the agency's whole membership, and a group it names
// that the province lacks is created. Agencies absent from the file are left as they are.

export interface RegistryAgencyState {
  id: number;
  name: string;
  shortName: string;
  kind: AgencyKindName;
  aliases: string[];
  email: string | null;
  active: boolean;
  version: number;
  groupIds: number[];
  /** Its tasks not yet completed: an agency that still has some is not deactivated by a list. */
  openTasks: number;
}

export interface RegistryGroupState {
  id: number;
  name: string;
  aliases: string[];
  version: number;
}

export interface RegistryState {
  agencies: RegistryAgencyState[];
  groups: RegistryGroupState[];
}

export type GroupRef = { id: number } | { create: string };

export interface AgencyFields {
  name: string;
  shortName: string;
  kind: AgencyKindName;
  aliases: string[];
  email: string | null;
  active: boolean;
}

export type AgencyOp =
  | { op: "create"; line: number; data: AgencyFields; groups: GroupRef[] }
  | {
      op: "update";
      line: number;
      id: number;
      version: number;
      before: AgencyFields & { groups: string[] };
      data: AgencyFields;
      /** The whole membership when it changes. */
      groups: GroupRef[] | null;
    };

export interface AgencyPlan extends Preview {
  ops: AgencyOp[];
  newGroups: string[];
}

const MAX_NAME = 200;
const MAX_SHORT = 60;

const groupNames = (refs: GroupRef[], groups: Map<number, RegistryGroupState>) =>
  refs.map((r) => ("id" in r ? groups.get(r.id)!.name : r.create));

export function planAgencies(table: StoredTable<AgencyColumn>, state: RegistryState): AgencyPlan {
  const has = (c: AgencyColumn) => table.present.includes(c);
  const byName = new Map(state.agencies.map((a) => [nameKey(a.name), a]));
  const groupById = new Map(state.groups.map((g) => [g.id, g]));
  const groupByName = new Map<string, RegistryGroupState>();
  for (const g of state.groups) for (const n of [...g.aliases, g.name]) groupByName.set(nameKey(n), g);
  const newGroups = new Map<string, string>();
  const seenName = duplicateTracker();
  const seenShort = duplicateTracker();

  const rows: PreviewRow[] = [];
  const ops: (AgencyOp | null)[] = [];
  for (const { line, values: v } of table.rows) {
    const errors: string[] = [];
    const name = v.name ?? "";
    const shortName = v.shortName ?? "";
    if (!name) errors.push("Thiếu tên đầy đủ của cơ quan.");
    else if (name.length > MAX_NAME) errors.push(`Tên đầy đủ quá dài (tối đa ${MAX_NAME} ký tự).`);
    const firstName = name ? seenName(nameKey(name), line) : undefined;
    if (firstName !== undefined) errors.push(`Cơ quan này đã có ở dòng ${firstName} của tệp.`);
    if (!shortName) errors.push("Thiếu tên viết tắt.");
    else if (shortName.length > MAX_SHORT) errors.push(`Tên viết tắt quá dài (tối đa ${MAX_SHORT} ký tự).`);
    const firstShort = shortName ? seenShort(nameKey(shortName), line) : undefined;
    if (firstShort !== undefined) errors.push(`Tên viết tắt “${shortName}” đã dùng ở dòng ${firstShort} của tệp.`);

    const existing = name ? byName.get(nameKey(name)) : undefined;

    let kind: AgencyKindName | undefined = existing?.kind;
    if (has("kind") && v.kind) {
      const parsed = parseKind(v.kind);
      if (parsed) kind = parsed;
      else errors.push(`Loại “${v.kind}” không có; dùng một trong: ${KIND_CHOICES_TEXT}.`);
    } else if (!existing) errors.push(`Chưa ghi loại cơ quan (${KIND_CHOICES_TEXT}).`);

    let aliases = existing?.aliases ?? [];
    if (has("aliases")) {
      aliases = [...new Set(splitList(v.aliases))];
      const long = aliases.find((a) => a.length > MAX_NAME);
      if (long) errors.push(`Tên gọi khác “${long.slice(0, 40)}…” quá dài (tối đa ${MAX_NAME} ký tự).`);
    }

    let email = existing?.email ?? null;
    if (has("email")) {
      const parsed = ZEmail.safeParse(v.email);
      if (parsed.success) email = parsed.data ?? null;
      else errors.push(`E-mail “${v.email}” không hợp lệ.`);
    }

    let active = existing?.active ?? true;
    if (has("active")) {
      const parsed = readYesNo(v.active);
      if (parsed === null) errors.push(`Cột “Đang hoạt động” ghi “Có” hoặc “Không”, không phải “${v.active}”.`);
      else if (parsed !== undefined) active = parsed;
      if (existing?.active && !active && existing.openTasks > 0)
        errors.push(
          `Cơ quan còn ${existing.openTasks} nhiệm vụ chưa hoàn thành; hãy chuyển cho cơ quan kế nhiệm ở trang của cơ quan trước khi ngừng hoạt động.`,
        );
    }

    let groups: GroupRef[] | null = null;
    if (has("groups")) {
      groups = [];
      const seen = new Set<string>();
      for (const g of splitList(v.groups)) {
        const key = nameKey(g);
        if (seen.has(key)) continue;
        seen.add(key);
        const found = groupByName.get(key);
        if (found) groups.push({ id: found.id });
        else if (g.length > MAX_NAME) errors.push(`Tên nhóm “${g.slice(0, 40)}…” quá dài.`);
        else {
          if (!newGroups.has(key)) newGroups.set(key, g);
          groups.push({ create: newGroups.get(key)! });
        }
      }
    }

    const data: AgencyFields = { name, shortName, kind: kind ?? "other", aliases, email, active };
    const changes: FieldChange[] = [];
    let op: AgencyOp | null = null;
    if (existing) {
      const diff = (field: string, before: string, after: string) => {
        if (before !== after) changes.push({ field, before, after });
      };
      diff("Tên đầy đủ", existing.name, name);
      diff("Tên viết tắt", existing.shortName, shortName);
      diff("Loại", AGENCY_KIND_LABELS[existing.kind], AGENCY_KIND_LABELS[data.kind]);
      if (!sameSet(existing.aliases, aliases))
        changes.push({ field: "Tên gọi khác", before: joinList(existing.aliases), after: joinList(aliases) });
      diff("E-mail", existing.email ?? "", email ?? "");
      diff("Đang hoạt động", yesNo(existing.active), yesNo(active));
      const beforeGroups = existing.groupIds.map((id) => groupById.get(id)?.name ?? "").sort();
      let membership: GroupRef[] | null = null;
      if (groups) {
        const sameMembers =
          groups.every((g) => "id" in g) &&
          sameSet(
            groups.map((g) => String((g as { id: number }).id)),
            existing.groupIds.map(String),
          );
        if (!sameMembers) {
          membership = groups;
          changes.push({
            field: "Nhóm",
            before: joinList(beforeGroups),
            after: joinList(groupNames(groups, groupById)),
          });
        }
      }
      op = {
        op: "update",
        line,
        id: existing.id,
        version: existing.version,
        before: {
          name: existing.name,
          shortName: existing.shortName,
          kind: existing.kind,
          aliases: existing.aliases,
          email: existing.email,
          active: existing.active,
          groups: beforeGroups,
        },
        data,
        groups: membership,
      };
    } else {
      op = { op: "create", line, data, groups: groups ?? [] };
    }

    const detail = [shortName, kind ? AGENCY_KIND_LABELS[kind] : ""].filter(Boolean).join(" · ");
    const status = statusOf(errors, !existing, changes);
    rows.push({ line, label: name || "(không có tên)", detail, status, changes, errors });
    ops.push(status === "error" || status === "unchanged" ? null : op);
  }

  // A short name must name one active agency: the user list finds agencies by it.
  const finalShort = new Map<string, { id: number | string; name: string; line?: number }[]>();
  const inFile = new Set<number>();
  table.rows.forEach((r, i) => {
    const existing = r.values.name ? byName.get(nameKey(r.values.name)) : undefined;
    if (existing) inFile.add(existing.id);
    const op = ops[i];
    const active = op ? op.data.active : (existing?.active ?? true);
    if (!active || !r.values.shortName) return;
    const key = nameKey(r.values.shortName);
    finalShort.set(key, [
      ...(finalShort.get(key) ?? []),
      { id: existing?.id ?? `line-${r.line}`, name: r.values.name ?? "", line: r.line },
    ]);
  });
  for (const a of state.agencies) {
    if (inFile.has(a.id) || !a.active) continue;
    const key = nameKey(a.shortName);
    finalShort.set(key, [...(finalShort.get(key) ?? []), { id: a.id, name: a.name }]);
  }
  rows.forEach((row, i) => {
    const short = table.rows[i]!.values.shortName;
    if (!short) return;
    const holders = finalShort.get(nameKey(short)) ?? [];
    const other = holders.find((h) => h.line === undefined);
    if (holders.length > 1 && other) {
      row.errors.push(
        `Tên viết tắt “${short}” đã là của “${other.name}” trong danh mục; mỗi cơ quan cần một tên viết tắt riêng.`,
      );
      row.status = "error";
      ops[i] = null;
    }
  });

  const notes: string[] = [];
  const createdGroups = [...newGroups.values()];
  if (createdGroups.length > 0) notes.push(`Nhóm mới sẽ được tạo: ${createdGroups.map((g) => `“${g}”`).join(", ")}.`);
  const finalOps = ops.filter((o): o is AgencyOp => o !== null);
  const referencedGroups = state.groups.map((g) => [g.id, g.version]);
  return {
    rows,
    counts: countStatuses(rows),
    notes,
    ops: finalOps,
    newGroups: createdGroups,
    fingerprint: fingerprintOf({ rows, ops: finalOps, groups: referencedGroups }),
  };
}
