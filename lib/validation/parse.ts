import type { z } from "zod";
import { ValidationError } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { CONTROL_MESSAGE, findControlCharacter, stripControlCharacters } from "@/lib/validation/fields";

// Parsing an input with its schema, as the gate does before any work: a text holding a control
// character is refused (PostgreSQL cannot even store NUL), except in fields of pasted text, which
// are cleaned; every message lands beside the field it belongs to.

/** Parses with the action's schema; the messages land beside the fields they belong to. */
export function parseWith<S extends z.ZodType>(
  schema: S,
  input: unknown,
  pastedText: readonly string[] = [],
): z.output<S> {
  const cleaned = cleanPasted(input, pastedText);
  const hit = findControlCharacter(cleaned);
  if (hit)
    throw new ValidationError(CONTROL_MESSAGE, { [hit.length > 0 ? hit.join(".") : "_form"]: [CONTROL_MESSAGE] });
  const parsed = schema.safeParse(cleaned);
  if (parsed.success) return parsed.data;
  const fieldErrors = fieldErrorsOf(parsed.error.issues);
  throw new ValidationError(parsed.error.issues[0]?.message ?? "Dữ liệu không hợp lệ.", fieldErrors);
}

function cleanPasted(input: unknown, fields: readonly string[]): unknown {
  if (fields.length === 0 || input === null || typeof input !== "object" || Array.isArray(input)) return input;
  const out: Record<string, unknown> = { ...(input as Record<string, unknown>) };
  for (const f of fields) if (typeof out[f] === "string") out[f] = stripControlCharacters(out[f] as string);
  return out;
}
