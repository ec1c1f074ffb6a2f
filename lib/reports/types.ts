import type { Recurrence } from "@/lib/assignments/recurrence";
import type { AssignmentState } from "@/lib/assignments/state";
import type { Timeliness } from "@/lib/assignments/timeliness";
import type { DatePrecision } from "@/lib/time/calendar";
// The shapes of the chairman's overview and its lists: computed in lib/reports/ (task-lists.ts,
// running-totals.ts, weekly-series.ts: database aggregates that stay fast at a million
// assignments) and shown, exported and printed by the overview screens. Days are "YYYY-MM-DD"
// (Asia/Ho_Chi_Minh).

/** Every figure can be narrowed to a period (by the date of the directive's notice: its issue
 * date, or its meeting date when the issue date is unknown) and to one notice. */
export interface OverviewFilters {
  from?: string;
  to?: string;
  noticeId?: number;
}

/** How long an item is overdue: 1–7, 8–30, 31–90, over 90 days. */
export type OverdueBucket = "d1_7" | "d8_30" | "d31_90" | "d90_plus";

export const OVERDUE_BUCKET_LABELS: Record<OverdueBucket, string> = {
  d1_7: "1–7 ngày",
  d8_30: "8–30 ngày",
  d31_90: "31–90 ngày",
  d90_plus: "Trên 90 ngày",
};

/** The government's categories of a task (DOMAIN.md), plus "assigned" for all of them. */
export type TaskCategory =
  "assigned" | "completed_on_time" | "completed_late" | "on_track" | "overdue" | "no_deadline" | "due_soon";

export interface TaskRow {
  assignmentId: number;
  agency: { id: number; name: string; shortName: string };
  role: "lead" | "support";
  state: AssignmentState;
  dueOn: string | null;
  /** The deadline the notice set, before any extension. */
  originalDueOn: string | null;
  completedOn: string | null;
  /** The due day judged today: dueOn, or for an open recurring directive its current period's report's. */
  currentDueOn: string | null;
  timeliness: Timeliness;
  daysOverdue: number | null;
  /** The task's latest explanation request (yêu cầu giải trình), if any. */
  explanation: ExplanationState | null;
  /** The day a pending extension request (đề nghị gia hạn) asks for, if one awaits a decision. */
  pendingExtensionTo: string | null;
  directive: { id: number; ref: string; text: string; deadlinePhrase: string | null; recurrence: Recurrence | null };
  notice: {
    id: number;
    kind: string;
    number: string | null;
    issuedOn: string | null;
    issuedPrecision: DatePrecision;
    meetingOn: string | null;
    title: string;
  };
}

/**
 * Where a task's latest explanation request stands: asked on `requestedOn` (to answer by
 * `replyDueOn`), answered on `answeredOn`; `late` when unanswered past its reply day.
 */
export interface ExplanationState {
  status: "pending" | "answered";
  requestedOn: string;
  replyDueOn: string;
  answeredOn: string | null;
  late: boolean;
}

/** A directive listed once, with the agencies' tasks in the list (for "overdue": those not finished). */
export interface DirectiveGroup {
  directive: TaskRow["directive"];
  notice: TaskRow["notice"];
  /** Most days overdue first, then by agency name. */
  tasks: TaskRow[];
  maxDaysOverdue: number | null;
  minDaysOverdue: number | null;
  /** The earliest and latest due day in force among the tasks. */
  firstDueOn: string | null;
  lastDueOn: string | null;
  /** How many of its agencies were asked to explain, how many answered, how many are late answering. */
  explanations: { asked: number; answered: number; late: number };
  /** How many of the directive's agencies in the list have an extension request awaiting a decision. */
  pendingExtensions: number;
}

/** A page of directive groups: `total` directives, holding `tasks` assignments in all. */
export interface GroupPage extends Page<DirectiveGroup> {
  tasks: number;
}

export interface Page<T> {
  rows: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface OverdueSummary {
  total: number;
  buckets: Record<OverdueBucket, number>;
}

/** The government's categories counted over a set of tasks. */
export interface TaskCounts {
  assigned: number;
  completedOnTime: number;
  completedLate: number;
  onTrack: number;
  overdue: number;
  noDeadline: number;
}

export interface AgencyRow extends TaskCounts {
  agency: { id: number; name: string; shortName: string; kind: string };
  /** Completed on time / (completed + overdue); null when there is nothing to judge yet. */
  onTimeRate: number | null;
  /** Ongoing tasks (no due day, not recurring, open: lib/assignments/ongoing.ts) in the province's current period. */
  ongoing: number;
  /** Of those, the ones with a report in the period ("12/40 đã báo cáo kỳ này"). */
  ongoingReported: number;
}

export interface NoticeProgressRow {
  notice: TaskRow["notice"];
  assigned: number;
  completed: number;
  overdue: number;
}

export interface WeekPoint {
  weekStart: string; // Monday
  completed: number;
  newlyOverdue: number; // items whose due day fell in that week and were not completed by it
}
