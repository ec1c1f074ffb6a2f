import { ValidationError } from "@/lib/errors";

/**
 * A scan (or a PDF without a text layer) met where OCR was not allowed (read option ocr: false):
 * the intake page then hands the file to an OCR job (lib/intake/jobs.ts) instead of reading it
 * inside the request.
 */
export class NeedsOcrError extends ValidationError {}
