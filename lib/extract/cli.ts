// npm run -s extract -- FILE [--province NAME]
// Prints the extraction as JSON on stdout; a file that cannot be read as a notice → stderr, exit 2.
// FILE: text (.txt, .md or any name), .docx, .pdf (with or without a text layer), an image
// (.jpg, .png, .tif) or an edXML package; "source" says how its text was obtained.
import { readFileSync, statSync } from "node:fs";
import type { AgencyRegistry } from "@/lib/agencies/registry";
import { foldVi } from "@/lib/deadlines/fold";
import { AppError } from "@/lib/errors";
import { extractReading } from "@/lib/intake/extract-reading";
import { extensionOf, readNoticeFile, type NoticeReading } from "@/lib/intake/read-notice";
import type { OcrProgress } from "@/lib/ocr/recognize";
import { REGISTRIES } from "@/prisma/seed/data/registries";
import { guessRegistry } from "./index";

const MAX_BYTES = 2 * 1024 * 1024; // a text notice
const MAX_FILE_BYTES = 50 * 1024 * 1024; // a document, scan or package
const DOCUMENTS = new Set([".docx", ".pdf", ".jpg", ".jpeg", ".png", ".tif", ".tiff", ".edxml", ".xml"]);

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

function parseArgs(argv: string[]): { file: string; province: string | null } {
  let file: string | null = null;
  let province: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--province") {
      province = argv[++i] ?? fail("Thiếu tên tỉnh sau --province");
    } else if (a.startsWith("--province=")) province = a.slice("--province=".length);
    else if (a === "--help" || a === "-h") {
      process.stdout.write("Cách dùng: npm run -s extract -- TỆP [--province TÊN_TỈNH]\n");
      process.exit(0);
    } else if (!file) file = a;
    else fail(`Tham số thừa: ${a}`);
  }
  if (!file) fail("Cách dùng: npm run -s extract -- TỆP [--province TÊN_TỈNH]");
  return { file, province };
}

function sizeOf(file: string): number {
  try {
    const st = statSync(file);
    if (!st.isFile()) fail(`Không phải là tệp: ${file}`);
    return st.size;
  } catch {
    fail(`Không tìm thấy tệp: ${file}`);
  }
}

function readText(file: string, size: number): string {
  if (size > MAX_BYTES) fail(`Tệp quá lớn (${(size / 1024 / 1024).toFixed(1)} MB, tối đa 2 MB): ${file}`);
  const buf = readFileSync(file);
  if (buf.includes(0)) fail(`Tệp không phải văn bản (có dữ liệu nhị phân): ${file}`);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(buf);
  } catch {
    fail(`Tệp không phải văn bản UTF-8: ${file}`);
  }
  if (!text.trim()) fail(`Tệp rỗng: ${file}`);
  return text.replace(/^\uFEFF/, "");
}

function progress(p: OcrProgress): void {
  if (!process.stderr.isTTY) return;
  const line =
    p.phase === "queued"
      ? `Đang chờ lượt nhận dạng (${p.ahead} việc trước)`
      : p.phase === "done"
        ? `Đã nhận dạng ${p.pages} trang trong ${p.seconds.toFixed(1)} giây`
        : `${p.phase === "rendering" ? "Đang chuyển trang thành ảnh" : "Đang nhận dạng chữ"}: trang ${p.page}/${p.pages}`;
  process.stderr.write(`${line}\n`);
}

async function readNotice(file: string): Promise<NoticeReading> {
  const size = sizeOf(file);
  if (!DOCUMENTS.has(extensionOf(file)))
    return {
      text: readText(file, size),
      source: { kind: "text", fileName: file },
      pages: [],
      exchange: null,
      warnings: [],
    };
  if (size === 0) fail(`Tệp rỗng: ${file}`);
  if (size > MAX_FILE_BYTES) fail(`Tệp quá lớn (${(size / 1024 / 1024).toFixed(1)} MB, tối đa 50 MB): ${file}`);
  try {
    return await readNoticeFile(file, new Uint8Array(readFileSync(file)), { onProgress: progress });
  } catch (e) {
    if (e instanceof AppError) fail(e.message);
    throw e;
  }
}

function pickRegistry(text: string, province: string | null): AgencyRegistry {
  if (province) {
    const hit = REGISTRIES.find((r) => r.province && foldVi(r.province).trim() === foldVi(province).trim());
    return hit ?? { province: province.trim(), agencies: [], groups: [] };
  }
  return guessRegistry(text, REGISTRIES) ?? { province: null, agencies: [], groups: [] };
}

async function main(): Promise<void> {
  const { file, province } = parseArgs(process.argv.slice(2));
  const reading = await readNotice(file);
  const registry = pickRegistry(reading.text, province);
  const { draft, warnings } = extractReading(reading, registry);
  const n = draft.notice;
  const issuedOn =
    n.issuedOn === null
      ? null
      : n.issuedPrecision === "day"
        ? n.issuedOn
        : n.issuedPrecision === "month"
          ? n.issuedOn.slice(0, 7)
          : null;
  const out = {
    province: registry.province,
    notice: {
      kind: n.kind,
      number: n.number,
      issuer: n.issuer,
      place: n.place,
      issuedOn,
      issuedPrecision: n.issuedPrecision,
      title: n.title,
      meetingOn: n.meetingOn,
      chair: n.chair,
      signer: n.signer,
      signingFormula: n.signingFormula,
      recipients: n.recipients,
      citations: n.citations,
      audience: n.audience ?? [],
      urgency: n.urgency ?? null,
      ...(n.exchange ? { exchange: n.exchange } : {}),
    },
    directives: draft.directives.map((d) => ({
      ref: d.ref,
      text: d.text,
      urgent: d.urgent,
      assignments: d.assignments,
      deadline: d.deadline && {
        dueOn: d.deadline.dueOn,
        dueAt: d.deadline.dueAt,
        kind: d.deadline.kind,
        phrase: d.deadline.phrase,
        startOn: d.deadline.startOn,
        target: d.deadline.target,
        recurrence: d.deadline.recurrence,
      },
      sourceStart: d.sourceStart,
      sourceEnd: d.sourceEnd,
    })),
    warnings,
    source: reading.source,
  };
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`Lỗi không mong đợi: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
