import type { ActionResult } from "@/lib/validation/result";
import { ConflictError } from "@/lib/errors";
import type { Deadline } from "@/lib/notices/draft";
import type { AssignmentState } from "@/lib/assignments/state";

// What the notice editor sees of a directive and of a notice, and the errors that hand the
// stored state back when someone else changed it first. No database here: the UI imports it.

export interface DirectiveAssignmentSnapshot {
  id: number;
  agencyId: number;
  agencyName: string;
  role: "lead" | "support";
  viaGroup: string | null;
  state: AssignmentState;
  /** The date in force: the directive's, or an approved extension's. */
  dueOn: string | null;
}

/** A directive as stored; `version` goes back with the next change to prove it was seen. */
export interface DirectiveSnapshot {
  id: number;
  noticeId: number;
  version: number;
  ref: string;
  text: string;
  urgent: boolean;
  deadline: Deadline | null;
  assignments: DirectiveAssignmentSnapshot[];
}

export interface NoticeSnapshot {
  id: number;
  version: number;
  status: "draft" | "published" | "withdrawn";
  directiveCount: number;
}

/** The directive changed after the user loaded it: nothing was written; `current` is what is stored now. */
export class StaleDirectiveError extends ConflictError {
  override readonly code = "stale";
  override details() {
    return { currentDirective: this.current };
  }
  constructor(readonly current: DirectiveSnapshot) {
    super("Chỉ đạo vừa được người khác sửa. Vui lòng xem bản mới trước khi sửa tiếp.");
  }
}

/** The notice changed (published, or a directive added or removed) after the user loaded it. */
export class StaleNoticeError extends ConflictError {
  override readonly code = "stale";
  override details() {
    return { currentNotice: this.current };
  }
  constructor(readonly current: NoticeSnapshot) {
    super(
      current.status === "published"
        ? "Thông báo vừa được người khác thay đổi (đã ban hành). Vui lòng xem bản mới trước khi thao tác tiếp."
        : "Thông báo vừa được người khác thay đổi. Vui lòng xem bản mới trước khi thao tác tiếp.",
    );
  }
}

/**
 * What every notice-editing server action answers: the directive or notice as stored after the
 * change (success) or as stored now (a conflict).
 */
export type NoticeEditResult = ActionResult<
  { directive?: DirectiveSnapshot; notice?: NoticeSnapshot },
  { currentDirective: DirectiveSnapshot; currentNotice: NoticeSnapshot }
>;
