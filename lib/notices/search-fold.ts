import { foldVi } from "@/lib/deadlines/fold";

// The notices' search column ("searchText"): number, title, issuer and full text, folded the way
// the board's search folds (lib/deadlines/fold.ts: lower case, no diacritics, đ → d), with any
// combining accent left by decomposed (NFD) text removed and white space made single spaces, so
// "xet nghiem" finds "xét nghiệm" however the document spelt it or broke its lines. The app fills
// the column when it stores a notice; the migration that added it filled the older rows with the
// SQL function notice_search_fold(), the same fold written with PostgreSQL's translate() and
// regexp_replace() (no extension needed, so PGlite has it too). Pure: no database here.

const COMBINING = /[\u0300-\u036f]/g;
// JavaScript's \s, spelt out for PostgreSQL's regular expressions (whose \s depends on the locale).
export const WHITESPACE_CLASS =
  "[\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]";

/** Lower case, no diacritics, đ → d, every run of white space one space. */
export function searchFold(text: string): string {
  return foldVi(text).replace(COMBINING, "").replace(/\s+/g, " ");
}

/** What the search column of a notice holds. */
export function noticeSearchText(n: {
  number: string | null;
  title: string;
  issuer: string;
  sourceText: string;
}): string {
  return searchFold([n.number, n.title, n.issuer, n.sourceText].filter((x) => x !== null).join("\n"));
}

/**
 * What the search column of a directive holds (the agency board's search, lib/assignments/board.ts):
 * its text, ref and deadline phrase and its notice's number and title. The triggers of the
 * migration 20261203150000_directive_search write the same with directive_search_text().
 */
export function directiveSearchText(
  d: { text: string; ref: string; deadlinePhrase: string | null },
  n: { number: string | null; title: string },
): string {
  return searchFold([d.text, d.ref, d.deadlinePhrase, n.number, n.title].filter((x) => x !== null).join("\n"));
}

/** The board search's words, folded: each must occur somewhere (in any order, alone or inside a longer word). */
export function searchWords(q: string | undefined): string[] {
  if (!q) return [];
  return [...new Set(searchFold(q).split(" ").filter(Boolean))];
}

const EDGE_PUNCTUATION = /^[.,;:!?"'()«»“”‘’]+|[.,;:!?"'()«»“”‘’]+$/g;

/**
 * The terms of a query, folded: the words of a term are found together, in the order typed
 * (Vietnamese writes a word as several syllables: "xét nghiệm"); terms are separated by commas
 * or semicolons, and each must occur somewhere.
 */
export function searchTerms(q: string | undefined): string[] {
  if (!q) return [];
  const terms = searchFold(q)
    .replace(/["“”«»]/g, " ")
    .split(/[,;]/)
    .map((term) =>
      term
        .split(" ")
        .map((w) => w.replace(EDGE_PUNCTUATION, ""))
        .filter(Boolean)
        .join(" "),
    )
    .filter(Boolean);
  return [...new Set(terms)].slice(0, 8);
}

/** A LIKE pattern that finds `word` anywhere, with LIKE's own characters taken literally. */
export function containsPattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The two strings of translate(text, from, to) that fold as `searchFold` does: every character
 * below U+2000 that foldVi changes, then the combining accents, which have no counterpart and
 * are so removed. The migration 20261202152000_notice_search holds their value; a test checks it.
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
