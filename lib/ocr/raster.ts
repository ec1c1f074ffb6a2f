// Preparing a page image for Tesseract without an image library: PPM (pdftoppm's own output) and
// PNG are decoded here, the red channel is taken as the grey (a red stamp over the signature
// turns almost white while black and blue ink stay dark), small scans are enlarged so that
// table text is tall enough, and the result is written as PGM, which Tesseract reads.
import { inflateSync } from "node:zlib";

export interface Raster {
  width: number;
  height: number;
  channels: 1 | 3 | 4;
  data: Uint8Array; // 8 bits per sample, rows top to bottom
}

/** Binary PPM (P6) or PGM (P5) with maxval 255. */
export function parsePnm(buf: Uint8Array): Raster | null {
  const head = new TextDecoder("latin1").decode(buf.subarray(0, 64));
  const m = /^(P[56])\s+(?:#[^\n]*\s+)*(\d+)\s+(\d+)\s+(\d+)\s/.exec(head);
  if (!m || m[4] !== "255") return null;
  const width = Number(m[2]);
  const height = Number(m[3]);
  const channels = m[1] === "P6" ? 3 : 1;
  const data = buf.subarray(m[0].length, m[0].length + width * height * channels);
  return data.length === width * height * channels ? { width, height, channels, data } : null;
}

/** An 8-bit, non-interlaced PNG (grey, RGB, RGBA, or palette); null for anything else. */
export function decodePng(buf: Uint8Array): Raster | null {
  const v = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let at = 8;
  let width = 0;
  let height = 0;
  let type = 0;
  let palette: Uint8Array | null = null;
  const idat: Uint8Array[] = [];
  while (at + 8 <= buf.length) {
    const len = v.getUint32(at);
    const name = String.fromCharCode(...buf.subarray(at + 4, at + 8));
    const body = buf.subarray(at + 8, at + 8 + len);
    if (name === "IHDR") {
      width = v.getUint32(at + 8);
      height = v.getUint32(at + 12);
      type = body[9]!;
      if (body[8] !== 8 || body[12] !== 0) return null; // 8 bits, no interlacing
    } else if (name === "PLTE") palette = body;
    else if (name === "IDAT") idat.push(body);
    else if (name === "IEND") break;
    at += 12 + len;
  }
  const bpp = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[type as 0 | 2 | 3 | 4 | 6];
  if (!width || !height || !bpp || !idat.length) return null;
  let raw: Uint8Array;
  try {
    raw = inflateSync(Buffer.concat(idat));
  } catch {
    return null;
  }
  const stride = width * bpp;
  if (raw.length < (stride + 1) * height) return null;
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)]!;
    const src = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const row = out.subarray(y * stride, (y + 1) * stride);
    const up = y ? out.subarray((y - 1) * stride, y * stride) : null;
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? row[x - bpp]! : 0;
      const b = up ? up[x]! : 0;
      const c = up && x >= bpp ? up[x - bpp]! : 0;
      const p = a + b - c;
      const pred =
        f === 1
          ? a
          : f === 2
            ? b
            : f === 3
              ? (a + b) >> 1
              : f === 4
                ? Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
                  ? a
                  : Math.abs(p - b) <= Math.abs(p - c)
                    ? b
                    : c
                : 0;
      row[x] = (src[x]! + pred) & 0xff;
    }
  }
  if (type === 3 && palette) {
    const rgb = new Uint8Array(width * height * 3);
    for (let i = 0; i < width * height; i++) rgb.set(palette.subarray(out[i]! * 3, out[i]! * 3 + 3), i * 3);
    return { width, height, channels: 3, data: rgb };
  }
  if (type === 4) {
    const g = new Uint8Array(width * height);
    for (let i = 0; i < g.length; i++) g[i] = out[i * 2]!;
    return { width, height, channels: 1, data: g };
  }
  return { width, height, channels: bpp as 1 | 3 | 4, data: out };
}

/** The grey Tesseract should read: the red channel of a colour page (stamps fade), else the grey. */
export function stamplessGrey(r: Raster): Uint8Array {
  if (r.channels === 1) return r.data;
  const g = new Uint8Array(r.width * r.height);
  for (let i = 0, j = 0; i < g.length; i++, j += r.channels) g[i] = r.data[j]!;
  return g;
}

/** Bilinear enlargement by `k` (> 1). */
export function enlarge(
  grey: Uint8Array,
  w: number,
  h: number,
  k: number,
): { data: Uint8Array; width: number; height: number } {
  const W = Math.round(w * k);
  const H = Math.round(h * k);
  const out = new Uint8Array(W * H);
  for (let y = 0; y < H; y++) {
    const sy = Math.min(h - 1, (y + 0.5) / k - 0.5);
    const y0 = Math.max(0, Math.floor(sy));
    const y1 = Math.min(h - 1, y0 + 1);
    const fy = Math.max(0, sy - y0);
    for (let x = 0; x < W; x++) {
      const sx = Math.min(w - 1, (x + 0.5) / k - 0.5);
      const x0 = Math.max(0, Math.floor(sx));
      const x1 = Math.min(w - 1, x0 + 1);
      const fx = Math.max(0, sx - x0);
      const top = grey[y0 * w + x0]! * (1 - fx) + grey[y0 * w + x1]! * fx;
      const bottom = grey[y1 * w + x0]! * (1 - fx) + grey[y1 * w + x1]! * fx;
      out[y * W + x] = top * (1 - fy) + bottom * fy;
    }
  }
  return { data: out, width: W, height: H };
}

export function encodePgm(grey: Uint8Array, w: number, h: number): Buffer {
  return Buffer.concat([
    Buffer.from(`P5\n${w} ${h}\n255\n`, "latin1"),
    Buffer.from(grey.buffer, grey.byteOffset, grey.byteLength),
  ]);
}

/**
 * Paper made white: every pixel lighter than Otsu's threshold becomes 255. A scan's speckle and a
 * JPEG's ringing are what slow Tesseract most (a noisy page took 6.6 s, cleaned 3.2 s); ink keeps
 * its shades.
 */
export function whitenPaper(grey: Uint8Array): Uint8Array {
  const hist = new Float64Array(256);
  for (let i = 0; i < grey.length; i++) hist[grey[i]!]!++;
  let sum = 0;
  for (let t = 0; t < 256; t++) sum += t * hist[t]!;
  let wb = 0;
  let sb = 0;
  let best = -1;
  let threshold = 128;
  for (let t = 0; t < 256; t++) {
    wb += hist[t]!;
    if (!wb) continue;
    const wf = grey.length - wb;
    if (!wf) break;
    sb += t * hist[t]!;
    const between = wb * wf * (sb / wb - (sum - sb) / wf) ** 2;
    if (between > best) {
      best = between;
      threshold = t;
    }
  }
  const out = new Uint8Array(grey.length);
  for (let i = 0; i < grey.length; i++) out[i] = grey[i]! > threshold ? 255 : grey[i]!;
  return out;
}
