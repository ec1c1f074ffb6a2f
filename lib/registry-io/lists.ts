import { foldVi } from "@/lib/deadlines/fold";

// Cells that hold several names ("Sở Y tế; Công an tỉnh") and yes/no cells ("Có", "Không", "x").

export const LIST_SEPARATOR = "; ";

/** The names of a list cell, separated by ";" (or a line break), trimmed, empty ones left out. */
export function splitList(cell: string | undefined): string[] {
  if (!cell) return [];
  return cell
    .split(/[;\n]/)
    .map((s) => s.trim().replace(/\s+/g, " "))
    .filter(Boolean);
}

export function joinList(items: readonly string[]): string {
  return items.join(LIST_SEPARATOR);
}

const YES = new Set(["co", "x", "1", "true", "yes", "dang hoat dong", "hoat dong"]);
const NO = new Set(["khong", "0", "false", "no", "ngung", "ngung hoat dong", "da khoa", "khoa"]);

/** true, false, undefined for an empty cell, or null when the cell says neither. */
export function readYesNo(cell: string | undefined): boolean | null | undefined {
  const v = foldVi((cell ?? "").trim()).replace(/\s+/g, " ");
  if (!v) return undefined;
  if (YES.has(v)) return true;
  if (NO.has(v)) return false;
  return null;
}

export const yesNo = (value: boolean): string => (value ? "Có" : "Không");
