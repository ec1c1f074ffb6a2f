// Whether this machine can recognise scans: Tesseract with its Vietnamese model, and Poppler's
// pdftoppm to turn PDF pages into images. When one is missing the upload says so in Vietnamese,
// with the command that installs it, instead of failing.
import { ValidationError } from "@/lib/errors";
import { canRun } from "./process";

export const INSTALL_HINT = "apt-get install tesseract-ocr tesseract-ocr-vie poppler-utils";

export interface OcrTools {
  tesseract: string;
  pdftoppm: string;
  languages: string[];
}

let checked: Promise<OcrTools> | null = null;

async function check(): Promise<OcrTools> {
  const tesseract = "tesseract";
  const pdftoppm = "pdftoppm";
  const langs = await canRun(tesseract, ["--list-langs"]);
  const missing: string[] = [];
  const languages = langs
    ? langs
        .toString("utf8")
        .split("\n")
        .slice(1)
        .map((l) => l.trim())
        .filter(Boolean)
    : [];
  if (!langs) missing.push("chương trình nhận dạng chữ Tesseract (gói tesseract-ocr)");
  else if (!languages.includes("vie")) missing.push("bộ nhận dạng tiếng Việt của Tesseract (gói tesseract-ocr-vie)");
  if (!(await canRun(pdftoppm, ["-v"])))
    missing.push("công cụ chuyển trang PDF thành ảnh pdftoppm (gói poppler-utils)");
  if (missing.length)
    throw new ValidationError(
      `Máy chủ chưa cài ${missing.join(", ")} nên chưa đọc được bản quét. ` +
        `Quản trị viên cài bằng lệnh: ${INSTALL_HINT}. Trong lúc chờ, hãy dán nội dung văn bản hoặc tải lên tệp có lớp chữ.`,
    );
  return { tesseract, pdftoppm, languages };
}

/** The tools, checked once per process; a failed check is tried again next time. */
export function ocrTools(): Promise<OcrTools> {
  if (!checked) {
    checked = check();
    checked.catch(() => {
      checked = null;
    });
  }
  return checked;
}

/** For tests: whether OCR can run here, without throwing. */
export async function ocrAvailable(): Promise<boolean> {
  try {
    await ocrTools();
    return true;
  } catch {
    return false;
  }
}

/** Forget the last check (tests, or after the administrator installed the tools). */
export function resetOcrToolsCheck(): void {
  checked = null;
}
