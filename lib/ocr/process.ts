// Running the OCR tools (tesseract, pdftoppm, ImageMagick) as child processes: off the Node event
// loop, killed when the secretariat cancels (AbortSignal) or when a page takes too long.
import { spawn } from "node:child_process";
import { AppError, ValidationError } from "@/lib/errors";

/** The secretariat cancelled the recognition (or the request that asked for it went away). */
export class OcrCancelledError extends AppError {
  constructor() {
    super("Đã hủy nhận dạng chữ.");
  }
}

export interface RunOptions {
  signal?: AbortSignal;
  timeoutMs: number;
  /** What the user is told when the time runs out. */
  timeoutMessage: string;
  maxOutputBytes?: number;
  /** Variables added to the inherited environment of the child. */
  extraEnv?: Record<string, string>;
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new OcrCancelledError();
}

/** Runs `cmd args`, resolves with its stdout; rejects on a non-zero exit, a timeout or an abort. */
export function runTool(cmd: string, args: string[], opts: RunOptions): Promise<Buffer> {
  throwIfAborted(opts.signal);
  return new Promise((resolve, reject) => {
    // The child inherits the server's environment (PATH, TESSDATA_PREFIX); only extraEnv is added.
    const env = opts.extraEnv ? { ...process.env, ...opts.extraEnv } : undefined;
    const child = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"], env });
    const out: Buffer[] = [];
    let size = 0;
    let err = "";
    let settled = false;
    const finish = (e: Error | null, value?: Buffer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      opts.signal?.removeEventListener("abort", onAbort);
      if (e) reject(e);
      else resolve(value!);
    };
    const kill = () => {
      if (child.exitCode === null) child.kill("SIGKILL");
    };
    const onAbort = () => {
      kill();
      finish(new OcrCancelledError());
    };
    const timer = setTimeout(() => {
      kill();
      finish(new ValidationError(opts.timeoutMessage));
    }, opts.timeoutMs);
    opts.signal?.addEventListener("abort", onAbort, { once: true });
    child.stdout.on("data", (b: Buffer) => {
      size += b.length;
      if (opts.maxOutputBytes && size > opts.maxOutputBytes) {
        kill();
        finish(new ValidationError("Kết quả nhận dạng quá lớn so với giới hạn cho phép."));
        return;
      }
      out.push(b);
    });
    child.stderr.on("data", (b: Buffer) => {
      if (err.length < 4000) err += b.toString("utf8");
    });
    child.on("error", (e) => finish(e));
    child.on("close", (code) => {
      if (code === 0) finish(null, Buffer.concat(out));
      else finish(new Error(`${cmd} exited with ${code}: ${err.trim().slice(0, 500)}`));
    });
  });
}

/** Whether a command can be started at all (ENOENT means it is not installed). */
export async function canRun(cmd: string, args: string[]): Promise<Buffer | null> {
  try {
    return await runTool(cmd, args, { timeoutMs: 10_000, timeoutMessage: "timeout" });
  } catch {
    return null;
  }
}
