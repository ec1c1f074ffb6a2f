// Documents from the e-office exchange: an edXML package (QCVN 102:2016/BTTTT, namespace
// http://www.mic.gov.vn/TBT/QCVN_102_2016). The root edXML holds edXMLEnvelope → edXMLHeader →
// MessageHeader (From, To, Code, PromulgationInfo, DocumentType, Subject, SignerInfo, DueDate,
// ToPlaces, OtherInfo/Priority) and AttachmentEncoded → Attachment (base64 in
// ContentTransferEncoded). Parsed with fast-xml-parser; a package with a DOCTYPE or entities,
// malformed XML, too many or too large attachments is refused with a Vietnamese message.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { ValidationError } from "@/lib/errors";

export const EDXML_NAMESPACE = "http://www.mic.gov.vn/TBT/QCVN_102_2016";
export const EDXML_LIMITS = { maxAttachments: 10, maxAttachmentBytes: 10 * 1024 * 1024 };

export interface EdxmlOrgan {
  organId: string | null; // electronic identification code, "000.00.00.H49"
  organName: string | null;
}

export interface EdxmlHeader {
  from: EdxmlOrgan | null;
  to: EdxmlOrgan[];
  documentId: string | null;
  codeNumber: string | null;
  codeNotation: string | null;
  place: string | null;
  promulgationDate: string | null; // YYYY-MM-DD
  typeName: string | null; // "Thông báo", "Công văn"…
  subject: string | null;
  signer: { competence: string | null; position: string | null; fullName: string | null } | null;
  dueDate: string | null; // YYYY-MM-DD
  toPlaces: string[];
  /** OtherInfo/Priority: 0 thường, 1 khẩn, 2 thượng khẩn, 3 hỏa tốc, 4 hỏa tốc hẹn giờ. */
  priority: number | null;
}

export interface EdxmlAttachment {
  name: string;
  contentType: string | null;
  bytes: Uint8Array;
}

export interface EdxmlPackage {
  header: EdxmlHeader;
  attachments: EdxmlAttachment[];
}

type Obj = Record<string, unknown>;

const REPEATED = new Set(["To", "Place", "Attachment", "Appendix", "TraceHeader", "Reference"]);
const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: true,
  processEntities: true, // XML's own entities and character references; DOCTYPE is refused first
  htmlEntities: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name, jpath) => REPEATED.has(name) && !String(jpath).endsWith("PromulgationInfo.Place"),
});

const refuse = (why: string) => new ValidationError(`Gói edXML không hợp lệ: ${why}`);

const str = (v: unknown): string | null => {
  if (typeof v === "string") return v.trim() || null;
  if (typeof v === "number") return String(v);
  if (v && typeof v === "object" && "#text" in v) return str((v as Obj)["#text"]);
  return null;
};
const obj = (v: unknown): Obj | null => (v && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : null);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null || v === "" ? [] : [v]);

/** "2021/05/30", "2021-05-30", "30/05/2021" → "2021-05-30". */
export function edxmlDate(s: string | null): string | null {
  if (!s) return null;
  let m = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})/.exec(s);
  if (m) return `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}`;
  m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})/.exec(s);
  if (m) return `${m[3]}-${m[2]!.padStart(2, "0")}-${m[1]!.padStart(2, "0")}`;
  return null;
}

function organ(v: unknown): EdxmlOrgan | null {
  const o = obj(v);
  if (!o) return null;
  return { organId: str(o.OrganId), organName: str(o.OrganName) ?? str(o.OrganizationInCharge) };
}

function header(msg: Obj): EdxmlHeader {
  const code = obj(msg.Code) ?? {};
  const prom = obj(msg.PromulgationInfo) ?? {};
  const type = obj(msg.DocumentType) ?? {};
  const signer = obj(msg.SignerInfo);
  const other = obj(msg.OtherInfo) ?? {};
  const priority = str(other.Priority);
  return {
    from: organ(msg.From),
    to: arr(msg.To)
      .map(organ)
      .filter((o): o is EdxmlOrgan => o !== null),
    documentId: str(msg.DocumentId),
    codeNumber: str(code.CodeNumber),
    codeNotation: str(code.CodeNotation),
    place: str(prom.Place),
    promulgationDate: edxmlDate(str(prom.PromulgationDate)),
    typeName: str(type.TypeName),
    subject: str(msg.Subject),
    signer: signer
      ? { competence: str(signer.Competence), position: str(signer.Position), fullName: str(signer.FullName) }
      : null,
    dueDate: edxmlDate(str(msg.DueDate)),
    toPlaces: arr(obj(msg.ToPlaces)?.Place)
      .map(str)
      .filter((s): s is string => s !== null),
    priority: priority !== null && /^\d$/.test(priority) ? Number(priority) : null,
  };
}

/** Every AttachmentEncoded element, wherever the sender put it (root or envelope body). */
function findAttachmentLists(node: unknown, depth = 0, out: unknown[] = []): unknown[] {
  const o = obj(node);
  if (!o || depth > 6) return out;
  for (const [k, v] of Object.entries(o)) {
    if (k === "AttachmentEncoded") out.push(...arr(v));
    else if (k !== "edXMLHeader") findAttachmentLists(v, depth + 1, out);
  }
  return out;
}

function decodeBase64(s: string, name: string): Uint8Array {
  if ((s.length * 3) / 4 > EDXML_LIMITS.maxAttachmentBytes * 1.05)
    throw refuse(`tệp đính kèm “${name}” quá lớn (tối đa ${EDXML_LIMITS.maxAttachmentBytes / 1024 / 1024} MB).`);
  const clean = s.replace(/\s+/g, "");
  if ((clean.length * 3) / 4 > EDXML_LIMITS.maxAttachmentBytes)
    throw refuse(`tệp đính kèm “${name}” quá lớn (tối đa ${EDXML_LIMITS.maxAttachmentBytes / 1024 / 1024} MB).`);
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 === 1)
    throw refuse(`tệp đính kèm “${name}” không được mã hóa base64 đúng.`);
  return new Uint8Array(Buffer.from(clean, "base64"));
}

export function parseEdxml(bytes: Uint8Array): EdxmlPackage {
  let xml: string;
  try {
    xml = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw refuse("nội dung không phải văn bản XML mã UTF-8.");
  }
  // A BOM, and the chunk size an HTTP client sometimes leaves before the prolog ("1212\r\n<?xml").
  xml = xml
    .replace(/^\uFEFF/, "")
    .replace(/^\s*[0-9a-fA-F]{1,8}\r?\n(?=\s*<)/, "")
    .trimStart();
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw refuse("có khai báo DOCTYPE/ENTITY, không được phép vì lý do an toàn.");
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw refuse(`XML sai cấu trúc ở dòng ${valid.err.line} (${valid.err.msg}).`);
  if (!xml.includes(EDXML_NAMESPACE)) throw refuse("không theo QCVN 102:2016 (thiếu không gian tên edXML).");
  const doc = parser.parse(xml) as Obj;
  const root = obj(doc.edXML) ?? doc;
  const envelope = obj(root.edXMLEnvelope);
  const msg = obj(obj(envelope?.edXMLHeader)?.MessageHeader);
  if (!envelope || !msg) throw refuse("thiếu phần edXMLEnvelope/edXMLHeader/MessageHeader.");
  const items = findAttachmentLists(root).flatMap((list) => arr(obj(list)?.Attachment));
  if (items.length > EDXML_LIMITS.maxAttachments)
    throw refuse(`có ${items.length} tệp đính kèm, quá giới hạn ${EDXML_LIMITS.maxAttachments} tệp.`);
  const attachments = items.map((it, i): EdxmlAttachment => {
    const a = obj(it) ?? {};
    const name = str(a.AttachmentName) ?? str(a.Description) ?? `tep-dinh-kem-${i + 1}`;
    const content = str(a.ContentTransferEncoded) ?? "";
    return { name, contentType: str(a.ContentType), bytes: decodeBase64(content, name) };
  });
  return { header: header(msg), attachments };
}
