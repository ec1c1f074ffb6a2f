import type { AssignmentStatus } from "@/lib/assignments/status";
import type { ActionResult } from "@/lib/validation/result";

// What every assignment server action answers (kept out of actions.ts: a "use server" module
// may export only async functions).

export type AssignmentActionResult = ActionResult<
  {
    /** The assignment after the change (absent for comments); its `version` goes into the next form. */
    assignment?: AssignmentStatus;
    reportId?: number;
    extensionId?: number;
    commentId?: number;
  },
  {
    /** Set when someone else changed the assignment first: the state now stored. */
    current: AssignmentStatus;
  }
>;
