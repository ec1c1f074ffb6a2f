/** A directive's deadline as every screen reads it: the kind, the dates, and the notice's own words. */
export interface DirectiveDeadline {
  deadlineKind: string;
  dueOn: string | null; // "YYYY-MM-DD"
  dueAt: Date | null;
  deadlinePhrase: string | null;
  startOn: string | null;
  recurrence: string | null;
  milestoneTarget: string | null;
}
