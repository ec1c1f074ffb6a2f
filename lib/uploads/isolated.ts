import "server-only";
import { spawn } from "node:child_process";
import path from "node:path";
import { ValidationError } from "@/lib/errors";
import type { EdxmlHeader } from "@/lib/edxml/parse";
import { NeedsOcrError } from "@/lib/intake/needs-ocr";

/** What the reader process gives back: the text, an edXML package's header, warnings to show. */
export interface IsolatedReading {
  text: string;
  exchange: EdxmlHeader | null;
  warnings: string[];
}

// Reading an uploaded document (unzipping a .docx, parsing a PDF) happens in a child process with
// a memory ceiling and a time limit, never on the server's own thread: a hostile file is refused
// within seconds and other users' pages are not slowed. At most READERS files are read at once
// per server; a short queue waits, a long one is told to come back.

const READERS = 1;
const QUEUE = 6;
const MEMORY_MB = 384;
const TIME_MS = 20_000;

let running = 0;
const waiting: (() => void)[] = [];

async function slot(): Promise<() => void> {
  if (running >= READERS) {
    if (waiting.length >= QUEUE)
      throw new ValidationError("Máy chủ đang đọc nhiều tệp khác. Vui lòng thử lại sau ít phút.");
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
  running++;
  return () => {
    running--;
    waiting.shift()?.();
  };
}

const EXTENSION = (fileName: string) => /\.[^.]+$/.exec(fileName.toLowerCase())?.[0] ?? "";

/** Plain text needs no child process; documents that must be unpacked or parsed do. */
export function needsIsolation(fileName: string): boolean {
  return ![".txt", ".md"].includes(EXTENSION(fileName));
}

const MAGIC: Record<string, { bytes: number[]; message: string }> = {
  ".docx": { bytes: [0x50, 0x4b, 0x03, 0x04], message: "Tệp .docx không hợp lệ: nội dung không phải tài liệu Word." },
  ".pdf": { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], message: "Tệp .pdf không hợp lệ: nội dung không phải PDF." },
};

/** Refuses at once, without starting a reader, a document whose first bytes are not what its name says. */
export function precheckNoticeFile(fileName: string, bytes: Uint8Array): void {
  const expected = MAGIC[EXTENSION(fileName)];
  if (expected && !expected.bytes.every((b, i) => bytes[i] === b))
    throw new ValidationError(expected.message, { file: [expected.message] });
}

export interface IsolationLimits {
  memoryMb: number;
  timeMs: number;
  /** false: a scan is answered with a NeedsOcrError instead of being recognised in the child. */
  ocr?: boolean;
}

/**
 * The text of an uploaded notice (lib/intake/read-upload.ts's readUploadedNotice), read in a child
 * process. Its own refusals (ValidationError) come back with their Vietnamese message; running out
 * of memory or time is refused in Vietnamese too.
 */
export async function readNoticeIsolated(
  fileName: string,
  bytes: Uint8Array,
  given: Partial<IsolationLimits> = {},
): Promise<string> {
  return (await readNoticeDetailsIsolated(fileName, bytes, given)).text;
}

/** As readNoticeIsolated, with the edXML header and the reading's warnings. */
export async function readNoticeDetailsIsolated(
  fileName: string,
  bytes: Uint8Array,
  given: Partial<IsolationLimits> = {},
): Promise<IsolatedReading> {
  const limits: IsolationLimits = { memoryMb: MEMORY_MB, timeMs: TIME_MS, ...given };
  const release = await slot();
  try {
    return await runReader(fileName, bytes, limits);
  } finally {
    release();
  }
}

function runReader(fileName: string, bytes: Uint8Array, limits: IsolationLimits): Promise<IsolatedReading> {
  const script = path.join(process.cwd(), "lib", "uploads", "reader-process.ts");
  const child = spawn(
    process.execPath,
    [`--max-old-space-size=${limits.memoryMb}`, "--conditions=react-server", "--import", "tsx", script],
    {
      stdio: ["pipe", "pipe", "pipe"],
      env: { ...process.env, NODE_OPTIONS: "" },
    },
  );
  const out: Buffer[] = [];
  let errText = "";
  child.stdout.on("data", (d: Buffer) => out.push(d));
  child.stderr.on("data", (d: Buffer) => (errText = (errText + d.toString()).slice(-2000)));
  const header = Buffer.from(JSON.stringify({ fileName, size: bytes.byteLength, ocr: limits.ocr }) + "\n");
  child.stdin.on("error", () => {});
  child.stdin.end(Buffer.concat([header, Buffer.from(bytes)]));

  return new Promise((resolve, reject) => {
    let timedOut = false;
    const started = performance.now();
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, limits.timeMs);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      // Over its time even when a busy server ran the timer late: refused all the same.
      if (timedOut || performance.now() - started > limits.timeMs) {
        reject(
          new ValidationError(
            `Đọc tệp “${fileName}” quá ${Math.max(1, Math.round(limits.timeMs / 1000))} giây nên đã dừng. Tệp quá phức tạp; vui lòng lưu lại dạng đơn giản hơn hoặc dán nội dung.`,
          ),
        );
        return;
      }
      const text = Buffer.concat(out).toString("utf8");
      if (code === 0) {
        try {
          const answer = JSON.parse(text) as {
            text?: string;
            exchange?: EdxmlHeader | null;
            warnings?: string[];
            refused?: string;
            fieldErrors?: Record<string, string[]>;
            needsOcr?: boolean;
          };
          if (typeof answer.text === "string")
            return resolve({ text: answer.text, exchange: answer.exchange ?? null, warnings: answer.warnings ?? [] });
          if (answer.refused && answer.needsOcr) return reject(new NeedsOcrError(answer.refused, answer.fieldErrors));
          if (answer.refused) return reject(new ValidationError(answer.refused, answer.fieldErrors));
        } catch {
          // fall through: an answer that is not ours
        }
      }
      const outOfMemory = /heap out of memory|Allocation failed/i.test(errText) || signal === "SIGABRT";
      reject(
        outOfMemory
          ? new ValidationError(
              `Tệp “${fileName}” cần quá nhiều bộ nhớ để đọc nên đã bị từ chối. Vui lòng lưu lại dạng đơn giản hơn hoặc dán nội dung.`,
            )
          : new Error(`reader process ended with ${signal ?? code}: ${errText.slice(-500)}`),
      );
    });
  });
}
