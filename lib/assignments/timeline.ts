import "server-only";
import { AUDIT_ACTOR_SELECT, auditActorName } from "@/lib/audit/log";
import { canReadReports } from "@/lib/assignments/visibility";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/user";
import type { Db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

// A directive's history, read from the audit log (the log is written in the same transaction as
// every change, so it is complete). Each user sees only the entries of what they may read: an
// agency its own assignment's entries; a lead agency also its supporters' state changes and
// reports (not their extension requests or comments); the province's leadership everything.

export interface TimelineEvent {
  id: string;
  at: string;
  action: string;
  /** Vietnamese label of the action. */
  label: string;
  entityType: string;
  entityId: number;
  actorName: string | null;
  /** The agency whose assignment the entry is about; null for the directive itself. */
  agencyName: string | null;
  before: unknown;
  after: unknown;
}

const LABELS: Record<string, string> = {
  "directive.create": "Ghi nhận chỉ đạo",
  "assignment.create": "Giao nhiệm vụ",
  "assignment.start": "Bắt đầu thực hiện",
  "report.progress": "Báo cáo tiến độ",
  "report.periodic": "Báo cáo định kỳ",
  "report.completion": "Báo cáo kết quả hoàn thành",
  "assignment.submit": "Đề nghị xác nhận hoàn thành",
  "assignment.confirm": "Xác nhận hoàn thành",
  "assignment.return": "Trả lại, yêu cầu bổ sung",
  "extension.request": "Xin gia hạn",
  "extension.approve": "Đồng ý gia hạn",
  "extension.refuse": "Không đồng ý gia hạn",
  "assignment.extend": "Điều chỉnh thời hạn theo gia hạn",
  "assignment.undo": "Hoàn tác",
  "extension.undo": "Hoàn tác quyết định gia hạn",
  "comment.create": "Ý kiến trao đổi",
  "directive.update": "Văn phòng điều chỉnh chỉ đạo",
  "assignment.reschedule": "Điều chỉnh thời hạn theo chỉ đạo mới",
  "assignment.role": "Đổi vai trò chủ trì/phối hợp",
  "assignment.delete": "Bỏ cơ quan khỏi nhiệm vụ",
  "assignment.succession": "Chuyển sang cơ quan kế nhiệm",
  "directive.carry": "Chuyển tiếp sang thông báo mới",
  "notice.withdraw": "Thông báo bị thu hồi, nhiệm vụ kết thúc",
};

/** An agency's name kept in an audit row ({ agency: "Sở Y tế" }), if any. */
function agencyIn(value: unknown): string | null {
  const name = value && typeof value === "object" ? (value as { agency?: unknown }).agency : undefined;
  return typeof name === "string" ? name : null;
}

function labelOf(action: string, before: unknown, after: unknown): string {
  const label = LABELS[action] ?? action;
  if (action === "notice.withdraw") {
    const reason = after && typeof after === "object" ? (after as { reason?: unknown }).reason : undefined;
    return typeof reason === "string" ? `${label}: ${reason}` : label;
  }
  if (action !== "assignment.succession") return label;
  const from = agencyIn(before);
  const to = agencyIn(after);
  return from && to ? `${label}: từ ${from} sang ${to}` : label;
}

/** What a lead agency sees of a supporter's assignment on its own task: its state changes (and its reports). */
const SUPPORTER_STATE_CHANGES = [
  "assignment.start",
  "assignment.submit",
  "assignment.confirm",
  "assignment.return",
  "assignment.undo",
  "assignment.succession",
];

export interface TimelineOptions {
  /**
   * One task's history (the task page): the directive's own entries and this assignment's, and,
   * when it leads, its supporters' state changes and reports; not the other agencies' tasks,
   * extensions or comments, whoever reads it. Without it: the directive's whole history as the
   * reader may see it (the directive page).
   */
  assignmentId?: number;
  limit?: number;
}

export async function assignmentTimeline(
  db: Db,
  actor: SessionUser,
  directiveId: number,
  options: TimelineOptions = {},
): Promise<TimelineEvent[]> {
  const limit = options.limit ?? 500;
  if (!Number.isSafeInteger(directiveId) || directiveId <= 0) throw new NotFoundError("Chỉ đạo");
  const directive = await db.directive.findUnique({
    where: { id: directiveId },
    select: {
      id: true,
      notice: { select: { id: true, provinceId: true, status: true } },
      assignments: {
        select: { id: true, provinceId: true, agencyId: true, role: true, agency: { select: { name: true } } },
      },
    },
  });
  if (!directive) throw new NotFoundError("Chỉ đạo");
  const provinceId = directive.notice.provinceId;
  if (directive.notice.status === "draft" && !can(actor, "notice.readDraft", { provinceId }))
    throw new NotFoundError("Chỉ đạo");

  let full = directive.assignments.filter((a) => can(actor, "assignment.read", a));
  let shared = directive.assignments.filter(
    (a) => !full.includes(a) && canReadReports(actor, a, directive.assignments),
  );
  const provinceWide = can(actor, "assignment.read", { provinceId });
  if (full.length === 0 && shared.length === 0 && !provinceWide) throw new NotFoundError("Chỉ đạo");
  // On one task's page, its supporters' assignments show only their state changes.
  let stateChangesOnly = false;
  if (options.assignmentId !== undefined) {
    const focus = directive.assignments.find((a) => a.id === options.assignmentId);
    if (!focus || (!full.includes(focus) && !shared.includes(focus))) throw new NotFoundError("Nhiệm vụ");
    const readable = [...full, ...shared];
    if (full.includes(focus)) {
      full = [focus];
      shared =
        focus.role === "lead" ? readable.filter((a) => a.role === "support" && a.agencyId !== focus.agencyId) : [];
    } else {
      full = [];
      shared = [focus];
    }
    stateChangesOnly = true;
  }

  const fullIds = full.map((a) => a.id);
  const reportIds = [...fullIds, ...shared.map((a) => a.id)];
  const [reports, extensions, comments] = await Promise.all([
    db.progressReport.findMany({
      where: { assignmentId: { in: reportIds } },
      select: { id: true, assignmentId: true },
    }),
    db.extensionRequest.findMany({
      where: { assignmentId: { in: fullIds } },
      select: { id: true, assignmentId: true },
    }),
    db.comment.findMany({ where: { assignmentId: { in: fullIds } }, select: { id: true, assignmentId: true } }),
  ]);

  const agencyOfAssignment = new Map(directive.assignments.map((a) => [a.id, a.agency.name]));
  const owner = new Map<string, number>();
  for (const [type, rows] of [
    ["ProgressReport", reports],
    ["ExtensionRequest", extensions],
    ["Comment", comments],
  ] as const) {
    for (const r of rows) owner.set(`${type}:${r.id}`, r.assignmentId);
  }

  const where: Prisma.AuditLogWhereInput[] = [
    { entityType: "Directive", entityId: directive.id },
    // The notice it belongs to withdrawn: every one of its tasks ended then.
    { entityType: "Notice", entityId: directive.notice.id, action: "notice.withdraw" },
    stateChangesOnly
      ? {
          OR: [
            { entityType: "Assignment", entityId: { in: fullIds } },
            {
              entityType: "Assignment",
              entityId: { in: shared.map((a) => a.id) },
              action: { in: SUPPORTER_STATE_CHANGES },
            },
          ],
        }
      : { entityType: "Assignment", entityId: { in: reportIds } },
    { entityType: "ProgressReport", entityId: { in: reports.map((r) => r.id) } },
    { entityType: "ExtensionRequest", entityId: { in: extensions.map((r) => r.id) } },
    { entityType: "Comment", entityId: { in: comments.map((r) => r.id) } },
  ];
  const rows = await db.auditLog.findMany({
    where: { OR: where },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      createdAt: true,
      action: true,
      entityType: true,
      entityId: true,
      before: true,
      after: true,
      ...AUDIT_ACTOR_SELECT,
    },
  });

  return rows.map((r) => {
    const assignmentId = r.entityType === "Assignment" ? r.entityId : owner.get(`${r.entityType}:${r.entityId}`);
    return {
      id: r.id.toString(),
      at: r.createdAt.toISOString(),
      action: r.action,
      label: labelOf(r.action, r.before, r.after),
      entityType: r.entityType,
      entityId: r.entityId,
      actorName: auditActorName(r),
      agencyName: assignmentId === undefined ? null : (agencyOfAssignment.get(assignmentId) ?? null),
      before: r.before,
      after: r.after,
    };
  });
}
