// The child process of lib/uploads/isolated.ts: reads one uploaded notice from stdin (a JSON
// header line, then the file's bytes) and writes {text} or {refused, fieldErrors} as JSON to
// stdout. Run with a memory ceiling; the parent kills it when it takes too long. With `ocr: false`
// in the header a scan is not recognised here but answered {needsOcr} (an OCR job reads it).
import { AppError, ValidationError } from "@/lib/errors";
import { NeedsOcrError } from "@/lib/intake/needs-ocr";
import { readUpload } from "@/lib/intake/read-upload";

async function main(): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const all = Buffer.concat(chunks);
  const newline = all.indexOf(0x0a);
  const header = JSON.parse(all.subarray(0, newline).toString("utf8")) as { fileName: string; ocr?: boolean };
  const bytes = new Uint8Array(all.subarray(newline + 1));
  try {
    const reading = await readUpload(header.fileName, bytes, { ocr: header.ocr });
    process.stdout.write(
      JSON.stringify({ text: reading.text, exchange: reading.exchange, warnings: reading.warnings }),
    );
  } catch (error) {
    if (error instanceof AppError) {
      const fieldErrors = error instanceof ValidationError ? error.fieldErrors : undefined;
      const needsOcr = error instanceof NeedsOcrError;
      process.stdout.write(JSON.stringify({ refused: error.message, fieldErrors, needsOcr }));
      return;
    }
    throw error;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(String(error instanceof Error ? error.stack : error));
  process.exit(1);
});
