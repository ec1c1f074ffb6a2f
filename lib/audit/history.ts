import "server-only";
import type { Db } from "@/lib/db/client";
import { AUDIT_ACTOR_SELECT, auditActorName, type AuditEntry } from "@/lib/audit/log";

// The history of one record of the registry or the accounts (an agency, a group, a user, a
// province), newest first, as its page shows it. The caller has checked that the user may read
// the record; rows are read by the record's own type and id, and the province it belongs to.

export interface HistoryEntry {
  id: string;
  at: Date;
  action: string;
  label: string;
  actorName: string | null;
  before: unknown;
  after: unknown;
}

const LABELS: Record<string, string> = {
  "user.create": "Tạo tài khoản",
  "user.update": "Sửa tài khoản",
  "user.deactivate": "Khóa tài khoản",
  "user.password_reset": "Cấp mật khẩu tạm",
  "user.password_change": "Người dùng đổi mật khẩu",
  "user.profile": "Người dùng sửa e-mail, thông báo",
  "user.import": "Nhập từ tệp danh sách",
  "user.agency_succession": "Chuyển sang cơ quan kế nhiệm",
  "province.create": "Tạo tỉnh",
  "agency.create": "Thêm cơ quan",
  "agency.update": "Sửa cơ quan",
  "agency.deactivate": "Ngừng hoạt động",
  "agency.reactivate": "Hoạt động trở lại",
  "agency.merge": "Sáp nhập, chuyển công việc sang cơ quan kế nhiệm",
  "agency.receive": "Tiếp nhận công việc của cơ quan sáp nhập",
  "agency.import": "Nhập từ tệp danh mục",
  "group.create": "Tạo nhóm",
  "group.update": "Sửa tên nhóm",
  "group.member_add": "Thêm thành viên",
  "group.member_remove": "Bỏ thành viên",
};

export function historyLabel(action: string, labels: Record<string, string> = {}): string {
  return labels[action] ?? LABELS[action] ?? action;
}

export async function recordHistory(
  db: Db,
  entityType: AuditEntry["entityType"],
  entityId: number,
  provinceId: number | null,
  opts: { labels?: Record<string, string>; take?: number } = {},
): Promise<HistoryEntry[]> {
  const rows = await db.auditLog.findMany({
    where: { entityType, entityId, provinceId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: opts.take ?? 100,
    select: { id: true, createdAt: true, action: true, before: true, after: true, ...AUDIT_ACTOR_SELECT },
  });
  return rows.map((r) => ({
    id: r.id.toString(),
    at: r.createdAt,
    action: r.action,
    label: historyLabel(r.action, opts.labels),
    actorName: auditActorName(r),
    before: r.before,
    after: r.after,
  }));
}
