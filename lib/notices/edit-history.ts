import "server-only";
import { AUDIT_ACTOR_SELECT, auditActorName } from "@/lib/audit/log";
import { registryForProvince } from "@/lib/agencies/queries";
import { can, canReadNotice } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/user";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Deadline } from "@/lib/notices/draft";
import { loadDirectiveForEdit, loadNoticeForChange, toSnapshot, WITHDRAWN_EDIT } from "@/lib/notices/edit-core";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { DirectiveSnapshot } from "@/lib/notices/edit-types";
import { describeDeadline } from "@/lib/notices/edit-format";
import { ASSIGNMENT_ROLE_LABELS } from "@/lib/notices/labels";

// What the notice page needs beyond the notice itself: the versions the editor sends back and
// the changes made after publication, read from the audit log (written
// in the same transaction as each change, so it is complete). Every row an edit writes carries
// the notice's id; the rows createNotice writes for the notice's first entry are not changes.

export interface NoticeChange {
  id: string;
  at: string;
  actorName: string | null;
  directiveId: number | null;
  ref: string | null;
  title: string;
  lines: string[];
}

export interface EditRegistry {
  agencies: string[];
  groups: { name: string; size: number }[];
}

export interface NoticeEditView {
  canEdit: boolean;
  noticeVersion: number;
  /** Directive id → its version and the last change after publication (ISO instant), if any. */
  directives: Record<number, { version: number; adjustedAt: string | null }>;
  /** After publication, newest first. */
  changes: NoticeChange[];
}

const EDIT_ACTIONS = [
  "directive.update",
  "directive.delete",
  "assignment.create",
  "assignment.delete",
  "assignment.role",
];
const MAX_CHANGES = 300;

type Json = Record<string, unknown>;
const obj = (v: Prisma.JsonValue | null): Json => (v && typeof v === "object" && !Array.isArray(v) ? (v as Json) : {});
const str = (v: unknown) => (typeof v === "string" ? v : null);
const clip = (s: string, n = 140) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function roleName(v: unknown): string {
  return v === "lead" || v === "support" ? ASSIGNMENT_ROLE_LABELS[v] : "";
}

function directiveLines(before: Json, after: Json): string[] {
  const lines: string[] = [];
  if (before.ref !== after.ref) lines.push(`Mục: ${str(before.ref) || "—"} → ${str(after.ref) || "—"}`);
  if (before.text !== after.text)
    lines.push(`Nội dung: “${clip(str(before.text) ?? "")}” → “${clip(str(after.text) ?? "")}”`);
  if (before.urgent !== after.urgent) lines.push(after.urgent ? "Đánh dấu khẩn trương" : "Bỏ đánh dấu khẩn trương");
  if (JSON.stringify(before.deadline ?? null) !== JSON.stringify(after.deadline ?? null)) {
    lines.push(
      `Thời hạn: ${describeDeadline(before.deadline as Deadline | null)} → ${describeDeadline(after.deadline as Deadline | null)}`,
    );
    const moved = Number(after.rescheduled ?? 0);
    const kept = Number(after.keptExtensions ?? 0);
    if (moved > 0) lines.push(`Hạn mới áp dụng cho ${moved} đơn vị.`);
    if (kept > 0) lines.push(`Giữ nguyên hạn đã được gia hạn của ${kept} đơn vị.`);
  }
  return lines;
}

interface Row {
  id: bigint;
  createdAt: Date;
  action: string;
  entityId: number;
  before: Prisma.JsonValue | null;
  after: Prisma.JsonValue | null;
  actor: { name: string } | null;
  apiToken: { name: string } | null;
  actorId: number | null;
}

/** Audit rows → the change list; the assignments one change created or removed together read as one entry. */
function toChanges(rows: Row[]): NoticeChange[] {
  const out: NoticeChange[] = [];
  let group: { key: string; change: NoticeChange; agencies: string[]; verb: string } | null = null;
  const flush = () => {
    if (group) group.change.lines = [`${group.verb}: ${group.agencies.join(", ")}`];
    group = null;
  };
  for (const r of rows) {
    const before = obj(r.before);
    const after = obj(r.after);
    const data = r.action === "assignment.delete" || r.action === "directive.delete" ? before : after;
    const directiveId = r.action.startsWith("directive.")
      ? r.entityId
      : typeof data.directiveId === "number"
        ? data.directiveId
        : null;
    const base = {
      id: r.id.toString(),
      at: r.createdAt.toISOString(),
      actorName: auditActorName(r),
      ref: str(data.ref),
      directiveId,
    };
    if (r.action === "assignment.create" || r.action === "assignment.delete" || r.action === "assignment.role") {
      const key = `${r.action}|${r.actorId}|${r.createdAt.getTime()}|${String(data.directiveId)}`;
      const agency =
        r.action === "assignment.role"
          ? `${str(after.agencyName)} (${roleName(before.role)} → ${roleName(after.role)})`
          : `${str(data.agencyName)} (${roleName(data.role)}${data.viaGroup ? `, thuộc ${str(data.viaGroup)}` : ""})`;
      if (group && group.key === key) {
        group.agencies.push(agency);
        continue;
      }
      flush();
      const title =
        r.action === "assignment.create"
          ? "Giao thêm cơ quan"
          : r.action === "assignment.delete"
            ? "Bỏ cơ quan"
            : "Đổi vai trò";
      const verb = r.action === "assignment.create" ? "Thêm" : r.action === "assignment.delete" ? "Bỏ" : "Vai trò";
      const change: NoticeChange = { ...base, title, lines: [] };
      out.push(change);
      group = { key, change, agencies: [agency], verb };
      continue;
    }
    flush();
    if (r.action === "directive.update") {
      out.push({ ...base, title: "Sửa nhiệm vụ", lines: directiveLines(before, after) });
    } else if (r.action === "directive.create") {
      out.push({
        ...base,
        title: "Thêm nhiệm vụ",
        lines: [`“${clip(str(after.text) ?? "")}”`, `Thời hạn: ${describeDeadline(after.deadline as Deadline | null)}`],
      });
    } else if (r.action === "directive.delete") {
      out.push({ ...base, title: "Xóa nhiệm vụ", lines: [`“${clip(str(before.text) ?? "")}”`] });
    }
  }
  flush();
  return out;
}

export async function noticeEditView(db: Db, user: SessionUser, noticeId: number): Promise<NoticeEditView> {
  const notice = await db.notice.findUnique({
    where: { id: noticeId },
    select: {
      id: true,
      provinceId: true,
      status: true,
      version: true,
      directives: { select: { id: true, version: true } },
    },
  });
  if (!notice || !canReadNotice(user, notice)) throw new NotFoundError("Thông báo");
  // A withdrawn notice is part of the record as it was: nothing in it is edited any more.
  const canEdit = notice.status !== "withdrawn" && can(user, "notice.edit", { provinceId: notice.provinceId });

  let changes: NoticeChange[] = [];
  if (notice.status === "published") {
    // Published at its entry (no "notice.publish" row): every edit is after publication.
    const published = await db.auditLog.findFirst({
      where: { entityType: "Notice", entityId: notice.id, action: "notice.publish" },
      orderBy: { id: "desc" },
      select: { id: true },
    });
    const ofNotice: Prisma.AuditLogWhereInput[] = [
      { action: { in: EDIT_ACTIONS }, after: { path: ["noticeId"], equals: notice.id } },
      { action: { in: EDIT_ACTIONS }, before: { path: ["noticeId"], equals: notice.id } },
      {
        action: "directive.create",
        AND: [{ after: { path: ["added"], equals: true } }, { after: { path: ["noticeId"], equals: notice.id } }],
      },
    ];
    const rows = await db.auditLog.findMany({
      where: { provinceId: notice.provinceId, ...(published ? { id: { gt: published.id } } : {}), OR: ofNotice },
      orderBy: { id: "desc" },
      take: MAX_CHANGES,
      select: {
        id: true,
        createdAt: true,
        action: true,
        entityId: true,
        before: true,
        after: true,
        actorId: true,
        ...AUDIT_ACTOR_SELECT,
      },
    });
    changes = toChanges(rows).filter((c) => c.lines.length > 0);
  }

  const adjusted = new Map<number, string>();
  for (const c of changes) {
    const id = c.directiveId ?? null;
    if (id !== null && !adjusted.has(id)) adjusted.set(id, c.at);
  }
  return {
    canEdit,
    noticeVersion: notice.version,
    directives: Object.fromEntries(
      notice.directives.map((d) => [d.id, { version: d.version, adjustedAt: adjusted.get(d.id) ?? null }]),
    ),
    changes,
  };
}

/** The names the editor offers: the province's active agencies and its groups (with their size). */
export async function editRegistry(db: Db, provinceId: number): Promise<EditRegistry> {
  const registry = await registryForProvince(db, provinceId);
  return {
    agencies: registry.agencies.map((a) => a.name),
    groups: registry.groups.map((g) => ({ name: g.name, size: g.members.length })),
  };
}

// The editor is not in the notice page's HTML (a notice of 25 directives would carry every text
// three times): "Sửa" asks for what it needs, checked as every edit is, on the stored notice's
// province ("notice.edit"; not for a withdrawn notice). "Thêm nhiệm vụ" asks for the registry.

/** A directive as stored now, for its editor, with the registry of its notice's province. */
export async function directiveEditor(
  db: Db,
  actor: SessionUser,
  directiveId: number,
): Promise<{ directive: DirectiveSnapshot; registry: EditRegistry }> {
  const row = await loadDirectiveForEdit(db, actor, directiveId);
  return { directive: toSnapshot(row), registry: await editRegistry(db, row.notice.provinceId) };
}

/** The registry of a notice's province, for adding a directive to it. */
export async function noticeEditRegistry(db: Db, actor: SessionUser, noticeId: number): Promise<EditRegistry> {
  const notice = await loadNoticeForChange(db, actor, noticeId);
  if (notice.status === "withdrawn") throw new ConflictError(WITHDRAWN_EDIT);
  return editRegistry(db, notice.provinceId);
}
