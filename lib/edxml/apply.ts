// The edXML header is the sender's own record of the document: it fills the notice's data and
// outranks what was read from the attached text. Where the two disagree the reviewer is told,
// in Vietnamese, which value was kept.
import { foldVi } from "@/lib/deadlines/fold";
import { isValidYmd } from "@/lib/deadlines/calendar";
import type { DraftNotice, NoticeDraft } from "@/lib/notices/draft";
import type { EdxmlHeader } from "./parse";

const KINDS: [RegExp, DraftNotice["kind"]][] = [
  [/^thong bao/, "TB"],
  [/^cong van/, "CV"],
  [/^ke hoach/, "KH"],
  [/^quyet dinh/, "QD"],
  [/^chi thi/, "CT"],
  [/^cong dien/, "CD"],
];

const URGENCY: Record<number, NonNullable<DraftNotice["urgency"]>> = {
  1: "khan",
  2: "thuong_khan",
  3: "hoa_toc",
  4: "hoa_toc",
};

const validDay = (d: string | null) =>
  d !== null && isValidYmd(Number(d.slice(0, 4)), Number(d.slice(5, 7)), Number(d.slice(8, 10)));
const same = (a: string, b: string) => foldVi(a).replace(/[^a-z0-9]/g, "") === foldVi(b).replace(/[^a-z0-9]/g, "");
const organKey = (s: string) =>
  foldVi(s)
    .replace(/\buy ban nhan dan\b/g, "ubnd")
    .replace(/^van phong\s+/, "")
    .replace(/[^a-z0-9]/g, "");
const sameOrgan = (a: string, b: string) => organKey(a) === organKey(b);
const fmt = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

export function numberOf(h: EdxmlHeader): string | null {
  if (!h.codeNumber || !/^\d+[\p{L}\d.-]*$/u.test(h.codeNumber)) return null;
  return h.codeNotation ? `${h.codeNumber}/${h.codeNotation}` : h.codeNumber;
}

export function applyExchangeHeader(draft: NoticeDraft, h: EdxmlHeader): { draft: NoticeDraft; warnings: string[] } {
  const warnings: string[] = [];
  const n: DraftNotice = { ...draft.notice };
  const take = <K extends keyof DraftNotice>(
    key: K,
    value: DraftNotice[K] | null,
    label: string,
    show: (s: string) => string = (s) => s,
  ) => {
    if (value === null || value === undefined || value === "") return;
    const had = n[key];
    if (had !== null && had !== undefined && had !== "" && !same(String(had), String(value)))
      warnings.push(
        `${label} trong gói edXML (${show(String(value))}) khác với văn bản đính kèm (${show(String(had))}): dùng theo gói edXML.`,
      );
    n[key] = value;
  };
  take("number", numberOf(h), "Số văn bản");
  const date = h.promulgationDate;
  if (validDay(date)) {
    take("issuedOn", date!, "Ngày ban hành", fmt);
    n.issuedPrecision = "day";
  }
  // The sending organ (From/OrganName) is the issuer when the text names none. Its office sends
  // on the body's behalf ("Văn phòng UBND tỉnh Sơn La" for "UBND tỉnh Sơn La"): no disagreement.
  const organ = h.from?.organName?.replace(/\s+/g, " ").trim();
  if (organ) {
    if (!n.issuer?.trim()) n.issuer = organ;
    else if (!sameOrgan(n.issuer, organ)) take("issuer", organ, "Cơ quan ban hành");
  }
  take("place", h.place, "Địa danh");
  const kind = h.typeName ? KINDS.find(([re]) => re.test(foldVi(h.typeName!).trim()))?.[1] : undefined;
  take("kind", kind ?? null, "Loại văn bản");
  if (h.subject) {
    const subject = h.subject.replace(/\s+/g, " ").trim();
    const a = foldVi(subject).replace(/^v\/v\s*/, "");
    const b = foldVi(n.title ?? "").replace(/^v\/v\s*/, "");
    if (n.title && n.title !== "(Chưa có trích yếu)" && !(a.includes(b) || b.includes(a)))
      warnings.push(`Trích yếu trong gói edXML khác với văn bản đính kèm: dùng theo gói edXML.`);
    n.title = subject;
  }
  if (h.signer?.fullName) take("signer", h.signer.fullName, "Người ký");
  const formula = [h.signer?.competence, h.signer?.position].filter(Boolean).join("\n");
  if (formula && !n.signingFormula) n.signingFormula = formula;
  if (h.toPlaces.length && !(n.audience ?? []).length) n.audience = h.toPlaces;
  const urgency = h.priority !== null ? URGENCY[h.priority] : undefined;
  if (urgency && !n.urgency) n.urgency = urgency;
  n.exchange = {
    documentId: h.documentId,
    fromOrganId: h.from?.organId ?? null,
    fromOrganName: h.from?.organName ?? null,
    toOrganIds: h.to.map((t) => t.organId).filter((s): s is string => s !== null),
    dueOn: validDay(h.dueDate) ? h.dueDate : null,
    toPlaces: h.toPlaces,
  };
  const directives = n.urgency ? draft.directives.map((d) => ({ ...d, urgent: true })) : draft.directives;
  return { draft: { notice: n, directives }, warnings };
}
