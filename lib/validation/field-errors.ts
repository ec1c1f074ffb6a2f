import type { z } from "zod";
import "@/lib/validation/zod-config";

// The one field-error function of every form, on the server (the gate) and in the browser (a
// form checking before it sends): zod's issues keyed by their whole path, as the forms name their
// fields ("deadline.dueOn", "directives.3.text"). zod's own z.flattenError keeps only the first
// segment, which would put a nested date's message on the whole deadline.

export type FieldErrors = Record<string, string[]>;

type Issue = Pick<z.core.$ZodIssue, "path" | "message">;

export function fieldErrorsOf(issues: readonly Issue[]): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join(".") : "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** One message per field, the first: what a form shows beside each field. */
export function firstErrors(fieldErrors: FieldErrors | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, messages] of Object.entries(fieldErrors ?? {})) if (messages[0]) out[key] = messages[0];
  return out;
}
