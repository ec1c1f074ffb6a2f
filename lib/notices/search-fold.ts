import { foldVi } from "@/lib/deadlines/fold";

// The notices' search column ("searchText"): number, title, issuer and full text, folded the way
// the board's search folds (lib/deadlines/fold.ts: lower case, no diacritics, đ → d) and with
// any combining accent left by decomposed (NFD) text removed, so "xet nghiem" finds "xét nghiệm"
// however the document spelt it. The app fills the column when it stores a notice; the migration
// that added it filled the older rows with `searchFoldSql`, the same fold written as PostgreSQL's
// translate() (no extension needed, so PGlite has it too). Pure: no database here.

const COMBINING = /[\u0300-\u036f]/g;

export function searchFold(text: string): string {
  return foldVi(text).replace(COMBINING, "");
}

/** What the search column of a notice holds. */
export function noticeSearchText(n: {
  number: string | null;
  title: string;
  issuer: string;
  sourceText: string;
}): string {
  return searchFold([n.number, n.title, n.issuer, n.sourceText].filter(Boolean).join("\n"));
}

/** The words of a query, folded; each must occur in the column (in any order). */
export function searchWords(q: string | undefined): string[] {
  if (!q) return [];
  return [
    ...new Set(
      searchFold(q)
        .split(/\s+/)
        .map((w) => w.replace(/^[.,;:!?"'()«»“”]+|[.,;:!?"'()«»“”]+$/g, ""))
        .filter(Boolean),
    ),
  ].slice(0, 12);
}

/** A LIKE pattern that finds `word` anywhere, with LIKE's own characters taken literally. */
export function containsPattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The two strings of translate(text, from, to) that fold as `searchFold` does: every character
 * below U+2000 that foldVi changes, then the combining accents, which have no counterpart and
 * are so removed. The migration 20261202150000_notice_search holds their value; a test checks it.
 */
export function searchFoldSql(): { from: string; to: string } {
  let from = "";
  let to = "";
  for (let c = 1; c < 0x2000; c++) {
    if (c >= 0x300 && c <= 0x36f) continue;
    const ch = String.fromCharCode(c);
    const f = foldVi(ch);
    if (f !== ch) {
      from += ch;
      to += f;
    }
  }
  for (let c = 0x300; c <= 0x36f; c++) from += String.fromCharCode(c);
  return { from, to };
}
