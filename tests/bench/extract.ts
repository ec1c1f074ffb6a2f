// npm run bench:extract — median / min / p95 time to extract each seed notice, the unseen-layout
// fixtures, and a ~1 MB concatenation of the seeds, after warm-up. The 1 MB text is measured two
// ways: split back into notices at their headers and extracted one by one (what a batch import
// does; per-notice throughput), and whole, as one text (a stress test: it is not one notice).
// Then the accuracy corpus per form (text, table, docx, pdf-text, scan; see corpus-accuracy.ts):
// `-- --no-scan` skips OCR, `-- --misses` lists every miss.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { extractNotice, guessRegistry } from "@/lib/extract";
import { REGISTRIES } from "@/prisma/seed/data/registries";
import { corpusAccuracy } from "./corpus-accuracy";

const SEEDS = join(__dirname, "../../../shared/seeds");
const UNSEEN = join(__dirname, "../fixtures/extract/unseen");
const EMPTY = { province: null, agencies: [], groups: [] };

function measure(fn: () => void, runs: number): { median: number; min: number; p95: number } {
  for (let i = 0; i < Math.min(20, runs); i++) fn(); // warm-up: JIT and the registry index
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    fn();
    t.push(performance.now() - s);
  }
  t.sort((a, b) => a - b);
  const at = (q: number) => t[Math.min(t.length - 1, Math.floor(q * t.length))]!;
  return { median: at(0.5), min: t[0]!, p95: at(0.95) };
}

const files = readdirSync(SEEDS)
  .filter((f) => f.endsWith(".txt"))
  .sort();
const docs = files.map((f) => {
  const text = readFileSync(join(SEEDS, f), "utf8");
  return { name: f, text, registry: guessRegistry(text, REGISTRIES) ?? EMPTY };
});

const rows: string[][] = [];
let sumMedian = 0;
for (const d of docs) {
  const r = measure(() => extractNotice(d.text, d.registry), 200);
  sumMedian += r.median;
  rows.push([
    d.name,
    `${(d.text.length / 1024).toFixed(1)} KB`,
    r.median.toFixed(2),
    r.min.toFixed(2),
    r.p95.toFixed(2),
  ]);
}

for (const f of readdirSync(UNSEEN)
  .filter((x) => x.endsWith(".txt"))
  .sort()) {
  const text = readFileSync(join(UNSEEN, f), "utf8");
  const r = measure(() => extractNotice(text, EMPTY), 200);
  rows.push([
    `unseen/${f}`,
    `${(text.length / 1024).toFixed(1)} KB`,
    r.median.toFixed(2),
    r.min.toFixed(2),
    r.p95.toFixed(2),
  ]);
}

/**
 * Cuts a text holding several notices before each header that follows the previous notice's
 * distribution list or signature ("Nơi nhận", "TL./KT. …", "[Handwritten signature]").
 */
function splitNotices(text: string): string[] {
  const lines = text.split("\n");
  const HEADER =
    /^\s*(?:#+\s*)?(?:\*\*)?(?:THÔNG BÁO|CÔNG VĂN|CÔNG ĐIỆN|KẾ HOẠCH|UBND TỈNH|ỦY BAN NHÂN DÂN|TỈNH ỦY|Số\s*:)/u;
  const END = /^\s*(?:#+\s*)?(?:\*\*)?(?:Nơi nhận|TL\.|KT\.|TM\.|\[Handwritten signature\])/u;
  const out: string[] = [];
  let from = 0;
  let ended = false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (ended && i - from > 20 && HEADER.test(l)) {
      out.push(lines.slice(from, i).join("\n"));
      from = i;
      ended = false;
    }
    if (END.test(l)) ended = true;
  }
  out.push(lines.slice(from).join("\n"));
  return out.filter((t) => t.trim());
}

const oneRound = docs.map((d) => d.text).join("\n\n");
const big = oneRound.repeat(Math.ceil((1024 * 1024) / oneRound.length)).slice(0, 1024 * 1024);
const bigRegistry = REGISTRIES.find((r) => r.province === "Lạng Sơn")!;
const pieces = splitNotices(big);
const expectedPieces = Math.ceil(big.length / oneRound.length) * docs.length;
const perPiece: number[] = [];
const rSplit = measure(() => {
  perPiece.length = 0;
  for (const p of pieces) {
    const s = performance.now();
    extractNotice(p, guessRegistry(p, REGISTRIES) ?? EMPTY);
    perPiece.push(performance.now() - s);
  }
}, 10);
perPiece.sort((a, b) => a - b);
rows.push([
  `1 MB split into ${pieces.length} notices`,
  `${(big.length / 1024).toFixed(0)} KB`,
  rSplit.median.toFixed(1),
  rSplit.min.toFixed(1),
  rSplit.p95.toFixed(1),
]);
const rBig = measure(() => extractNotice(big, bigRegistry), 10);
rows.push([
  "1 MB as one text (stress)",
  `${(big.length / 1024).toFixed(0)} KB`,
  rBig.median.toFixed(1),
  rBig.min.toFixed(1),
  rBig.p95.toFixed(1),
]);

const head = ["document", "size", "median ms", "min ms", "p95 ms"];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
console.log(line(head));
console.log(widths.map((w) => "-".repeat(w)).join("  "));
for (const r of rows) console.log(line(r));
const seedBytes = docs.reduce((n, d) => n + d.text.length, 0);
console.log(`\nsum of per-seed medians: ${sumMedian.toFixed(2)} ms for ${(seedBytes / 1024).toFixed(1)} KB`);
console.log(
  `split: ${pieces.length} pieces found for ${expectedPieces} notice starts in the text (the last one cut at 1 MB); ` +
    `per notice median ${perPiece[Math.floor(perPiece.length / 2)]!.toFixed(2)} ms, max ${perPiece[perPiece.length - 1]!.toFixed(2)} ms (registry guessed per notice); ` +
    `throughput ${(pieces.length / (rSplit.median / 1000)).toFixed(0)} notices/s, ${(big.length / 1024 / (rSplit.median / 1000)).toFixed(0)} KB/s`,
);
console.log(
  `whole: 1 MB time / (per-seed time scaled to 1 MB) = ${(rBig.median / ((sumMedian / seedBytes) * big.length)).toFixed(2)} ` +
    "(below 1: as one text most of it is never read as directives, since the first closing formula ends the body)",
);

corpusAccuracy({ scan: !process.argv.includes("--no-scan"), misses: process.argv.includes("--misses") }).catch(
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
