import { ValidationError } from "@/lib/errors";

// How large a list may be: a province has a few hundred agencies and accounts, not tens of thousands.

export const READ_LIMITS = { bytes: 5 * 1024 * 1024, rows: 2_000, columns: 60 } as const;

/** One row of a file as read: its line number (1 = the first line) and its cells as text. */
export interface RawRow {
  line: number;
  cells: string[];
}

export function refuseFile(field: string, message: string): never {
  throw new ValidationError(message, { [field]: [message] });
}
