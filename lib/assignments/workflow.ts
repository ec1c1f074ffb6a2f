import "server-only";
import { provinceOngoingPeriod } from "@/lib/assignments/ongoing";
import { currentPeriod } from "@/lib/assignments/recurrence";
import type {
  ConfirmCompletionInput,
  ReportProgressInput,
  ReturnCompletionInput,
  StartAssignmentInput,
  SubmitCompletionInput,
} from "@/lib/assignments/schemas";
import type { AssignmentStatus } from "@/lib/assignments/status";
import {
  auditView,
  expectState,
  expectVersion,
  loadForChange,
  systemClock,
  toStatus,
  TX_OPTIONS,
  updateIfUnchanged,
  type Clock,
  type LoadedAssignment,
} from "@/lib/assignments/workflow-core";
import { storeAttachment, type AttachmentMeta } from "@/lib/attachments/store";
import { readUpload, type ValidUpload } from "@/lib/attachments/validate";
import { audit, auditedAs } from "@/lib/audit/log";
import { accountIdOf, type SessionUser } from "@/lib/auth/user";
import type { Db, Tx } from "@/lib/db/client";
import { invalidField } from "@/lib/errors";
import type { MailHold } from "@/lib/notifications/notify";
import { notifyWorkflow } from "@/lib/notifications/workflow-events";
import { fromIsoDay } from "@/lib/time/calendar";

// The agency's and the secretariat's steps on one assignment:
//   not_started → in_progress (start, or implicitly by a first report)
//   not_started | in_progress → submitted (completion report)
//   submitted → completed (secretariat confirms) | in_progress (secretariat returns, with a reason)
// Each step (its input parsed by the gate): load → permission on the record's province/agency → version → state →
// one transaction with the conditional update and its audit rows.
// Extensions are in extensions.ts, comments in comments.ts; this file re-exports them so the UI
// has one module to import.

export { requestExtension, decideExtension } from "@/lib/assignments/extensions";
export { addComment } from "@/lib/assignments/comments";
export { StaleAssignmentError } from "@/lib/assignments/status";
export type { Clock } from "@/lib/assignments/workflow-core";

export interface WorkflowResult {
  assignment: AssignmentStatus;
  /** For revalidating pages: the board of this agency, the notice page. */
  agencyId: number;
  directiveId: number;
  noticeId: number;
}

export interface ReportResult extends WorkflowResult {
  reportId: number;
  attachment: AttachmentMeta | null;
}

function result(row: LoadedAssignment, assignment: AssignmentStatus): WorkflowResult {
  return { assignment, agencyId: row.agencyId, directiveId: row.directive.id, noticeId: row.directive.notice.id };
}

function notAfterToday(field: string, day: string | undefined, todayDay: string, message: string): void {
  if (day !== undefined && day > todayDay) invalidField(field, message);
}

export async function startAssignment(
  db: Db,
  actor: SessionUser,
  input: StartAssignmentInput,
  clock: Clock = systemClock,
): Promise<WorkflowResult> {
  const { assignmentId, version } = input;
  const row = await loadForChange(db, actor, assignmentId, "assignment.work");
  expectVersion(row, version);
  expectState(row, ["not_started"], "Nhiệm vụ đã được bắt đầu trước đó");
  const after = await db.$transaction(async (tx) => {
    const updated = await updateIfUnchanged(tx, row.id, version, { state: "in_progress", startedAt: clock.now() });
    await audit(tx, {
      provinceId: row.provinceId,
      ...auditedAs(actor),
      action: "assignment.start",
      entityType: "Assignment",
      entityId: row.id,
      before: auditView(toStatus(row)),
      after: auditView(updated),
    });
    return updated;
  }, TX_OPTIONS);
  return result(row, after);
}

interface ReportFields {
  text: string;
  evidenceNumber?: string | undefined;
  evidenceDate?: string | undefined;
}

/** Writes the report (and its file) after the assignment row was changed in the same transaction. */
async function writeReport(
  tx: Tx,
  actor: SessionUser,
  row: LoadedAssignment,
  kind: "progress" | "completion" | "periodic",
  fields: ReportFields,
  upload: ValidUpload | null,
  periodStart: string | null,
): Promise<{ reportId: number; attachment: AttachmentMeta | null }> {
  const attachment = upload ? await storeAttachment(tx, upload, row.provinceId, accountIdOf(actor)) : null;
  const report = await tx.progressReport.create({
    data: {
      assignmentId: row.id,
      authorId: accountIdOf(actor),
      kind,
      text: fields.text,
      evidenceNumber: fields.evidenceNumber ?? null,
      evidenceDate: fields.evidenceDate ? fromIsoDay(fields.evidenceDate) : null,
      periodStart: periodStart ? fromIsoDay(periodStart) : null,
      attachmentId: attachment?.id ?? null,
    },
    select: { id: true },
  });
  await audit(tx, {
    provinceId: row.provinceId,
    ...auditedAs(actor),
    action: `report.${kind}`,
    entityType: "ProgressReport",
    entityId: report.id,
    after: { assignmentId: row.id, kind, ...fields, periodStart, attachment },
  });
  return { reportId: report.id, attachment };
}

/**
 * A progress report. On a not-yet-started assignment it starts it. On a recurring directive it is
 * the report of the current period (periodStart), which is what the board's "chưa báo cáo kỳ này" reads;
 * on an ongoing task (no due day) the report of the province's current period of ongoing tasks.
 */
export async function reportProgress(
  db: Db,
  actor: SessionUser,
  input: ReportProgressInput,
  clock: Clock = systemClock,
): Promise<ReportResult> {
  const data = input;
  const todayDay = clock.today();
  notAfterToday(
    "evidenceDate",
    data.evidenceDate,
    todayDay,
    "Ngày của văn bản minh chứng không được sau ngày hôm nay.",
  );
  const row = await loadForChange(db, actor, data.assignmentId, "assignment.work");
  expectVersion(row, data.version);
  expectState(
    row,
    ["not_started", "in_progress"],
    "Không thể báo cáo tiến độ khi nhiệm vụ đang chờ xác nhận hoặc đã hoàn thành",
  );
  const upload = data.attachment ? await readUpload(data.attachment) : null;
  const recurrence = row.directive.recurrence;
  // A recurring directive reports on its own period; an ongoing task (no due day) on the
  // province's period of ongoing tasks ("Báo cáo kỳ này", lib/assignments/ongoing.ts).
  const periodStart = recurrence
    ? currentPeriod(recurrence, todayDay).start
    : row.dueOn === null
      ? (await provinceOngoingPeriod(db, row.provinceId, todayDay)).period.start
      : null;

  return db.$transaction(async (tx) => {
    const starting = row.state === "not_started";
    const updated = await updateIfUnchanged(
      tx,
      row.id,
      data.version,
      starting ? { state: "in_progress", startedAt: clock.now() } : {},
    );
    if (starting) {
      await audit(tx, {
        provinceId: row.provinceId,
        ...auditedAs(actor),
        action: "assignment.start",
        entityType: "Assignment",
        entityId: row.id,
        before: auditView(toStatus(row)),
        after: auditView(updated),
      });
    }
    const written = await writeReport(tx, actor, row, periodStart ? "periodic" : "progress", data, upload, periodStart);
    return { ...result(row, updated), ...written };
  }, TX_OPTIONS);
}

/** The agency reports the task done; the secretariat then confirms or returns it. */
export async function submitCompletion(
  db: Db,
  actor: SessionUser,
  input: SubmitCompletionInput,
  clock: Clock = systemClock,
): Promise<ReportResult> {
  const data = input;
  const todayDay = clock.today();
  notAfterToday("completedOn", data.completedOn, todayDay, "Ngày hoàn thành không được sau ngày hôm nay.");
  notAfterToday(
    "evidenceDate",
    data.evidenceDate,
    todayDay,
    "Ngày của văn bản minh chứng không được sau ngày hôm nay.",
  );
  const row = await loadForChange(db, actor, data.assignmentId, "assignment.work");
  expectVersion(row, data.version);
  expectState(
    row,
    ["not_started", "in_progress"],
    "Không thể báo cáo hoàn thành khi nhiệm vụ đang chờ xác nhận hoặc đã hoàn thành",
  );
  const upload = data.attachment ? await readUpload(data.attachment) : null;

  return db.$transaction(async (tx) => {
    const at = clock.now();
    const updated = await updateIfUnchanged(tx, row.id, data.version, {
      state: "submitted",
      submittedAt: at,
      startedAt: row.startedAt ?? at,
      completedOn: fromIsoDay(data.completedOn),
      returnReason: null,
    });
    await audit(tx, {
      provinceId: row.provinceId,
      ...auditedAs(actor),
      action: "assignment.submit",
      entityType: "Assignment",
      entityId: row.id,
      before: auditView(toStatus(row)),
      after: auditView(updated),
    });
    const written = await writeReport(tx, actor, row, "completion", data, upload, null);
    await notifyWorkflow(tx, { kind: "submitted", assignmentId: row.id, version: updated.version }, actor.id);
    return { ...result(row, updated), ...written };
  }, TX_OPTIONS);
}

/** The secretariat accepts the reported result: the task counts as completed on completedOn. */
export async function confirmCompletion(
  db: Db,
  actor: SessionUser,
  input: ConfirmCompletionInput,
  clock: Clock = systemClock,
  hold?: MailHold,
): Promise<WorkflowResult> {
  const { assignmentId, version } = input;
  const row = await loadForChange(db, actor, assignmentId, "assignment.confirm");
  expectVersion(row, version);
  expectState(row, ["submitted"], "Chỉ xác nhận được nhiệm vụ đang chờ xác nhận");
  const after = await db.$transaction(async (tx) => {
    const updated = await updateIfUnchanged(tx, row.id, version, {
      state: "completed",
      confirmedAt: clock.now(),
      confirmedById: actor.id,
    });
    await audit(tx, {
      provinceId: row.provinceId,
      ...auditedAs(actor),
      action: "assignment.confirm",
      entityType: "Assignment",
      entityId: row.id,
      before: auditView(toStatus(row)),
      after: auditView(updated),
    });
    await notifyWorkflow(tx, { kind: "confirmed", assignmentId: row.id, version: updated.version }, actor.id, hold);
    return updated;
  }, TX_OPTIONS);
  return result(row, after);
}

/** The secretariat sends the result back; the agency sees why and works on. */
export async function returnCompletion(
  db: Db,
  actor: SessionUser,
  input: ReturnCompletionInput,
  hold?: MailHold,
): Promise<WorkflowResult> {
  const { assignmentId, version, reason } = input;
  const row = await loadForChange(db, actor, assignmentId, "assignment.confirm");
  expectVersion(row, version);
  expectState(row, ["submitted"], "Chỉ trả lại được nhiệm vụ đang chờ xác nhận");
  const after = await db.$transaction(async (tx) => {
    const updated = await updateIfUnchanged(tx, row.id, version, {
      state: "in_progress",
      returnReason: reason,
      completedOn: null,
      submittedAt: null,
    });
    await audit(tx, {
      provinceId: row.provinceId,
      ...auditedAs(actor),
      action: "assignment.return",
      entityType: "Assignment",
      entityId: row.id,
      before: auditView(toStatus(row)),
      after: auditView(updated),
    });
    await notifyWorkflow(
      tx,
      { kind: "returned", assignmentId: row.id, version: updated.version, reason },
      actor.id,
      hold,
    );
    return updated;
  }, TX_OPTIONS);
  return result(row, after);
}
