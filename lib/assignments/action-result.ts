import type { AssignmentStatus } from "@/lib/assignments/status";

// What every assignment server action answers (kept out of actions.ts: a "use server" module
// may export only async functions). Messages are Vietnamese and fit to show as they are.

export type ActionResult =
  | {
      ok: true;
      message: string;
      /** The assignment after the change (absent for comments); its `version` goes into the next form. */
      assignment?: AssignmentStatus;
      reportId?: number;
      extensionId?: number;
      commentId?: number;
    }
  | {
      ok: false;
      message: string;
      /** Per form field ("text", "completedOn", "attachment", …): show beside the field. */
      fieldErrors?: Record<string, string[]>;
      /** Set when someone else changed the assignment first: the state now stored. */
      current?: AssignmentStatus;
    };
