// npm run bench:extract — median / min / p95 time to extract each seed notice and a ~1 MB
// concatenation of them, after warm-up; the last line checks that time grows linearly with size.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { extractNotice, guessRegistry } from "@/lib/extract";
import { REGISTRIES } from "@/prisma/seed/data/registries";

const SEEDS = join(__dirname, "../../../shared/seeds");
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

const files = readdirSync(SEEDS).filter((f) => f.endsWith(".txt")).sort();
const docs = files.map((f) => {
  const text = readFileSync(join(SEEDS, f), "utf8");
  return { name: f, text, registry: guessRegistry(text, REGISTRIES) ?? EMPTY };
});

const rows: string[][] = [];
let sumMedian = 0;
for (const d of docs) {
  const r = measure(() => extractNotice(d.text, d.registry), 200);
  sumMedian += r.median;
  rows.push([d.name, `${(d.text.length / 1024).toFixed(1)} KB`, r.median.toFixed(2), r.min.toFixed(2), r.p95.toFixed(2)]);
}

const oneRound = docs.map((d) => d.text).join("\n\n");
const big = oneRound.repeat(Math.ceil((1024 * 1024) / oneRound.length)).slice(0, 1024 * 1024);
const bigRegistry = REGISTRIES.find((r) => r.province === "Lạng Sơn")!;
const rBig = measure(() => extractNotice(big, bigRegistry), 10);
rows.push(["1 MB concatenation", `${(big.length / 1024).toFixed(0)} KB`, rBig.median.toFixed(1), rBig.min.toFixed(1), rBig.p95.toFixed(1)]);

const head = ["document", "size", "median ms", "min ms", "p95 ms"];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
console.log(line(head));
console.log(widths.map((w) => "-".repeat(w)).join("  "));
for (const r of rows) console.log(line(r));
const perByte = sumMedian / docs.reduce((n, d) => n + d.text.length, 0);
console.log(`\nsum of per-document medians: ${sumMedian.toFixed(2)} ms for ${(docs.reduce((n, d) => n + d.text.length, 0) / 1024).toFixed(1)} KB`);
console.log(`linearity: 1 MB time / (per-document time scaled to 1 MB) = ${(rBig.median / (perByte * big.length)).toFixed(2)} (≈1 is linear)`);
console.log(`1 MB time / sum of per-document times = ${(rBig.median / sumMedian).toFixed(1)}× for ${(big.length / docs.reduce((n, d) => n + d.text.length, 0)).toFixed(1)}× the text`);
