// An assignment's workflow state, as the database's AssignmentState enum holds it, in the order a
// task goes through them, and how the screens name each. No database here: the UI may import it.

export const ASSIGNMENT_STATES = ["not_started", "in_progress", "submitted", "completed"] as const;
export type AssignmentState = (typeof ASSIGNMENT_STATES)[number];

export const STATE_LABELS: Record<AssignmentState, string> = {
  not_started: "Chưa thực hiện",
  in_progress: "Đang thực hiện",
  submitted: "Chờ xác nhận",
  completed: "Hoàn thành",
};
