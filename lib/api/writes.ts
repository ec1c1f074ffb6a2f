import "server-only";
import type { z } from "zod";
import { reportProgress } from "@/lib/assignments/workflow";
import { authorize } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { confirmNotice } from "@/lib/intake/service";
import type { ConfirmNoticeInput } from "@/lib/intake/schemas";
import { actorOf, writerOf } from "@/lib/api/gate";
import type { ApiCaller } from "@/lib/api/tokens";
import { readNotice } from "@/lib/api/v1";
import type { ZCreateNoticeBody, ZReportBody, ZReportOut } from "@/lib/api/schemas";

// The API's writes, each through the service of the screen that makes the same change, as the
// token's writer (lib/api/gate.ts writerOf): creating a notice is the review screen's confirm
// (lib/intake/service.ts confirmNotice: the same checks, duplicates refused the same way, the same
// audit rows); reporting progress is the agency's report (lib/assignments/workflow.ts
// reportProgress: the same version check, 409 with the current state when stale).

/**
 * Creates a notice from structured data. Agencies come by id and must be in the token's province
 * (read from the stored agencies); the review screen then receives them by their registry names.
 * Answers the stored notice as GET /api/v1/notices/{id} does.
 */
export async function createNoticeViaApi(
  db: Db,
  caller: ApiCaller,
  today: string,
  body: z.output<typeof ZCreateNoticeBody>,
) {
  const actor = writerOf(caller, { action: "notice.create" });
  authorize(actor, "notice.create", { provinceId: caller.provinceId });
  const ids = [...new Set(body.draft.directives.flatMap((d) => d.assignments.map((a) => a.agencyId)))];
  const agencies = await db.agency.findMany({
    where: { id: { in: ids }, provinceId: caller.provinceId },
    select: { id: true, name: true },
  });
  const nameOf = new Map(agencies.map((a) => [a.id, a.name]));
  for (const [i, d] of body.draft.directives.entries()) {
    for (const [j, a] of d.assignments.entries()) {
      if (!nameOf.has(a.agencyId)) {
        const message = `Nhiệm vụ ${d.ref || i + 1}: cơ quan mã số ${a.agencyId} không có trong danh mục cơ quan của tỉnh.`;
        throw new ValidationError(message, { [`draft.directives.${i}.assignments.${j}.agencyId`]: [message] });
      }
    }
  }
  const input: ConfirmNoticeInput = {
    sourceText: body.sourceText,
    draft: {
      notice: body.draft.notice,
      directives: body.draft.directives.map((d) => ({
        ...d,
        assignments: d.assignments.map((a) => ({
          agency: nameOf.get(a.agencyId)!,
          role: a.role,
          viaGroup: a.viaGroup,
          isNew: false,
        })),
      })),
    },
    acceptedNewAgencies: [],
    acknowledgeDuplicates: body.acknowledgeDuplicates,
    publish: body.publish,
    sourceFileId: null,
  };
  const id = await confirmNotice(db, actor, input);
  return readNotice(db, actorOf(caller), today, id);
}

/** A progress report on a task, for the task's agency, with the version the caller saw. */
export async function reportViaApi(
  db: Db,
  caller: ApiCaller,
  assignmentId: number,
  body: z.output<typeof ZReportBody>,
): Promise<z.output<typeof ZReportOut>> {
  const task = await db.assignment.findUnique({ where: { id: assignmentId }, select: { agencyId: true } });
  if (!task) throw new NotFoundError("Nhiệm vụ");
  const actor = writerOf(caller, { action: "assignment.work", agencyId: task.agencyId });
  const r = await reportProgress(db, actor, { ...body, assignmentId });
  return { task: r.assignment, reportId: r.reportId };
}
