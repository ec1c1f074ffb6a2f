import { ConflictError } from "@/lib/errors";
import { STATE_LABELS, type AssignmentState } from "@/lib/assignments/state";

// What a user sees of an assignment's workflow state, and the error that hands it back when
// someone else changed the assignment first. No database here: the UI may import it.

/** Days are "YYYY-MM-DD" (Vietnam), instants ISO strings; safe to send through a server action. */
export interface AssignmentStatus {
  id: number;
  state: AssignmentState;
  /** Send it back with the next change: it proves the user saw this state. */
  version: number;
  dueOn: string | null;
  startedAt: string | null;
  submittedAt: string | null;
  completedOn: string | null;
  confirmedAt: string | null;
  returnReason: string | null;
}

/**
 * The assignment changed after the user loaded it: nothing was written. `current` is the state
 * now in the database, so the screen can show it and let the user decide again.
 */
export class StaleAssignmentError extends ConflictError {
  override readonly code = "stale";
  override details() {
    return { current: this.current };
  }
  constructor(readonly current: AssignmentStatus) {
    super(
      `Nhiệm vụ vừa được người khác cập nhật (trạng thái hiện tại: ${STATE_LABELS[current.state]}). Vui lòng xem lại trước khi thao tác.`,
    );
  }
}
