// Whom a notice speaks to and how urgently. A Công điện names its addressees after "… điện:" (one
// per "-" line), a letter after "Kính gửi:"; the header's "HỎA TỐC", "THƯỢNG KHẨN" or "KHẨN"
// marks the whole document, and with it every directive, as urgent.
import type { DraftNotice } from "@/lib/notices/draft";
import { foldVi } from "@/lib/deadlines/fold";
import type { Block } from "./normalize";
import type { Layout } from "./metadata";

export type Urgency = NonNullable<DraftNotice["urgency"]>;

const URGENCY: [RegExp, Urgency][] = [
  [/^hoa toc(?: hen gio)?$/, "hoa_toc"],
  [/^thuong khan$/, "thuong_khan"],
  [/^khan$/, "khan"],
];

/** The urgency mark among the header's lines (upper case, on a line of its own). */
export function readUrgency(blocks: Block[], layout: Layout): Urgency | null {
  for (const b of blocks.slice(0, Math.max(layout.titleIdx, 0) + 2)) {
    for (const raw of b.text.split("\n")) {
      const l = raw.replace(/[*_.:]/g, "").trim();
      if (!l || l !== l.toUpperCase()) continue;
      const f = foldVi(l).replace(/\s+/g, " ");
      for (const [re, u] of URGENCY) if (re.test(f)) return u;
    }
  }
  return null;
}

const clean = (s: string) =>
  s
    .replace(/^[-+•–]\s*/, "")
    .replace(/[\s;,.]+$/, "")
    .replace(/\s+/g, " ")
    .trim();

/** The addressees after "… điện:" or "Kính gửi:", before the body starts. */
export function readAudience(blocks: Block[], layout: Layout): string[] {
  const head = blocks.slice(0, Math.max(layout.bodyStart, 0));
  for (let i = 0; i < head.length; i++) {
    const text = head[i]!.text;
    const f = foldVi(text);
    const opener = /(?:^|\s)dien\s*:/.exec(f) ?? /^kinh gui\s*:/.exec(f);
    if (!opener) continue;
    const out: string[] = [];
    const addLines = (t: string) => {
      for (const l of t.split("\n")) {
        const item = clean(l);
        if (item) out.push(item);
      }
    };
    const rest = text.slice(opener.index + opener[0].length);
    // "Kính gửi: Sở Y tế; Công an tỉnh." on one line, or one addressee per "-" line after it.
    if (rest.trim()) {
      if (/\n\s*[-+•]/.test(rest)) addLines(rest);
      else out.push(...rest.split(/;/).map(clean).filter(Boolean));
    }
    for (let j = i + 1; j < head.length && /^[-+•–]\s/.test(head[j]!.text); j++) addLines(head[j]!.text);
    if (out.length) return out;
  }
  return [];
}
