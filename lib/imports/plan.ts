import { createHash } from "node:crypto";
import { foldVi } from "@/lib/deadlines/fold";
import type { ReadRow } from "@/lib/registry-io/read";

// What a preview shows and a confirmation checks: each row of the file as new, changed (with
// what changes) or unchanged, or refused with its errors in Vietnamese; and a fingerprint of all
// of it (with the versions of the records it changes), so that a confirmation of a preview made
// before someone else changed the data is refused rather than applied to data nobody saw.

export type ImportKind = "agencies" | "users";
export type RowStatus = "new" | "changed" | "unchanged" | "error";

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

export interface PreviewRow {
  line: number;
  /** What the row is about: the agency's name, the account's login. */
  label: string;
  /** The rest of the row as read (short name and kind, name and role). */
  detail: string;
  status: RowStatus;
  changes: FieldChange[];
  errors: string[];
}

export interface Preview {
  rows: PreviewRow[];
  counts: Record<RowStatus, number>;
  /** Things worth knowing about the whole file (ignored columns, groups to be created). */
  notes: string[];
  fingerprint: string;
}

/** The file as stored between upload and confirmation: its rows, and which columns it has. */
export interface StoredTable<K extends string = string> {
  format: "xlsx" | "csv";
  present: K[];
  ignored: string[];
  rows: ReadRow<K>[];
}

export function countStatuses(rows: readonly PreviewRow[]): Record<RowStatus, number> {
  const counts: Record<RowStatus, number> = { new: 0, changed: 0, unchanged: 0, error: 0 };
  for (const r of rows) counts[r.status]++;
  return counts;
}

export function fingerprintOf(value: unknown): string {
  return createHash("sha256").update(JSON.stringify(value)).digest("hex").slice(0, 32);
}

/** How names are compared across the file and the registry: without diacritics, case or extra spaces. */
export function nameKey(s: string): string {
  return foldVi(s.normalize("NFC")).replace(/\s+/g, " ").trim();
}

export function statusOf(errors: readonly string[], isNew: boolean, changes: readonly FieldChange[]): RowStatus {
  if (errors.length > 0) return "error";
  if (isNew) return "new";
  return changes.length > 0 ? "changed" : "unchanged";
}

/** Two lists hold the same names, in whatever order. */
export function sameSet(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const x = [...a].sort();
  const y = [...b].sort();
  return x.every((v, i) => v === y[i]);
}

/** The first earlier line of the file with the same key, remembered as it goes. */
export function duplicateTracker(): (key: string, line: number) => number | undefined {
  const seen = new Map<string, number>();
  return (key, line) => {
    const first = seen.get(key);
    if (first === undefined) seen.set(key, line);
    return first;
  };
}
