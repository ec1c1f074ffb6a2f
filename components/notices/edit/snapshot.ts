import { fieldErrorsOf, firstErrors } from "@/lib/validation/field-errors";
import type { Deadline } from "@/lib/notices/draft";
import type { DirectiveFields } from "@/lib/notices/edit-schemas";
import type { DirectiveSnapshot } from "@/lib/notices/edit-types";
import type { NoticeDetail } from "@/lib/notices/queries";

type Directive = NoticeDetail["directives"][number];

/** The directive as the editor holds it, from what the notice page loaded. */
export function snapshotOf(noticeId: number, d: Directive, version: number): DirectiveSnapshot {
  const deadline: Deadline | null =
    d.deadlineKind === "none" && !d.deadlinePhrase
      ? null
      : {
          kind: d.deadlineKind as Deadline["kind"],
          dueOn: d.dueOn,
          dueAt: d.dueAt ? new Date(d.dueAt).toISOString() : null,
          phrase: d.deadlinePhrase ?? "",
          startOn: d.startOn,
          recurrence: d.recurrence as Deadline["recurrence"],
          target: d.milestoneTarget,
        };
  return {
    id: d.id,
    noticeId,
    version,
    ref: d.ref,
    text: d.text,
    urgent: d.urgent,
    deadline,
    assignments: d.assignments.map((a) => ({
      id: a.id,
      agencyId: a.agencyId,
      agencyName: a.agencyName,
      role: a.role,
      viaGroup: a.viaGroup,
      state: a.state,
      dueOn: a.dueOn,
    })),
  };
}

export function fieldsOf(d: DirectiveSnapshot): DirectiveFields {
  return { ref: d.ref, text: d.text, urgent: d.urgent, deadline: d.deadline };
}

/** zod issues or server field errors → one message per field, keyed as the forms name them ("deadline.dueOn"). */
export { firstErrors } from "@/lib/validation/field-errors";

/** zod issues checked in the browser before sending: the same keys and rule as the server's (lib/validation/field-errors.ts). */
export function issuesToErrors(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): Record<string, string> {
  return firstErrors(fieldErrorsOf(issues as Parameters<typeof fieldErrorsOf>[0]));
}
