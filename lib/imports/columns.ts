import { AGENCY_KINDS, type AgencyKindName } from "@/lib/agencies/registry";
import { ROLE_NAMES, USER_ROLE_LABELS, type RoleName } from "@/lib/auth/user";
import { foldVi } from "@/lib/deadlines/fold";
import type { ColumnSpec } from "@/lib/registry-io/columns";

// The columns of the two lists a province imports and exports, and the Vietnamese words its
// cells use for an agency's kind and an account's role. Pure data: the pages, the templates,
// the exports and the import all read them from here, so a file exported imports back.

export type AgencyColumn = "name" | "shortName" | "kind" | "aliases" | "groups" | "email" | "active";
export type UserColumn = "username" | "name" | "role" | "agencies" | "email" | "active";

const EMAIL_ALIASES = ["Email", "Thư điện tử", "Địa chỉ e-mail", "Địa chỉ thư điện tử"];
const ACTIVE_ALIASES = ["Hoạt động", "Còn hoạt động", "Trạng thái"];

export const AGENCY_COLUMNS: readonly ColumnSpec<AgencyColumn>[] = [
  {
    key: "name",
    header: "Tên đầy đủ",
    aliases: ["Tên cơ quan", "Tên cơ quan, đơn vị", "Tên đơn vị", "Tên"],
    required: true,
  },
  { key: "shortName", header: "Tên viết tắt", aliases: ["Viết tắt", "Tên ngắn", "Tên ngắn gọn"], required: true },
  { key: "kind", header: "Loại", aliases: ["Loại cơ quan", "Loại đơn vị"] },
  { key: "aliases", header: "Tên gọi khác", aliases: ["Tên khác", "Các tên gọi khác", "Bí danh"] },
  { key: "groups", header: "Nhóm", aliases: ["Thuộc nhóm", "Các nhóm"] },
  { key: "email", header: "E-mail", aliases: EMAIL_ALIASES },
  { key: "active", header: "Đang hoạt động", aliases: ACTIVE_ALIASES },
];

export const USER_COLUMNS: readonly ColumnSpec<UserColumn>[] = [
  { key: "username", header: "Tên đăng nhập", aliases: ["Tài khoản", "Login", "Username"], required: true },
  { key: "name", header: "Họ tên", aliases: ["Họ và tên", "Tên người dùng"], required: true },
  { key: "role", header: "Vai trò", aliases: ["Quyền", "Chức năng"], required: true },
  { key: "agencies", header: "Cơ quan", aliases: ["Cơ quan, đơn vị", "Đơn vị", "Tên viết tắt cơ quan"] },
  { key: "email", header: "E-mail", aliases: EMAIL_ALIASES },
  { key: "active", header: "Đang hoạt động", aliases: ACTIVE_ALIASES },
];

export const AGENCY_KIND_LABELS: Record<AgencyKindName, string> = {
  department: "Sở, ban, ngành",
  district: "UBND cấp huyện, cấp xã",
  police: "Công an",
  military: "Quân sự, biên phòng",
  front: "Mặt trận, đoàn thể",
  media: "Báo chí, phát thanh, truyền hình",
  other: "Khác",
};

/** A role as the account pages show it: a province's administrator is "Quản trị của tỉnh". */
export function roleLabel(role: RoleName): string {
  return role === "admin" ? "Quản trị của tỉnh" : USER_ROLE_LABELS[role];
}

const key = (s: string) =>
  foldVi(s.normalize("NFC"))
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

const KIND_WORDS = new Map<string, AgencyKindName>();
for (const kind of AGENCY_KINDS) {
  KIND_WORDS.set(key(kind), kind);
  KIND_WORDS.set(key(AGENCY_KIND_LABELS[kind]), kind);
}
for (const [word, kind] of [
  ["sở", "department"],
  ["sở ban ngành", "department"],
  ["ban ngành", "department"],
  ["ubnd cấp huyện", "district"],
  ["ubnd cấp xã", "district"],
  ["địa phương", "district"],
  ["quân sự", "military"],
  ["đoàn thể", "front"],
  ["mặt trận", "front"],
  ["báo chí", "media"],
  ["truyền thông", "media"],
] as const)
  KIND_WORDS.set(key(word), kind);

export function parseKind(cell: string): AgencyKindName | null {
  return KIND_WORDS.get(key(cell)) ?? null;
}

const ROLE_WORDS = new Map<string, RoleName>();
for (const role of ROLE_NAMES) {
  ROLE_WORDS.set(key(role), role);
  ROLE_WORDS.set(key(roleLabel(role)), role);
  ROLE_WORDS.set(key(USER_ROLE_LABELS[role]), role);
}
for (const [word, role] of [
  ["quản trị", "admin"],
  ["quản trị tỉnh", "admin"],
  ["văn phòng", "secretariat"],
  ["thường trực ban chỉ đạo", "secretariat"],
  ["cán bộ", "agency_staff"],
  ["cán bộ cơ quan", "agency_staff"],
  ["cán bộ cơ quan đơn vị", "agency_staff"],
  ["lãnh đạo", "chairman"],
  ["chủ tịch", "chairman"],
] as const)
  ROLE_WORDS.set(key(word), role);

export function parseRole(cell: string): RoleName | null {
  return ROLE_WORDS.get(key(cell)) ?? null;
}

export const ROLE_CHOICES_TEXT = ROLE_NAMES.map((r) => `“${roleLabel(r)}”`).join(", ");
export const KIND_CHOICES_TEXT = AGENCY_KINDS.map((k) => `“${AGENCY_KIND_LABELS[k]}”`).join(", ");
