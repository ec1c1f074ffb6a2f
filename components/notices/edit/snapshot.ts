import { fieldErrorsOf, firstErrors } from "@/lib/validation/field-errors";
import type { DirectiveFields } from "@/lib/notices/edit-schemas";
import type { DirectiveSnapshot } from "@/lib/notices/edit-types";

export const EMPTY_FIELDS: DirectiveFields = { ref: "", text: "", urgent: false, deadline: null };

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
