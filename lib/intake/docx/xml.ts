// Reading the XML parts of a Word file: unzipped with fflate, parsed with fast-xml-parser in
// document order, no DTD or entity expansion (Word never uses them; a file that does is refused).
import { unzipSync } from "fflate";
import { XMLParser } from "fast-xml-parser";
import { ValidationError } from "@/lib/errors";

/** A node in fast-xml-parser's ordered form: { "w:p": [children], ":@": { attributes } }. */
export type XNode = Record<string, unknown>;

const MAX_PART_BYTES = 30 * 1024 * 1024;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  trimValues: false,
  processEntities: true, // the five XML entities and character references; DOCTYPE is refused first
  htmlEntities: true, // numeric character references ("&#7871;")
  parseTagValue: false,
});

export function tagOf(n: XNode): string {
  for (const k of Object.keys(n)) if (k !== ":@") return k;
  return "";
}
export const kids = (n: XNode): XNode[] => (n[tagOf(n)] as XNode[] | undefined) ?? [];
export const attr = (n: XNode, name: string): string | undefined =>
  (n[":@"] as Record<string, string> | undefined)?.[name];
export const child = (n: XNode, tag: string): XNode | undefined => kids(n).find((c) => tagOf(c) === tag);
export const textNode = (n: XNode): string => (typeof n["#text"] === "string" ? (n["#text"] as string) : "");

export function parseXml(xml: string): XNode[] {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml.slice(0, 4096)))
    throw new ValidationError("Tệp Word có khai báo DOCTYPE/ENTITY không được phép nên không đọc.");
  return parser.parse(xml) as XNode[];
}

/** The named parts of a .docx, as text. */
export function docxParts(bytes: Uint8Array, names: string[]): Map<string, string> {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => names.includes(f.name) && f.originalSize <= MAX_PART_BYTES,
    });
  } catch {
    throw new ValidationError("Không đọc được tệp Word (.docx). Tệp có thể bị hỏng hoặc có mật khẩu.");
  }
  const out = new Map<string, string>();
  for (const [name, data] of Object.entries(files)) out.set(name, new TextDecoder("utf-8").decode(data));
  return out;
}
