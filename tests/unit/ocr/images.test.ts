// Reading page images without an image library: headers for type and size (so a broken or huge
// file is refused before OCR), PNG and PPM decoding, the red channel that makes stamps fade.
import { deflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { imageInfo } from "@/lib/ocr/image-info";
import { decodePng, enlarge, parsePnm, stamplessGrey, whitenPaper } from "@/lib/ocr/raster";

function crc32(b: Uint8Array): number {
  let c = ~0;
  for (const x of b) {
    c ^= x;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}
function png(w: number, h: number, rgb: (x: number, y: number) => [number, number, number], filter = 0): Uint8Array {
  const chunk = (type: string, data: Uint8Array) => {
    const t = new TextEncoder().encode(type);
    const out = new Uint8Array(12 + data.length);
    const v = new DataView(out.buffer);
    v.setUint32(0, data.length);
    out.set(t, 4);
    out.set(data, 8);
    v.setUint32(8 + data.length, crc32(new Uint8Array([...t, ...data])));
    return out;
  };
  const ihdr = new Uint8Array(13);
  new DataView(ihdr.buffer).setUint32(0, w);
  new DataView(ihdr.buffer).setUint32(4, h);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const raw: number[] = [];
  for (let y = 0; y < h; y++) {
    raw.push(filter);
    for (let x = 0; x < w; x++) {
      const px = rgb(x, y);
      const left = x ? rgb(x - 1, y) : [0, 0, 0];
      for (let c = 0; c < 3; c++) raw.push(filter === 1 ? (px[c]! - left[c]!) & 0xff : px[c]!);
    }
  }
  return new Uint8Array([
    ...[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    ...chunk("IHDR", ihdr),
    ...chunk("IDAT", deflateSync(new Uint8Array(raw))),
    ...chunk("IEND", new Uint8Array()),
  ]);
}
// Black text on white with a red stamp in the middle.
const page = (x: number, y: number): [number, number, number] =>
  x === 1 ? [0, 0, 0] : x === 2 && y === 1 ? [210, 30, 30] : [250, 250, 250];

describe("image headers", () => {
  it("reads a PNG's and a JPEG's size, and refuses a truncated file", () => {
    expect(imageInfo(png(4, 3, page))).toMatchObject({ type: "png", width: 4, height: 3, pages: 1 });
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xc0, 0, 11, 8, 0, 30, 0, 40, 1, 0, 0, 0]);
    expect(imageInfo(jpeg)).toMatchObject({ type: "jpeg", width: 40, height: 30 });
    expect(imageInfo(png(4, 3, page).subarray(0, 20))).toBeNull();
    expect(imageInfo(new TextEncoder().encode("<html>"))).toBeNull();
  });

  it("counts the pages of a multi-page TIFF", () => {
    // Two IFDs of width/height entries (little-endian), chained.
    const b = new Uint8Array(80);
    const v = new DataView(b.buffer);
    b.set([0x49, 0x49, 0x2a, 0]);
    v.setUint32(4, 8, true);
    const ifd = (at: number, next: number) => {
      v.setUint16(at, 2, true);
      [256, 257].forEach((tag, k) => {
        v.setUint16(at + 2 + k * 12, tag, true);
        v.setUint16(at + 4 + k * 12, 3, true);
        v.setUint32(at + 6 + k * 12, 1, true);
        v.setUint16(at + 10 + k * 12, 100 + k, true);
      });
      v.setUint32(at + 26, next, true);
    };
    ifd(8, 40);
    ifd(40, 0);
    expect(imageInfo(b)).toMatchObject({ type: "tiff", width: 100, height: 101, pages: 2 });
  });
});

describe("decoding for Tesseract", () => {
  it.each([0, 1])("decodes an 8-bit RGB PNG (filter %i)", (filter) => {
    const r = decodePng(png(4, 3, page, filter))!;
    expect(r).toMatchObject({ width: 4, height: 3, channels: 3 });
    expect([...r.data.subarray(0, 6)]).toEqual([250, 250, 250, 0, 0, 0]);
  });

  it("takes the red channel: the stamp turns light, the ink stays black", () => {
    const grey = stamplessGrey(decodePng(png(4, 3, page))!);
    expect(grey[1]).toBe(0); // ink
    expect(grey[4 + 2]).toBe(210); // the stamp, nearly paper
    expect(whitenPaper(grey)[4 + 2]).toBe(255);
    expect(whitenPaper(grey)[1]).toBe(0);
  });

  it("reads pdftoppm's PPM and enlarges small scans", () => {
    const ppm = new Uint8Array([...new TextEncoder().encode("P6\n2 1\n255\n"), 10, 20, 30, 200, 210, 220]);
    expect(parsePnm(ppm)).toMatchObject({ width: 2, height: 1, channels: 3 });
    const big = enlarge(new Uint8Array([0, 200]), 2, 1, 2);
    expect(big).toMatchObject({ width: 4, height: 2 });
    expect(big.data[0]).toBe(0);
    expect(big.data[3]).toBe(200);
  });
});
