// Whether a message reads as Vietnamese: it has the language's own letters, and no English
// error words (what a library or the runtime writes when an error escaped unmapped).
const VIETNAMESE_LETTERS = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;
const ENGLISH_ERROR = /\b(invalid|expected|received|undefined|null|NaN|error|cannot|failed|exception|prisma|zod)\b/i;

export function isVietnamese(message: unknown): boolean {
  return typeof message === "string" && VIETNAMESE_LETTERS.test(message) && !ENGLISH_ERROR.test(message);
}
