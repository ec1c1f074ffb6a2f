// What an evidence file may be, in words a form can use before sending (no server code here:
// the browser imports it through the workflow's schemas). The content is checked on the server
// (lib/attachments/validate.ts).

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** The name as shown to users: no folders (some browsers send a full path), no control characters. */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .normalize("NFC")
    .trim();
  if (cleaned.length <= 200) return cleaned;
  const dot = cleaned.lastIndexOf(".");
  const ext = dot > 0 ? cleaned.slice(dot) : "";
  return cleaned.slice(0, 200 - ext.length) + ext;
}

function sizeText(bytes: number): string {
  const mb = bytes / 1024 / 1024;
  // Just over the limit, "10 MB" would read as allowed: show the bytes then.
  if (mb < 10.05) return `${bytes.toLocaleString("vi-VN")} byte`;
  return `${mb.toLocaleString("vi-VN", { maximumFractionDigits: 1 })} MB`;
}

export function uploadTooLargeMessage(fileName: string, size: number): string {
  return `Tệp “${cleanFileName(fileName)}” vượt quá giới hạn 10 MB (dung lượng ${sizeText(size)}).`;
}
