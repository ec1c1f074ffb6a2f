// The numbering of a notice as a tree: "Điều 1.", "I."/"II.", "1.", "(1)", "a)", "-" and "+" items and the
// plain paragraphs under them. Levels are learnt from the order in which marker kinds first
// appear (as a reader does), so "4. … (1) … (7)" then "5." closes the "(n)" list. A plain
// paragraph after a bullet belongs to the bullet's parent: bullets are one paragraph long.
import type { Block } from "./normalize";

export type MarkerType = "article" | "roman" | "num" | "paren" | "letter" | "dash" | "plus" | "para";

export interface Node {
  type: MarkerType;
  label: string | null; // "II", "1", "(1)", "a"; null for bullets and paragraphs
  block: Block;
  bodyStart: number; // where the text starts after the marker, in block.text
  children: Node[];
  parent: Node | null;
}

const MARKERS: [MarkerType, RegExp][] = [
  ["article", /^Điều\s+(\d{1,2})\s*[.:]\s*/u], // a Quyết định's articles: "Điều 2." → ref "Điều 2"
  ["roman", /^([IVX]{1,5})\s*[.)]\s+/],
  // What a scan makes of them: "IL NHIỆM VỤ", "III TỔ CHỨC" (the dot lost before a heading in
  // capitals), "2_ Sở Tài chính", "3, Công an tỉnh".
  ["roman", /^(I[IVXLl1]{0,3}|[VX][IVX]{0,3})[.)]?\s+(?=\p{Lu}\p{Lu})/u],
  ["paren", /^\((\d{1,2})\)\s*/],
  ["num", /^(\d{1,2})\s*[.)_,](?!\d)\s*/],
  ["letter", /^([a-zđ])\s*\)\s*/],
  ["dash", /^[-–—•]\s+/],
  ["plus", /^\+\s+/],
];

export function markerOf(text: string): { type: MarkerType; label: string | null; length: number } {
  for (const [type, re] of MARKERS) {
    const m = re.exec(text);
    if (m) {
      const raw = m[1] ?? null;
      const label =
        raw === null
          ? null
          : type === "paren"
            ? `(${raw})`
            : type === "article"
              ? `Điều ${raw}`
              : type === "roman"
                ? raw.replace(/[Ll1]/g, "I")
                : raw;
      return { type, label, length: m[0].length };
    }
  }
  return { type: "para", label: null, length: 0 };
}

const ROMANS = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];
const ROMAN_VALUE = (r: string) => {
  const i = ROMANS.indexOf(r);
  return i > 0 ? i : 0;
};

const isUpperHeading = (t: string) => {
  const letters = t.replace(/[^\p{L}]/gu, "");
  return letters.length >= 4 && letters === letters.toUpperCase();
};

const headsTable = (n: Node) => {
  const t = n.block.text.trim();
  return (
    n.type === "roman" || n.type === "article" || !/[.;!?]["”)]?$/.test(t) || /như sau|bảng|phụ lục|dưới đây/iu.test(t)
  );
};

const isBullet = (t: MarkerType) => t === "dash" || t === "plus";

/** Builds the tree of the body; returns the top-level nodes. */
export function buildTree(blocks: Block[]): Node[] {
  const roots: Node[] = [];
  const stack: Node[] = [];
  const FIRST = new Set(["1", "(1)", "a", "I"]);
  for (let bi = 0; bi < blocks.length; bi++) {
    const block = blocks[bi]!;
    const mk = markerOf(block.text);
    // "Về nhiệm vụ thời gian tới:" followed by a list that starts again at 1: the lead-in closes
    // the list before it and stands at that list's level.
    if (mk.type === "para" && /:\s*$/.test(block.text)) {
      const next = blocks[bi + 1] ? markerOf(blocks[bi + 1]!.text) : null;
      const at = next && next.label && FIRST.has(next.label) ? stack.findIndex((n) => n.type === next.type) : -1;
      if (at >= 0) stack.length = at;
    }
    const node: Node = { type: mk.type, label: mk.label, block, bodyStart: mk.length, children: [], parent: null };
    if (block.table) {
      // A table belongs to the heading or lead-in above it ("3. Giao nhiệm vụ như sau:"), not to a
      // directive that happens to end just before it.
      while (stack.length && !headsTable(stack[stack.length - 1]!)) stack.pop();
    } else if (mk.type === "para") {
      const top = stack[stack.length - 1];
      if (top && isBullet(top.type)) stack.pop();
    } else {
      const at = stack.findIndex((n) => n.type === mk.type);
      // "II." again after "II." is a scan's "III." that lost a stroke: Roman sections only go up.
      const prev = at >= 0 ? stack[at]!.label : null;
      if (
        mk.type === "roman" &&
        prev &&
        node.label &&
        ROMAN_VALUE(node.label) <= ROMAN_VALUE(prev) &&
        ROMAN_VALUE(node.label) > 1
      )
        node.label = ROMANS[ROMAN_VALUE(prev) + 1] ?? node.label;
      if (at >= 0) stack.length = at;
      // "II. TỔ CHỨC THỰC HIỆN" is a section of the notice, even when a scan lost the "I." before it.
      else if (mk.type === "roman" && isUpperHeading(block.text.slice(mk.length))) stack.length = 0;
    }
    const parent = stack[stack.length - 1] ?? null;
    node.parent = parent;
    (parent ? parent.children : roots).push(node);
    if (mk.type !== "para") stack.push(node);
  }
  return roots;
}

/** The node's own text, markers and line breaks removed. */
export function ownText(node: Node): string {
  return node.block.text
    .slice(node.bodyStart)
    .replace(/\s*\n\s*/g, " ")
    .trim();
}
