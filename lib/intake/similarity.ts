import { foldVi } from "@/lib/deadlines/fold";

// When two notices hold "nearly the same" directives: their texts compared after folding case,
// diacritics, whitespace and punctuation (OCR of the same page twice differs in exactly these).

/** A directive's text as compared: folded, punctuation and whitespace runs made one space. */
export function comparableText(text: string): string {
  return foldVi(text.normalize("NFC"))
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Share of directives found in both (each matched once) over the larger of the two counts. */
export function directiveOverlap(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const left = new Map<string, number>();
  for (const t of a) {
    const k = comparableText(t);
    left.set(k, (left.get(k) ?? 0) + 1);
  }
  let same = 0;
  for (const t of b) {
    const k = comparableText(t);
    const n = left.get(k) ?? 0;
    if (n > 0) {
      same++;
      left.set(k, n - 1);
    }
  }
  return same / Math.max(a.length, b.length);
}

export const NEARLY_SAME_SHARE = 0.8;

/** At least 80% of the directives of the larger notice are in the other one too. */
export function directivesOverlap(a: readonly string[], b: readonly string[]): boolean {
  return directiveOverlap(a, b) >= NEARLY_SAME_SHARE;
}
