// Renders corpus notices deterministically, with a cache (tests/fixtures/corpus/.cache, not
// committed): the printed page as a PDF with a text layer (Chromium), and a "scan" of it: the
// pages at 200 dpi (pdftoppm), then skewed, speckled, stamped or photographed (a CSS/SVG pass in
// Chromium), saved as PNG, JPEG, single-page TIFFs or an image-only PDF.
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser } from "playwright-core";
import type { ScanStyle } from "../../fixtures/corpus/expectations";
import { docxFromModel } from "./docx";
import { htmlOf } from "./html";
import { modelOf } from "./model";

const RENDER_VERSION = "3";
export const CACHE = join(__dirname, "../../fixtures/corpus/.cache");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const DPI = 200;

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-sync",
    ],
  });
}

const key = (...parts: string[]) =>
  createHash("sha1")
    .update([RENDER_VERSION, ...parts].join("\u0000"))
    .digest("hex")
    .slice(0, 12);

async function printPdf(browser: Browser, html: string): Promise<Buffer> {
  const page = await browser.newPage();
  try {
    await page.setContent(html, { waitUntil: "load" });
    return await page.pdf({ format: "A4", preferCSSPageSize: true, printBackground: true });
  } finally {
    await page.close();
  }
}

/** The notice printed to PDF, with its text layer. */
export async function textPdf(browser: Browser, name: string, text: string): Promise<string> {
  mkdirSync(CACHE, { recursive: true });
  const file = join(CACHE, `${name}.${key(text)}.pdf`);
  if (!existsSync(file)) writeFileSync(file, await printPdf(browser, htmlOf(modelOf(text))));
  return file;
}

export function docxFile(name: string, text: string): string {
  mkdirSync(CACHE, { recursive: true });
  const file = join(CACHE, `${name}.${key(text, "docx")}.docx`);
  if (!existsSync(file)) writeFileSync(file, docxFromModel(modelOf(text)));
  return file;
}

function effectsHtml(png: Buffer, w: number, h: number, s: ScanStyle): string {
  const skew = s.skew ?? 0;
  const photo = s.photo
    ? "perspective(2600px) rotateX(6deg) rotateY(-5deg) rotateZ(1.5deg) scale(0.9)"
    : `rotate(${skew}deg)`;
  const noise = s.noise || s.photo;
  return `<!doctype html><html><body style="margin:0;width:${w}px;height:${h}px;overflow:hidden;background:${s.photo ? "#6f6457" : "#fff"}">
<div style="position:absolute;inset:0;transform:${photo};transform-origin:50% 50%;filter:blur(${s.photo ? 0.9 : 0.35}px) contrast(1.06);background:#fff">
<img src="data:image/png;base64,${png.toString("base64")}" width="${w}" height="${h}" style="display:block"></div>
${
  noise
    ? `<svg width="${w}" height="${h}" style="position:absolute;inset:0;mix-blend-mode:multiply">
<filter id="n"><feTurbulence type="fractalNoise" baseFrequency="0.9" numOctaves="2" seed="7"/><feColorMatrix type="saturate" values="0"/>
<feComponentTransfer><feFuncR type="discrete" tableValues="0.55 1 1 1 1 1 1"/><feFuncG type="discrete" tableValues="0.55 1 1 1 1 1 1"/><feFuncB type="discrete" tableValues="0.55 1 1 1 1 1 1"/></feComponentTransfer></filter>
<rect width="100%" height="100%" filter="url(#n)" opacity="0.55"/>
<filter id="m"><feTurbulence type="fractalNoise" baseFrequency="0.004" numOctaves="3" seed="3"/><feColorMatrix type="saturate" values="0"/></filter>
<rect width="100%" height="100%" filter="url(#m)" opacity="0.12"/></svg>`
    : ""
}
${s.photo ? `<div style="position:absolute;inset:0;background:radial-gradient(ellipse at 35% 25%,rgba(255,248,225,0) 35%,rgba(40,30,15,.38) 100%)"></div>` : ""}
</body></html>`;
}

/** The scan of a notice: the files a secretariat would upload, page by page (or one PDF). */
export async function scanFiles(browser: Browser, name: string, text: string, style: ScanStyle): Promise<string[]> {
  mkdirSync(CACHE, { recursive: true });
  const k = key(text, JSON.stringify(style));
  const ext = style.as === "jpg" ? "jpg" : style.as === "tiff" ? "tif" : style.as === "png" ? "png" : "pdf";
  const done = readdirSync(CACHE)
    .filter((f) => f.startsWith(`${name}.${k}.scan`))
    .sort();
  if (done.length) return done.map((f) => join(CACHE, f));
  const tmp = mkdtempSync(join(tmpdir(), "corpus-"));
  try {
    writeFileSync(join(tmp, "p.pdf"), await printPdf(browser, htmlOf(modelOf(text), { stamp: style.stamp })));
    execFileSync("pdftoppm", ["-r", String(DPI), "-png", join(tmp, "p.pdf"), join(tmp, "page")]);
    const pages = readdirSync(tmp)
      .filter((f) => f.startsWith("page"))
      .sort();
    const shots: Buffer[] = [];
    for (const f of pages) {
      const png = readFileSync(join(tmp, f));
      const w = png.readUInt32BE(16);
      const h = png.readUInt32BE(20);
      const page = await browser.newPage({ viewport: { width: w, height: h } });
      await page.setContent(effectsHtml(png, w, h, style), { waitUntil: "load" });
      shots.push(
        await page.screenshot(style.as === "jpg" ? { type: "jpeg", quality: style.photo ? 78 : 85 } : { type: "png" }),
      );
      await page.close();
    }
    const out: string[] = [];
    if (style.as === "png" || style.as === "jpg") {
      shots.forEach((b, i) => {
        const file = join(CACHE, `${name}.${k}.scan${i + 1}.${ext}`);
        writeFileSync(file, b);
        out.push(file);
      });
      return out;
    }
    // An image-only PDF (a scanner's output): one picture per A4 page, no text layer.
    const imgs = shots.map(
      (b) =>
        `<img src="data:image/png;base64,${b.toString("base64")}" style="width:210mm;height:297mm;display:block;page-break-after:always">`,
    );
    const pdf = await printPdf(
      browser,
      `<html><head><style>@page{size:A4;margin:0}body{margin:0}</style></head><body>${imgs.join("")}</body></html>`,
    );
    if (style.as === "pdf") {
      const file = join(CACHE, `${name}.${k}.scan.pdf`);
      writeFileSync(file, pdf);
      return [file];
    }
    writeFileSync(join(tmp, "scan.pdf"), pdf);
    execFileSync("pdftoppm", [
      "-r",
      String(DPI),
      "-gray",
      "-tiff",
      "-tiffcompression",
      "lzw",
      join(tmp, "scan.pdf"),
      join(tmp, "tif"),
    ]);
    for (const [i, f] of readdirSync(tmp)
      .filter((x) => x.startsWith("tif"))
      .sort()
      .entries()) {
      const file = join(CACHE, `${name}.${k}.scan${i + 1}.tif`);
      writeFileSync(file, readFileSync(join(tmp, f)));
      out.push(file);
    }
    return out;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
