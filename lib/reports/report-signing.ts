import { z } from "zod";

// What the secretariat fills in before printing the report: its number ("45/BC-BCĐ"), who signs
// and in which capacity (Nghị định 30/2020: "TM. BAN CHỈ ĐẠO / TRƯỞNG BAN", or "KT. TRƯỞNG BAN /
// PHÓ TRƯỞNG BAN" when a deputy signs). Read from the address (?so=…&ky=…&chuc=…), so the page,
// its print and its PDF say the same; a value that does not fit is reported, not printed.

export const SIGNER_TITLES = {
  "truong-ban": { label: "Trưởng ban", formula: ["TM. BAN CHỈ ĐẠO", "TRƯỞNG BAN"] },
  "pho-truong-ban": {
    label: "Phó Trưởng ban (ký thay)",
    formula: ["TM. BAN CHỈ ĐẠO", "KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"],
  },
} as const;
export type SignerTitle = keyof typeof SIGNER_TITLES;

export interface ReportSigning {
  /** The number part, e.g. "45/BC-BCĐ"; blank: left to be written by hand. */
  number?: string;
  signerName?: string;
  title: SignerTitle;
}

export type ReportSigningErrors = Partial<Record<"so" | "ky" | "chuc", string>>;

const clean = (v: unknown): string | undefined =>
  typeof v === "string" ? v.replace(/\s+/g, " ").trim() : Array.isArray(v) ? clean(v[0]) : undefined;

const ZNumber = z
  .string()
  .max(30, "Số báo cáo dài quá 30 ký tự.")
  .regex(/^\d{1,6}\/[\p{L}\d.\-/ ]{1,23}$/u, "Số báo cáo viết như 45/BC-BCĐ (số, dấu /, ký hiệu).");
const ZName = z
  .string()
  .max(60, "Họ tên người ký dài quá 60 ký tự.")
  .regex(/^[\p{L} .'-]+$/u, "Họ tên người ký chỉ gồm chữ cái và dấu cách.");
const ZTitle = z.enum(
  Object.keys(SIGNER_TITLES) as [SignerTitle, ...SignerTitle[]],
  "Chọn người ký là Trưởng ban hoặc Phó Trưởng ban.",
);

/** The signing block from the address: what fits is kept, each value that does not gets a message in Vietnamese. */
export function parseReportSigning(p: Record<string, string | string[] | undefined>): {
  signing: ReportSigning;
  errors: ReportSigningErrors;
  typed: Record<"so" | "ky" | "chuc", string>;
} {
  const typed = { so: clean(p.so) ?? "", ky: clean(p.ky) ?? "", chuc: clean(p.chuc) ?? "" };
  const errors: ReportSigningErrors = {};
  const signing: ReportSigning = { title: "pho-truong-ban" };
  if (typed.so) {
    const r = ZNumber.safeParse(typed.so);
    if (r.success) signing.number = r.data;
    else errors.so = r.error.issues[0]!.message;
  }
  if (typed.ky) {
    const r = ZName.safeParse(typed.ky);
    if (r.success) signing.signerName = r.data;
    else errors.ky = r.error.issues[0]!.message;
  }
  if (typed.chuc) {
    const r = ZTitle.safeParse(typed.chuc);
    if (r.success) signing.title = r.data;
    else errors.chuc = r.error.issues[0]!.message;
  }
  return { signing, errors, typed };
}

/** "Số: 45/BC-BCĐ", or the blank to fill in by hand. */
export function reportNumberLine(s: ReportSigning | undefined): string {
  return s?.number ? `Số: ${s.number}` : "Số:        /BC-BCĐ";
}

/** The capacity lines above the signature, and the name under it (blank space when not given). */
export function signatureBlock(s: ReportSigning | undefined): {
  formula: readonly string[];
  note: string;
  name: string | null;
} {
  return {
    formula: SIGNER_TITLES[s?.title ?? "pho-truong-ban"].formula,
    note: "(Ký, ghi rõ họ tên, đóng dấu)",
    name: s?.signerName ?? null,
  };
}

/** The signing values to carry in an address (empty ones left out). */
export function signingQuery(typed: Record<"so" | "ky" | "chuc", string>): Record<string, string | undefined> {
  return { so: typed.so || undefined, ky: typed.ky || undefined, chuc: typed.chuc || undefined };
}
