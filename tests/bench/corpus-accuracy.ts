// The accuracy corpus (tests/fixtures/corpus) read in every form a notice reaches the app, scored
// against the careful reading: directives found, leads right, deadlines right, metadata right,
// and for scans the seconds per page OCR took (Tesseract, one core). Forms whose tools are
// missing here (Chromium, pdftoppm, tesseract) are skipped with the reason.
import { existsSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { performance } from "node:perf_hooks";
import type { Browser } from "playwright-core";
import { extractNotice } from "@/lib/extract";
import { extractReading } from "@/lib/intake/extract-reading";
import { readNoticeFile, readNoticeImages, type NoticeReading } from "@/lib/intake/read-notice";
import { ocrAvailable } from "@/lib/ocr/tools";
import { CORPUS, type CorpusNotice } from "../fixtures/corpus/expectations";
import { corpusRegistry, pct, scoreNotice, sumScores, type Score } from "../fixtures/corpus/score";
import { docxFile, launch, scanFiles, textPdf } from "./corpus/render";

const DIR = join(__dirname, "../fixtures/corpus");
const read = (c: CorpusNotice) => readFileSync(join(DIR, c.file), "utf8");
const hasTable = (c: CorpusNotice) => /^\s*\||\t.*\t/m.test(read(c).split("\n").slice(4).join("\n"));
const bytes = (f: string) => new Uint8Array(readFileSync(f));
const HELD_OUT = { as: "png", skew: -0.7, noise: true, stamp: true } as const;

interface FormResult {
  form: string;
  notices: number;
  score: Score;
  pages?: number;
  ocrSeconds?: number;
  meanConfidence?: number;
  note?: string;
}

async function byReading(form: string, list: CorpusNotice[], reader: (c: CorpusNotice) => Promise<NoticeReading>) {
  const scores: Score[] = [];
  let pages = 0;
  let ocrSeconds = 0;
  let conf = 0;
  for (const c of list) {
    const reading = await reader(c);
    if (reading.source.ocr) {
      pages += reading.source.ocr.pages;
      ocrSeconds += reading.source.ocr.seconds;
      conf += reading.source.ocr.meanConfidence * reading.source.ocr.pages;
    }
    scores.push(scoreNotice(c, extractReading(reading, corpusRegistry(c)).draft));
  }
  const r: FormResult = { form, notices: list.length, score: sumScores(scores) };
  if (pages) Object.assign(r, { pages, ocrSeconds, meanConfidence: conf / pages });
  return r;
}

export async function corpusAccuracy(opts: { scan: boolean; misses: boolean }): Promise<void> {
  const results: FormResult[] = [];
  const textScores = (list: CorpusNotice[]) =>
    sumScores(list.map((c) => scoreNotice(c, extractNotice(read(c), corpusRegistry(c)).draft)));
  results.push({ form: "text", notices: CORPUS.length, score: textScores(CORPUS) });
  const tables = CORPUS.filter(hasTable);
  results.push({ form: "table (text)", notices: tables.length, score: textScores(tables) });
  results.push(
    await byReading("docx", CORPUS, async (c) =>
      readNoticeFile(basename(docxFile(c.file, read(c))), bytes(docxFile(c.file, read(c)))),
    ),
  );

  let browser: Browser | null = null;
  const chromium = existsSync(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium");
  if (chromium) browser = await launch();
  try {
    if (browser) {
      const b = browser;
      results.push(
        await byReading("pdf-text", CORPUS, async (c) => {
          const f = await textPdf(b, c.file, read(c));
          return readNoticeFile(basename(f), bytes(f));
        }),
      );
    } else results.push({ form: "pdf-text", notices: 0, score: sumScores([]), note: "skipped: no Chromium" });
    const scans = CORPUS.filter((c) => c.scan);
    if (!opts.scan) results.push({ form: "scan", notices: 0, score: sumScores([]), note: "skipped (--no-scan)" });
    else if (!browser || !(await ocrAvailable()))
      results.push({
        form: "scan",
        notices: 0,
        score: sumScores([]),
        note: "skipped: needs Chromium, pdftoppm and tesseract with vie",
      });
    else {
      const b = browser;
      const files = new Map<string, string[]>();
      for (const c of scans) files.set(c.file, await scanFiles(b, c.file, read(c), c.scan!)); // rendering is not timed
      const reader = async (c: CorpusNotice) => {
        const fs = files.get(c.file)!;
        return fs.length === 1
          ? readNoticeFile(basename(fs[0]!), bytes(fs[0]!))
          : readNoticeImages(fs.map((f) => ({ name: basename(f), bytes: bytes(f) })));
      };
      results.push(await byReading("scan", scans, reader));
      results.push(await byReading("scan with tables", scans.filter(hasTable), reader));
      // The notices whose scans the readers were not tuned on, scanned the same way.
      const others = CORPUS.filter((c) => !c.scan);
      for (const c of others) files.set(c.file, await scanFiles(b, c.file, read(c), HELD_OUT));
      results.push(await byReading("scan, held out", others, reader));
    }
  } finally {
    await browser?.close();
  }

  // The extractor alone on a typical text notice.
  const times: number[] = [];
  for (const c of CORPUS) {
    const text = read(c);
    const reg = corpusRegistry(c);
    for (let i = 0; i < 5; i++) extractNotice(text, reg);
    const t = performance.now();
    for (let i = 0; i < 20; i++) extractNotice(text, reg);
    times.push((performance.now() - t) / 20);
  }
  times.sort((a, b) => a - b);

  console.log(
    "\naccuracy corpus: %d notices, %d provinces, %d directives",
    CORPUS.length,
    new Set(CORPUS.map((c) => c.province)).size,
    CORPUS.reduce((n, c) => n + c.directives.length, 0),
  );
  const head = [
    "form",
    "notices",
    "directives found",
    "leads right",
    "deadlines right",
    "metadata right",
    "extra",
    "OCR s/page",
  ];
  const rows = results.map((r) => {
    const s = r.score;
    const n = s.directives.expected;
    if (r.note) return [r.form, "–", r.note, "", "", "", "", ""];
    return [
      r.form,
      String(r.notices),
      pct(s.directives.found, n),
      pct(s.leads, n),
      pct(s.deadlines, n),
      pct(s.metadata.right, s.metadata.total),
      String(s.directives.extra),
      r.pages ? `${(r.ocrSeconds! / r.pages).toFixed(1)} (${r.pages} pages, conf ${r.meanConfidence!.toFixed(1)})` : "",
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i]!))
      .join("  ")
      .trimEnd();
  console.log(line(head));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of rows) console.log(line(r));
  console.log(
    `extractor per text notice: median ${times[Math.floor(times.length / 2)]!.toFixed(2)} ms, max ${times[times.length - 1]!.toFixed(2)} ms`,
  );
  for (const r of results) {
    if (!r.score.misses.length) continue;
    const shown = opts.misses ? r.score.misses : r.score.misses.slice(0, 12);
    console.log(`\nmisses, ${r.form} (${r.score.misses.length}):`);
    for (const m of shown) console.log(`  ${m}`);
    if (shown.length < r.score.misses.length) console.log(`  … (-- --misses lists all)`);
  }
}
