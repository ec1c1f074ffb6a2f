import { z } from "zod";

// Field schemas shared by every action, page and route: ids and versions are whole numbers in
// PostgreSQL's int4 range written as plain digits (a form sends strings, a client JSON numbers);
// nothing that merely coerces to a number ("0x1CC", "1e3", true, [2], " 7 ") is accepted.
// Texts never carry control characters: PostgreSQL refuses NUL outright, and the others are
// never typed by a person.

export const MAX_INT4 = 2_147_483_647;

const DIGITS = /^[1-9]\d{0,9}$/;

/** A positive int4 from a number or a string of digits; undefined when it is neither. */
export function toId(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isInteger(value) && value > 0 && value <= MAX_INT4 ? value : undefined;
  if (typeof value === "string" && DIGITS.test(value)) {
    const n = Number(value);
    return n <= MAX_INT4 ? n : undefined;
  }
  return undefined;
}

/** A positive int4 as a JSON number, or as the digits a form sends; every refusal says `message`. */
function positiveInt4(message: string | ((input: unknown) => string)) {
  const error = typeof message === "string" ? () => message : (issue: { input: unknown }) => message(issue.input);
  const int4 = z.int({ error }).min(1, { error }).max(MAX_INT4, { error });
  return z.union([int4, z.string({ error }).regex(DIGITS, { error }).transform(Number).pipe(int4)], { error });
}

/** A record's id ("Mã nhiệm vụ không hợp lệ."). */
export function zId(message: string) {
  return positiveInt4(message);
}

/** The version of a record the user saw; absent means the page is too old to tell. */
export function zVersion(what: string) {
  return z.preprocess(
    (v) => (v === "" || v === null ? undefined : v),
    positiveInt4((input) =>
      input === undefined ? `Thiếu phiên bản của ${what}; vui lòng tải lại trang.` : `Phiên bản ${what} không hợp lệ.`,
    ),
  );
}

/** For addresses (?notice=…&agency=…): a malformed id is left out, never an error. */
export const zQueryId = z
  .unknown()
  .transform((v) => toId(Array.isArray(v) ? v[0] : v))
  .optional();

export const MAX_PAGE = 100_000;

/** A page number from the address: digits from 1 to MAX_PAGE; anything else is the first page. */
export function toPageNumber(value: unknown): number {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === "string" && /^[1-9]\d{0,5}$/.test(v) && Number(v) <= MAX_PAGE ? Number(v) : 1;
}

// C0 controls but tab, line feed and carriage return; DEL and the C1 controls.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
export const CONTROL_CHARACTERS = new RegExp(CONTROL.source, "g");

export const CONTROL_MESSAGE =
  "Nội dung có ký tự điều khiển không hợp lệ; vui lòng gõ lại hoặc dán dạng văn bản thuần.";

export function hasControlCharacters(s: string): boolean {
  return CONTROL.test(s);
}

/** Removes control characters from pasted text (a page break in text copied from a PDF becomes a line break). */
export function stripControlCharacters(s: string): string {
  return s.replace(/[\u000B\u000C]/g, "\n").replace(CONTROL_CHARACTERS, "");
}

/** The first place in a value (nested objects and arrays) holding a string with a control character. */
export function findControlCharacter(value: unknown, path: (string | number)[] = []): (string | number)[] | null {
  if (typeof value === "string") return hasControlCharacters(value) ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findControlCharacter(value[i], [...path, i]);
      if (hit) return hit;
    }
    return null;
  }
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [k, v] of Object.entries(value)) {
      const hit = findControlCharacter(v, [...path, k]);
      if (hit) return hit;
    }
  }
  return null;
}
