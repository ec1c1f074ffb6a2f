// The printed page of a corpus notice as HTML for Chromium: A4, a Times-like serif at 13 pt, the
// administrative layout of Nghị định 30/2020 in outline, ruled task tables, and (for scans) a
// red round stamp over the signature.
import type { Block } from "./model";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const lines = (ls: string[]) => ls.map(esc).join("<br>");

function stamp(issuer: string): string {
  const text = esc(issuer.toUpperCase());
  return `<svg class="stamp" viewBox="0 0 200 200" width="150" height="150">
  <defs><path id="ring" d="M100,100 m-72,0 a72,72 0 1,1 144,0 a72,72 0 1,1 -144,0"/></defs>
  <circle cx="100" cy="100" r="92" fill="none" stroke="#d11" stroke-width="6"/>
  <circle cx="100" cy="100" r="58" fill="none" stroke="#d11" stroke-width="3"/>
  <text fill="#d11" font-size="17" font-weight="bold" font-family="Liberation Sans"><textPath href="#ring">${text} ★ ${text}</textPath></text>
  <text x="100" y="108" fill="#d11" font-size="22" text-anchor="middle" font-family="Liberation Sans">★</text></svg>`;
}

export function htmlOf(blocks: Block[], opts: { stamp?: boolean } = {}): string {
  const issuer = (blocks.find((b) => b.type === "header") as (Block & { type: "header" }) | undefined)?.left[0] ?? "";
  const body = blocks
    .map((b) => {
      switch (b.type) {
        case "header":
          return `${b.mark ? `<div class="mark">${esc(b.mark)}</div>` : ""}<table class="head"><tr><td class="l">${lines(b.left)}</td><td class="r">${lines(b.right)}</td></tr></table>`;
        case "center":
          return `<p class="c${b.bold ? " b" : ""}${b.italic ? " i" : ""}">${esc(b.text)}</p>`;
        case "para":
          return `<p class="${b.bold ? "b " : ""}${b.indent ? "in" : ""}">${esc(b.text)}</p>`;
        case "table": {
          const head = `<tr>${b.header.map((h) => `<th>${esc(h)}</th>`).join("")}</tr>`;
          const rows = b.rows
            .map((r) =>
              r.group
                ? `<tr class="g"><td colspan="${b.header.length}">${esc(r.cells[0] ?? "")}</td></tr>`
                : `<tr>${r.cells.map((c) => `<td>${esc(c)}</td>`).join("")}</tr>`,
            )
            .join("");
          return `<table class="tasks">${head}${rows}</table>`;
        }
        case "footer": {
          const [name, ...rest] = [...b.right].reverse();
          const formula = rest.reverse();
          return `<table class="foot"><tr><td class="l">${lines(b.left)}</td><td class="r"><div class="formula">${lines(formula)}</div>${opts.stamp ? stamp(issuer) : ""}<div class="name">${esc(name ?? "")}</div></td></tr></table>`;
        }
        case "pagebreak":
          return `<div class="pb"></div>`;
      }
    })
    .join("\n");
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><style>
@page { size: A4; margin: 2cm 1.5cm 2cm 3cm; }
body { font-family: "Liberation Serif", "Times New Roman", serif; font-size: 13pt; line-height: 1.35; color: #000; }
p { margin: 0 0 6pt; text-align: justify; }
p.in { text-indent: 1cm; }
p.c { text-align: center; text-indent: 0; }
.b { font-weight: bold; } .i { font-style: italic; }
.mark { font-weight: bold; font-size: 14pt; border: 1.5px solid #000; display: inline-block; padding: 2pt 8pt; margin-bottom: 6pt; }
table.head, table.foot { width: 100%; border-collapse: collapse; margin-bottom: 12pt; }
table.head td { vertical-align: top; text-align: center; font-weight: bold; font-size: 12.5pt; }
table.head td.l { width: 42%; } table.head td.r { width: 58%; }
table.foot { margin-top: 12pt; page-break-inside: avoid; }
table.foot td { vertical-align: top; }
table.foot td.l { width: 50%; font-size: 11pt; line-height: 1.25; }
table.foot td.r { text-align: center; font-weight: bold; position: relative; }
.formula { margin-bottom: 70pt; } .stamp { position: absolute; left: 18%; top: 6pt; opacity: .78; mix-blend-mode: multiply; transform: rotate(-12deg); }
table.tasks { width: 100%; border-collapse: collapse; font-size: 12pt; line-height: 1.25; margin: 6pt 0 10pt; }
table.tasks th, table.tasks td { border: 1px solid #000; padding: 4pt 5pt; vertical-align: top; text-align: left; }
table.tasks th { text-align: center; font-weight: bold; vertical-align: middle; }
table.tasks tr { page-break-inside: avoid; }
table.tasks tr.g td { font-weight: bold; }
.pb { page-break-after: always; }
</style></head><body>${body}</body></html>`;
}
