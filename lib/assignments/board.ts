import "server-only";
import { authorize } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/user";
import type { Db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { toIsoDay } from "@/lib/time/format";

export interface BoardAgency {
  id: number;
  name: string;
  shortName: string;
  provinceId: number;
}

export interface BoardItem {
  id: number;
  role: "lead" | "support";
  state: "not_started" | "in_progress" | "submitted" | "completed";
  dueOn: string | null;
  completedOn: string | null;
  directive: {
    id: number;
    ref: string;
    text: string;
    urgent: boolean;
    deadlineKind: string;
    deadlinePhrase: string | null;
    startOn: string | null;
    recurrence: string | null;
    milestoneTarget: string | null;
  };
  notice: { id: number; kind: string; number: string | null; issuedOn: string | null; issuedPrecision: "day" | "month" | "year" | "unknown"; meetingOn: string | null; title: string };
  otherAgencies: { shortName: string; role: "lead" | "support" }[];
}

/** The agencies whose boards the user may open: their own, or every agency of the province. */
export async function boardAgencies(db: Db, user: SessionUser): Promise<BoardAgency[]> {
  const where = user.role === "agency_staff" ? { id: { in: user.agencyIds } } : user.provinceId === null ? {} : { provinceId: user.provinceId };
  return db.agency.findMany({ where, orderBy: [{ kind: "asc" }, { name: "asc" }], select: { id: true, name: true, shortName: true, provinceId: true } });
}

export async function agencyBoard(db: Db, user: SessionUser, agencyId: number): Promise<{ agency: BoardAgency; items: BoardItem[] }> {
  const agency = await db.agency.findUnique({ where: { id: agencyId }, select: { id: true, name: true, shortName: true, provinceId: true } });
  if (!agency) throw new NotFoundError("Cơ quan");
  authorize(user, "board.read", { provinceId: agency.provinceId, agencyId: agency.id });

  const rows = await db.assignment.findMany({
    where: { agencyId, directive: { notice: { status: "published" } } },
    orderBy: [{ dueOn: { sort: "asc", nulls: "last" } }, { id: "asc" }],
    select: {
      id: true, role: true, state: true, dueOn: true, completedOn: true,
      directive: {
        select: {
          id: true, ref: true, text: true, urgent: true, deadlineKind: true, deadlinePhrase: true, startOn: true, recurrence: true, milestoneTarget: true,
          notice: { select: { id: true, kind: true, number: true, issuedOn: true, issuedPrecision: true, meetingOn: true, title: true } },
          assignments: { where: { agencyId: { not: agencyId } }, orderBy: { role: "asc" }, select: { role: true, agency: { select: { shortName: true } } } },
        },
      },
    },
  });
  const day = (d: Date | null) => (d ? toIsoDay(d) : null);
  return {
    agency,
    items: rows.map((r) => {
      const { notice, assignments, ...directive } = r.directive;
      return {
        id: r.id, role: r.role, state: r.state, dueOn: day(r.dueOn), completedOn: day(r.completedOn),
        directive: { ...directive, startOn: day(directive.startOn) },
        notice: { ...notice, issuedOn: day(notice.issuedOn), meetingOn: day(notice.meetingOn) },
        otherAgencies: assignments.map((a) => ({ shortName: a.agency.shortName, role: a.role })),
      };
    }),
  };
}
