import "server-only";
import { assignmentsReportedThisPeriod } from "@/lib/assignments/periodic";
import type { Recurrence } from "@/lib/assignments/recurrence";
import { judge, type Timeliness } from "@/lib/assignments/timeliness";
import { can, canReadNotice } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/user";
import type { Db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import type { DirectiveDeadline } from "@/lib/notices/deadline-fields";
import { toIsoDay, type DatePrecision } from "@/lib/time/calendar";
import type { AssignmentState } from "@/lib/assignments/state";

export interface DirectiveDetail extends DirectiveDeadline {
  id: number;
  ref: string;
  text: string;
  urgent: boolean;
  notice: {
    id: number;
    kind: string;
    number: string | null;
    title: string;
    issuedOn: string | null;
    issuedPrecision: DatePrecision;
    meetingOn: string | null;
    /** Withdrawn (thu hồi): its open tasks ended. */
    withdrawn: boolean;
  };
  assignments: {
    id: number;
    role: "lead" | "support";
    state: AssignmentState;
    dueOn: string | null;
    completedOn: string | null;
    /** Judged per period for a recurring directive (timeliness.ts). */
    timeliness: Timeliness;
    recurrence: Recurrence | null;
    /** Recurring: the current period's report was sent. */
    periodReported: boolean;
    agency: { id: number; name: string };
    viaGroup: string | null;
    pendingExtensionTo: string | null;
    /** Whether the user may open this agency's task page. */
    canOpen: boolean;
  }[];
}

/** A directive with every agency's assignment and its state; readable by whoever may read the notice. */
export async function getDirectiveDetail(
  db: Db,
  user: SessionUser,
  id: number,
  today: string,
): Promise<DirectiveDetail> {
  if (!Number.isSafeInteger(id) || id <= 0) throw new NotFoundError("Chỉ đạo");
  const d = await db.directive.findUnique({
    where: { id },
    select: {
      id: true,
      ref: true,
      text: true,
      urgent: true,
      deadlineKind: true,
      dueOn: true,
      dueAt: true,
      deadlinePhrase: true,
      startOn: true,
      recurrence: true,
      milestoneTarget: true,
      notice: {
        select: {
          id: true,
          provinceId: true,
          status: true,
          kind: true,
          number: true,
          title: true,
          issuedOn: true,
          issuedPrecision: true,
          meetingOn: true,
        },
      },
      assignments: {
        orderBy: [{ role: "asc" }, { agency: { name: "asc" } }],
        select: {
          id: true,
          role: true,
          state: true,
          dueOn: true,
          completedOn: true,
          provinceId: true,
          agencyId: true,
          agency: { select: { id: true, name: true } },
          viaGroup: { select: { name: true } },
          extensions: { where: { status: "pending" }, select: { requestedDueOn: true }, take: 1 },
        },
      },
    },
  });
  if (!d) throw new NotFoundError("Chỉ đạo");
  const provinceId = d.notice.provinceId;
  if (!canReadNotice(user, { provinceId, status: d.notice.status })) throw new NotFoundError("Chỉ đạo");
  const day = (v: Date | null) => (v ? toIsoDay(v) : null);
  const { provinceId: _p, status: _s, ...notice } = d.notice;
  // A recurring directive is judged per period: which agencies sent the current period's report.
  const reported = await assignmentsReportedThisPeriod(
    db,
    d.assignments.map((a) => ({
      id: a.id,
      state: a.state,
      dueOn: day(a.dueOn),
      directive: { recurrence: d.recurrence, startOn: day(d.startOn) },
    })),
    today,
  );
  return {
    ...d,
    dueOn: day(d.dueOn),
    startOn: day(d.startOn),
    notice: {
      ...notice,
      issuedOn: day(notice.issuedOn),
      meetingOn: day(notice.meetingOn),
      withdrawn: d.notice.status === "withdrawn",
    },
    assignments: d.assignments.map((a) => {
      const s = {
        state: a.state,
        dueOn: day(a.dueOn),
        completedOn: day(a.completedOn),
        recurrence: d.recurrence,
        periodReported: reported.has(a.id),
      };
      return {
        id: a.id,
        role: a.role,
        ...s,
        timeliness: judge(s, today),
        agency: a.agency,
        viaGroup: a.viaGroup?.name ?? null,
        pendingExtensionTo: day(a.extensions[0]?.requestedDueOn ?? null),
        canOpen: can(user, "assignment.read", { provinceId: a.provinceId, agencyId: a.agencyId }),
      };
    }),
  };
}
