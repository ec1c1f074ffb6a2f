import { z } from "zod";
import type { SearchParams } from "@/lib/auth/gate";
import { READ_LIMITS } from "@/lib/registry-io/limits";
import { toId } from "@/lib/validation/fields";
import { REGISTER_FIELDS, type RegisterField } from "@/lib/imports/register-columns";
import type { AgencyChoices } from "@/lib/imports/register-agencies";
import type { ColumnMapping } from "@/lib/imports/register-plan";
import { ZImportConfirm } from "@/lib/imports/schemas";

// The register import's state lives in the address (a GET form, so each step works without
// JavaScript and can be reloaded): `lan` the upload, `c0`, `c1`… the field of each column ("-"
// for none), `gan` the secretariat's choices for names the registry lacks ("<name>=<agency id>",
// 0 to leave the name out). The confirmation sends the same two as `columns` and `agencies`.

const FIELDS = new Set<string>(REGISTER_FIELDS);
const MAX_CHOICES = 500;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

function fieldOf(v: string | undefined): RegisterField | "" {
  return v && FIELDS.has(v) ? (v as RegisterField) : "";
}

/** "sở y te=12" → ["so y te", 12]; anything else is no choice. */
function choiceOf(entry: string): [string, number] | null {
  const m = /^([\p{L}\p{N} ]{1,200})=(\d{1,10})$/u.exec(entry);
  if (!m) return null;
  const id = m[2] === "0" ? 0 : toId(m[2]);
  return id === undefined ? null : [m[1]!, id];
}

export function parseChoices(entries: readonly string[]): AgencyChoices {
  const out: AgencyChoices = {};
  for (const e of entries.slice(0, MAX_CHOICES)) {
    const c = choiceOf(e);
    if (c && !Object.hasOwn(out, c[0])) out[c[0]] = c[1];
  }
  return out;
}

export function encodeChoices(choices: AgencyChoices): string[] {
  return Object.entries(choices).map(([k, id]) => `${k}=${id}`);
}

/** The choices in force of a preview, as the next step's address and the confirmation carry them. */
export function choicesOf(unknown: readonly { key: string; chosen: number | null }[]): string[] {
  return encodeChoices(Object.fromEntries(unknown.flatMap((u) => (u.chosen === null ? [] : [[u.key, u.chosen]]))));
}

export interface RegisterQuery {
  batchId: number | undefined;
  /** null when the address names no column: the fields are guessed from the headers. */
  mapping: ColumnMapping | null;
  choices: AgencyChoices;
}

export function parseRegisterQuery(raw: SearchParams): RegisterQuery {
  const columns = Object.keys(raw)
    .map((k) => /^c(\d{1,2})$/.exec(k))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => Number(m[1]))
    .filter((i) => i < READ_LIMITS.columns);
  let mapping: ColumnMapping | null = null;
  if (columns.length > 0) {
    mapping = Array.from({ length: Math.max(...columns) + 1 }, () => "" as const);
    for (const i of columns) mapping[i] = fieldOf(first(raw[`c${i}`]));
  }
  const gan = raw.gan;
  const entries = (Array.isArray(gan) ? gan : gan ? [gan] : []).filter((v): v is string => typeof v === "string");
  return { batchId: toId(first(raw.lan)), mapping, choices: parseChoices(entries) };
}

/** The address of a step: the upload, its mapping and the choices so far. */
export function registerHref(path: string, batchId: number, mapping: ColumnMapping, choices: AgencyChoices): string {
  const q = new URLSearchParams({ lan: String(batchId) });
  mapping.forEach((f, i) => q.set(`c${i}`, f || "-"));
  for (const e of encodeChoices(choices)) q.append("gan", e);
  return `${path}?${q}`;
}

const ZCheckbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

export const ZRegisterConfirm = ZImportConfirm.extend({
  /** The field of each column, comma-separated ("number,date,,content"). */
  columns: z
    .string({ error: "Thiếu cách ghép cột; vui lòng tải lại trang." })
    .max(2_000, "Cách ghép cột không hợp lệ; vui lòng tải lại trang.")
    .refine(
      (s) => s.split(",").every((f) => f === "" || FIELDS.has(f)),
      "Cách ghép cột không hợp lệ; vui lòng tải lại trang.",
    )
    .transform((s): ColumnMapping => s.split(",").map(fieldOf)),
  /** The choices for names the registry lacks, "|"-separated "<name>=<id>". */
  agencies: z
    .string()
    .max(100_000, "Danh sách cơ quan đã chọn quá dài.")
    .optional()
    .transform((s) => parseChoices(s ? s.split("|") : [])),
  publish: ZCheckbox,
});
