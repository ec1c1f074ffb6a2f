// Word's automatic numbering (word/numbering.xml): the "1.", "a)", "II." a secretary sees on
// screen are not in the paragraph's text, so without this a Word notice loses the numbers its
// directives are cited by.
import { attr, child, kids, tagOf, type XNode } from "./xml";

interface Level {
  start: number;
  format: string; // decimal, lowerLetter, upperLetter, lowerRoman, upperRoman, bullet…
  text: string; // "%1.", "%1.%2.", "%2)", "-"
}

const ROMAN: [number, string][] = [
  [1000, "M"],
  [900, "CM"],
  [500, "D"],
  [400, "CD"],
  [100, "C"],
  [90, "XC"],
  [50, "L"],
  [40, "XL"],
  [10, "X"],
  [9, "IX"],
  [5, "V"],
  [4, "IV"],
  [1, "I"],
];
function toRoman(n: number): string {
  let out = "";
  for (const [v, r] of ROMAN)
    while (n >= v) {
      out += r;
      n -= v;
    }
  return out;
}
// As Word shows it: its lowerLetter has no "đ" (typed lists in notices do, and stay as typed).
const letter = (n: number) => "abcdefghijklmnopqrstuvwxyz"[(n - 1) % 26] ?? "a";

function format(n: number, f: string): string {
  switch (f) {
    case "lowerLetter":
      return letter(n);
    case "upperLetter":
      return letter(n).toUpperCase();
    case "lowerRoman":
      return toRoman(n).toLowerCase();
    case "upperRoman":
      return toRoman(n);
    case "bullet":
    case "none":
      return "";
    default:
      return String(n);
  }
}

export class Numbering {
  private abstract = new Map<string, Map<number, Level>>();
  private nums = new Map<string, { abstractId: string; starts: Map<number, number> }>();
  private counters = new Map<string, number[]>();

  constructor(doc: XNode[] | null) {
    const root = doc?.find((n) => tagOf(n) === "w:numbering");
    if (!root) return;
    for (const n of kids(root)) {
      if (tagOf(n) === "w:abstractNum") {
        const levels = new Map<number, Level>();
        for (const l of kids(n).filter((c) => tagOf(c) === "w:lvl")) {
          const ilvl = Number(attr(l, "w:ilvl") ?? 0);
          levels.set(ilvl, {
            start: Number(attr(child(l, "w:start") ?? {}, "w:val") ?? 1),
            format: attr(child(l, "w:numFmt") ?? {}, "w:val") ?? "decimal",
            text: attr(child(l, "w:lvlText") ?? {}, "w:val") ?? `%${ilvl + 1}.`,
          });
        }
        this.abstract.set(attr(n, "w:abstractNumId") ?? "", levels);
      } else if (tagOf(n) === "w:num") {
        const starts = new Map<number, number>();
        for (const o of kids(n).filter((c) => tagOf(c) === "w:lvlOverride")) {
          const s = child(o, "w:startOverride");
          if (s) starts.set(Number(attr(o, "w:ilvl") ?? 0), Number(attr(s, "w:val") ?? 1));
        }
        this.nums.set(attr(n, "w:numId") ?? "", {
          abstractId: attr(child(n, "w:abstractNumId") ?? {}, "w:val") ?? "",
          starts,
        });
      }
    }
  }

  /** The label of the next paragraph of list `numId` at level `ilvl`: "2.", "b)", "-". */
  next(numId: string, ilvl: number): string {
    const num = this.nums.get(numId);
    const levels = num && this.abstract.get(num.abstractId);
    const level = levels?.get(ilvl);
    if (!num || !levels || !level || numId === "0") return "";
    const startOf = (l: number) => num.starts.get(l) ?? levels.get(l)?.start ?? 1;
    const c = this.counters.get(numId) ?? [];
    c[ilvl] = c[ilvl] === undefined ? startOf(ilvl) : c[ilvl]! + 1;
    c.length = ilvl + 1; // deeper levels start again
    this.counters.set(numId, c);
    if (level.format === "bullet") return "-";
    return level.text.replace(/%(\d)/g, (_, d: string) => {
      const l = Number(d) - 1;
      return format(c[l] ?? startOf(l), levels.get(l)?.format ?? "decimal");
    });
  }
}
