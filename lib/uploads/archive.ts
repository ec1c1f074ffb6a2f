import yauzl from "yauzl";
import { ValidationError } from "@/lib/errors";

// Office documents (.docx, .xlsx, .pptx, .odt, .ods) are zip archives. Before anything inflates
// one, its central directory is read (yauzl: names and declared sizes, nothing decompressed) and
// an archive that would expand far beyond a document's size is refused: one 286 KB .docx that
// expanded to 84 MB once held the server for 56 s. The reader that does inflate runs in a child
// process with memory and time limits (lib/uploads/isolated.ts), in case the sizes lie.

export interface ArchiveLimits {
  entries: number;
  totalBytes: number;
  /** Expansion allowed for an entry that inflates past 1 MB. */
  ratio: number;
}

export const ARCHIVE_LIMITS: ArchiveLimits = { entries: 2_000, totalBytes: 40 * 1024 * 1024, ratio: 100 };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export function isZip(bytes: Uint8Array): boolean {
  return ZIP_MAGIC.every((b, i) => bytes[i] === b);
}

function refuse(field: string, message: string): never {
  throw new ValidationError(message, { [field]: [message] });
}

/** Refuses an archive whose entries would expand too far; resolves when it looks like a document. */
export async function inspectArchive(
  fileName: string,
  bytes: Uint8Array,
  field = "file",
  limits: ArchiveLimits = ARCHIVE_LIMITS,
): Promise<void> {
  const name = fileName.replace(/[\u0000-\u001f\u007f]/g, "");
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      lazyEntries: true,
      validateEntrySizes: true,
    });
  } catch {
    refuse(field, `Tệp “${name}” bị hỏng hoặc không phải tài liệu Office hợp lệ.`);
  }
  if (zip.entryCount > limits.entries) {
    zip.close();
    refuse(field, `Tệp “${name}” chứa quá nhiều thành phần (${zip.entryCount}); không nhận tệp này.`);
  }
  let total = 0;
  try {
    for (let entry = await nextEntry(zip); entry; entry = await nextEntry(zip)) {
      total += entry.uncompressedSize;
      const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
      if (entry.uncompressedSize > 1024 * 1024 && ratio > limits.ratio)
        refuse(field, `Tệp “${name}” được nén bất thường (giãn ra gấp ${Math.round(ratio)} lần); không nhận tệp này.`);
      if (total > limits.totalBytes)
        refuse(
          field,
          `Tệp “${name}” khi giải nén lớn hơn ${Math.round(limits.totalBytes / 1024 / 1024)} MB; không nhận tệp này.`,
        );
    }
  } catch (error) {
    if (error instanceof ValidationError) throw error;
    refuse(field, `Tệp “${name}” bị hỏng hoặc không phải tài liệu Office hợp lệ.`);
  } finally {
    zip.close();
  }
}

/** The next entry of the central directory (names and sizes only), or null at its end. */
function nextEntry(zip: yauzl.ZipFile): Promise<yauzl.Entry | null> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      zip.off("entry", onEntry);
      zip.off("end", onEnd);
      zip.off("error", onError);
    };
    const onEntry = (entry: yauzl.Entry) => (cleanup(), resolve(entry));
    const onEnd = () => (cleanup(), resolve(null));
    const onError = (error: Error) => (cleanup(), reject(error));
    zip.on("entry", onEntry);
    zip.on("end", onEnd);
    zip.on("error", onError);
    zip.readEntry();
  });
}
