import { foldVi } from "@/lib/deadlines/fold";

// How an agency picker finds what the secretariat types: without diacritics or case ("lao dong"
// finds "Sở Lao động - Thương binh và Xã hội", "đ" and "d" alike), every word typed somewhere in
// the name, short name or an alias, in any order. Plain data, so that it runs in the browser.

export interface PickerEntry {
  name: string; // what is chosen: an agency's or group's canonical name
  kind: "agency" | "group";
  hint: string | null; // shown beside it: the short name, or the group's size
  terms: string[]; // other names it is found by: short name, aliases
}

/** Text as searched: folded (no diacritics, đ → d, lower case), punctuation and spaces as one space. */
export function searchKey(text: string): string {
  return foldVi(text.normalize("NFC"))
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Every word of the query is in the text (as the start of a word or anywhere in one). */
export function matchesQuery(query: string, ...texts: string[]): boolean {
  const words = searchKey(query).split(" ").filter(Boolean);
  if (words.length === 0) return true;
  const hay = texts.map(searchKey).join(" | ");
  return words.every((w) => hay.includes(w));
}

function rank(query: string, e: PickerEntry): number {
  const q = searchKey(query);
  const name = searchKey(e.name);
  if (name === q || e.terms.some((t) => searchKey(t) === q)) return 0;
  if (name.startsWith(q)) return 1;
  if (` ${name}`.includes(` ${q}`)) return 2;
  return 3;
}

/** The entries the query finds, best first (exact, then starting with it, then the rest), at most `limit`. */
export function matchEntries(query: string, entries: readonly PickerEntry[], limit = 30): PickerEntry[] {
  if (!searchKey(query)) return entries.slice(0, limit);
  return entries
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => matchesQuery(query, e.name, ...e.terms))
    .map(({ e, i }) => ({ e, i, r: rank(query, e) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .slice(0, limit)
    .map(({ e }) => e);
}

/** The picker's entries of a registry: its groups first, then its agencies. */
export function pickerEntries(registry: {
  agencies: readonly { name: string; shortName: string; aliases: readonly string[] }[];
  groups: readonly { name: string; aliases: readonly string[]; members: readonly string[] }[];
}): PickerEntry[] {
  return [
    ...registry.groups.map((g) => ({
      name: g.name,
      kind: "group" as const,
      hint: `Nhóm: ${g.members.length} đơn vị`,
      terms: [...g.aliases],
    })),
    ...registry.agencies.map((a) => ({
      name: a.name,
      kind: "agency" as const,
      hint: a.shortName && a.shortName !== a.name ? a.shortName : null,
      terms: [a.shortName, ...a.aliases],
    })),
  ];
}
