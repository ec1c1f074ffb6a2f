// What an uploaded image is and how big, read from its header alone (no decoding): enough to
// refuse a file that is not an image, or one too large to recognise in a reasonable time.

export type ImageType = "png" | "jpeg" | "tiff";

export interface ImageInfo {
  type: ImageType;
  mime: string;
  width: number;
  height: number;
  /** Pages of a multi-page TIFF; 1 otherwise. */
  pages: number;
}

const MIME: Record<ImageType, string> = { png: "image/png", jpeg: "image/jpeg", tiff: "image/tiff" };

export function imageTypeOf(b: Uint8Array): ImageType | null {
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return "png";
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return "jpeg";
  if (
    (b[0] === 0x49 && b[1] === 0x49 && b[2] === 0x2a && b[3] === 0) ||
    (b[0] === 0x4d && b[1] === 0x4d && b[2] === 0 && b[3] === 0x2a)
  )
    return "tiff";
  return null;
}

function png(b: Uint8Array, v: DataView): [number, number] | null {
  // Signature (8), IHDR length (4), "IHDR" (4), width, height.
  if (b.length < 33 || String.fromCharCode(b[12]!, b[13]!, b[14]!, b[15]!) !== "IHDR") return null;
  return [v.getUint32(16), v.getUint32(20)];
}

function jpeg(b: Uint8Array, v: DataView): [number, number] | null {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1]!;
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2;
      continue;
    }
    const len = v.getUint16(i + 2);
    // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
      return [v.getUint16(i + 7), v.getUint16(i + 5)];
    i += 2 + len;
  }
  return null;
}

function tiff(b: Uint8Array, v: DataView): { size: [number, number]; pages: number } | null {
  const le = b[0] === 0x49;
  const u16 = (o: number) => v.getUint16(o, le);
  const u32 = (o: number) => v.getUint32(o, le);
  let ifd = u32(4);
  let size: [number, number] | null = null;
  let pages = 0;
  const seen = new Set<number>();
  while (ifd && ifd + 2 <= b.length && !seen.has(ifd) && pages < 1000) {
    seen.add(ifd);
    const n = u16(ifd);
    if (ifd + 2 + n * 12 + 4 > b.length) return null;
    let w = 0;
    let h = 0;
    for (let k = 0; k < n; k++) {
      const e = ifd + 2 + k * 12;
      const tag = u16(e);
      const type = u16(e + 2);
      const val = type === 3 ? u16(e + 8) : u32(e + 8);
      if (tag === 256) w = val;
      if (tag === 257) h = val;
    }
    if (!size) size = [w, h];
    pages++;
    ifd = u32(ifd + 2 + n * 12);
  }
  return size && size[0] && size[1] ? { size, pages } : null;
}

/** The image's type and size, or null when the bytes are not a PNG, JPEG or TIFF we can read. */
export function imageInfo(bytes: Uint8Array): ImageInfo | null {
  const type = imageTypeOf(bytes);
  if (!type) return null;
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    if (type === "tiff") {
      const t = tiff(bytes, v);
      return t ? { type, mime: MIME[type], width: t.size[0], height: t.size[1], pages: t.pages } : null;
    }
    const s = type === "png" ? png(bytes, v) : jpeg(bytes, v);
    return s && s[0] && s[1] ? { type, mime: MIME[type], width: s[0], height: s[1], pages: 1 } : null;
  } catch {
    return null; // a header that runs past the end of the file
  }
}
