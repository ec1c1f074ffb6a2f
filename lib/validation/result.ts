import type { ErrorCode } from "@/lib/errors";
import type { FieldErrors } from "@/lib/validation/field-errors";

// What every server action answers (lib/auth/gate.ts makes it), kept out of the gate so that
// client components may import the type. Messages are Vietnamese and fit to show as they are.

export type Success<T extends object = object> = { ok: true; message: string } & T;

/** `D`: what this action's failures may carry besides the message (a stale record's current state…). */
export type Failure<D extends object = object> = {
  ok: false;
  /** Stable: "invalid", "stale", "forbidden"… (lib/errors.ts). */
  code: ErrorCode;
  message: string;
  /** Per form field, keyed as the form names it ("text", "deadline.dueOn"): shown beside the field. */
  fieldErrors?: FieldErrors;
} & Partial<D>;

export type ActionResult<T extends object = object, D extends object = object> = Success<T> | Failure<D>;
