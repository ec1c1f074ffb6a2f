import type { RoleName } from "@/lib/auth/user";
import { joinList, readYesNo, splitList, yesNo } from "@/lib/registry-io/lists";
import { ZEmail, ZLogin, ZPersonName } from "@/lib/users/schemas";
import { parseRole, ROLE_CHOICES_TEXT, roleLabel, type UserColumn } from "@/lib/imports/columns";
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

// The user list against the province's accounts (pure: the accounts are passed in). A row names
// an account by its login; a login another province (or the system) already uses is refused;
// agencies are named by their short names (or full names) in the province's registry. A column
// the file lacks leaves that field as it is; accounts absent from the file are left as they are.

export interface AccountState {
  id: number;
  username: string;
  name: string;
  role: RoleName;
  email: string | null;
  active: boolean;
  version: number;
  agencyIds: number[];
}

export interface AgencyChoice {
  id: number;
  name: string;
  shortName: string;
  active: boolean;
}

export interface AccountsState {
  actorId: number;
  accounts: AccountState[];
  /** The province's agencies (an inactive one is kept by an account that has it, never newly given). */
  agencies: AgencyChoice[];
  /** Logins of the file already used outside the province. */
  takenElsewhere: Set<string>;
}

export interface AccountFields {
  username: string;
  name: string;
  role: RoleName;
  email: string | null;
  active: boolean;
  agencyIds: number[];
}

export type AccountOp =
  | { op: "create"; line: number; data: AccountFields }
  | { op: "update"; line: number; id: number; version: number; before: AccountFields; data: AccountFields };

export interface AccountPlan extends Preview {
  ops: AccountOp[];
}

export function planAccounts(table: StoredTable<UserColumn>, state: AccountsState): AccountPlan {
  const has = (c: UserColumn) => table.present.includes(c);
  const byLogin = new Map(state.accounts.map((a) => [a.username, a]));
  const agencyById = new Map(state.agencies.map((a) => [a.id, a]));
  const agencyByWord = new Map<string, AgencyChoice[]>();
  const addWord = (w: string, a: AgencyChoice) => {
    const list = agencyByWord.get(nameKey(w)) ?? [];
    if (!list.includes(a)) agencyByWord.set(nameKey(w), [...list, a]);
  };
  // Active agencies first: an inactive one is found by a word no active agency answers to.
  const ordered = [...state.agencies.filter((a) => a.active), ...state.agencies.filter((a) => !a.active)];
  for (const a of ordered)
    if (!agencyByWord.get(nameKey(a.shortName))?.some((b) => b.active !== a.active)) addWord(a.shortName, a);
  for (const a of ordered) if (!agencyByWord.has(nameKey(a.name))) addWord(a.name, a);
  const shortNames = (ids: number[]) => ids.map((id) => agencyById.get(id)?.shortName ?? `#${id}`).sort();
  const seenLogin = duplicateTracker();

  const rows: PreviewRow[] = [];
  const ops: AccountOp[] = [];
  for (const { line, values: v } of table.rows) {
    const errors: string[] = [];
    const login = ZLogin.safeParse(v.username ?? "");
    const username = login.success ? login.data : (v.username ?? "").trim().toLowerCase();
    if (!login.success) errors.push(login.error.issues[0]?.message ?? "Tên đăng nhập không hợp lệ.");
    const first = username ? seenLogin(username, line) : undefined;
    if (first !== undefined) errors.push(`Tên đăng nhập “${username}” đã có ở dòng ${first} của tệp.`);
    if (login.success && state.takenElsewhere.has(username))
      errors.push(`Tên đăng nhập “${username}” đã có người dùng ở tỉnh khác; hãy chọn tên khác.`);
    const existing = login.success ? byLogin.get(username) : undefined;

    const person = ZPersonName.safeParse(v.name ?? "");
    const name = person.success ? person.data : (v.name ?? "");
    if (!person.success) errors.push(person.error.issues[0]?.message ?? "Vui lòng nhập họ tên.");

    let role: RoleName | null = parseRole(v.role ?? "");
    if (!v.role) errors.push(`Chưa ghi vai trò (${ROLE_CHOICES_TEXT}).`);
    else if (!role) errors.push(`Vai trò “${v.role}” không có; dùng một trong: ${ROLE_CHOICES_TEXT}.`);
    role ??= existing?.role ?? "agency_staff";

    let agencyIds: number[] = existing && role === "agency_staff" ? existing.agencyIds : [];
    const agencyErrors = errors.length;
    if (has("agencies")) {
      agencyIds = [];
      for (const word of splitList(v.agencies)) {
        const found = agencyByWord.get(nameKey(word)) ?? [];
        if (found.length === 0)
          errors.push(
            `Không có cơ quan “${word}” trong danh mục của tỉnh (ghi tên viết tắt như trong danh mục cơ quan).`,
          );
        else if (found.length > 1)
          errors.push(`“${word}” ứng với nhiều cơ quan (${found.map((a) => a.name).join(", ")}); ghi tên đầy đủ.`);
        else if (!found[0]!.active && !existing?.agencyIds.includes(found[0]!.id))
          errors.push(`Cơ quan “${word}” đã ngừng hoạt động; không giao thêm người dùng cho cơ quan này.`);
        else if (!agencyIds.includes(found[0]!.id)) agencyIds.push(found[0]!.id);
      }
    }
    const unknownAgency = errors.length > agencyErrors;
    if (role === "agency_staff" && agencyIds.length === 0 && !unknownAgency && parseRole(v.role ?? ""))
      errors.push("Cán bộ cơ quan, đơn vị cần ít nhất một cơ quan (cột “Cơ quan”).");
    if (role !== "agency_staff" && agencyIds.length > 0) errors.push("Chỉ cán bộ cơ quan, đơn vị mới gắn với cơ quan.");

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
    }

    if (existing && existing.id === state.actorId && (!active || role !== existing.role))
      errors.push("Không thể tự khóa hay tự đổi vai trò của chính mình; hãy nhờ một quản trị viên khác.");

    const data: AccountFields = { username, name, role, email, active, agencyIds };
    const changes: FieldChange[] = [];
    if (existing) {
      const diff = (field: string, before: string, after: string) => {
        if (before !== after) changes.push({ field, before, after });
      };
      diff("Họ tên", existing.name, name);
      diff("Vai trò", roleLabel(existing.role), roleLabel(role));
      if (!sameSet(existing.agencyIds.map(String), agencyIds.map(String)))
        changes.push({
          field: "Cơ quan",
          before: joinList(shortNames(existing.agencyIds)),
          after: joinList(shortNames(agencyIds)),
        });
      diff("E-mail", existing.email ?? "", email ?? "");
      diff("Đang hoạt động", yesNo(existing.active), yesNo(active));
    }
    const status = statusOf(errors, !existing, changes);
    const roleText = parseRole(v.role ?? "") ? roleLabel(role) : (v.role ?? "");
    const detail = [name, roleText, has("agencies") ? joinList(shortNames(agencyIds)) : ""].filter(Boolean).join(" · ");
    rows.push({ line, label: username || "(không có tên đăng nhập)", detail, status, changes, errors });
    if (status === "new") ops.push({ op: "create", line, data });
    if (status === "changed" && existing)
      ops.push({
        op: "update",
        line,
        id: existing.id,
        version: existing.version,
        before: {
          username: existing.username,
          name: existing.name,
          role: existing.role,
          email: existing.email,
          active: existing.active,
          agencyIds: existing.agencyIds,
        },
        data,
      });
  }
  return { rows, counts: countStatuses(rows), notes: [], ops, fingerprint: fingerprintOf({ rows, ops }) };
}
