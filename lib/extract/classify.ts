// What a passage is: a directive, a heading or lead-in that hands its addressees down, an
// assessment of the situation (not tracked), or a decision of the chairman himself (not tracked).
import { foldVi } from "@/lib/deadlines/fold";

export type Role = "directive" | "heading" | "assessment" | "skip";

const ASSESSMENT_START =
  /^(thoi gian qua|tuy nhien|hien nay|den nay|qua thuc te|nhin chung|ket qua|truoc tinh hinh|den ngay|danh gia chung|tinh hinh|ban chi dao tinh ghi nhan|thoi gian toi, du bao)/;
const ASSESSMENT_WORDS = /\b(ghi nhan va danh gia cao|danh gia cao|bieu duong)\b/;
const ASSIGNING =
  /(?<![\p{L}])(giao|yeu cau|de nghi|chu tri|co trach nhiem|chiu trach nhiem|phai|can|khan truong|phan cong|chi dao)(?![\p{L}])/u;
const STRONG = /(?<![\p{L}])(giao|yeu cau|de nghi|chu tri|phan cong|phai|khan truong)(?![\p{L}])/u;
const HEADING_ASSESSMENT = /^(?:ve\s+)?(danh gia|ket qua|tinh hinh)/;
const PURPOSE =
  /^(?:muc dich(?:,?\s*(?:va\s+)?yeu cau)?|yeu cau|muc tieu|can cu(?: xay dung)?|co so phap ly|quan diem)\s*:?\s*$/;

/** "Yêu cầu X thực hiện …; trong đó đặc biệt lưu ý:": a task of its own before its bullets. */
export function opensWithTask(text: string): boolean {
  return /\btrong do\b[^.]{0,80}:\s*$/.test(foldVi(text)) && ASSIGNING.test(foldVi(text));
}

/** Text of a node with children: context for them, or a directive of its own as well. */
export function isHeadingText(text: string): boolean {
  const f = foldVi(text).trim();
  if (/:\s*$/.test(f)) return true;
  if (/^(doi voi|ve |ve viec)/.test(f)) return true;
  return !/[.!?…]["”)]?\s*$/.test(f) && f.length < 220;
}

export function isAssessment(text: string, inAssessmentSection: boolean): boolean {
  const f = foldVi(text).trim();
  if (ASSESSMENT_START.test(f) || ASSESSMENT_WORDS.test(f.slice(0, 160)))
    return !/(?<![\p{L}])(giao|yeu cau)(?![\p{L}])/u.test(f) || ASSESSMENT_START.test(f);
  // "Sở Y tế đã xây dựng dự thảo …": a report of what was done, no order in it.
  // Read on the unfolded text: folding makes "Đa khoa" look like "đã".
  const first = text.trim().toLocaleLowerCase("vi").split(/[.;]/)[0] ?? "";
  if (/^[^,]{0,80}?\s(đã|đã được)\s/u.test(first) && !STRONG.test(f)) return true;
  return inAssessmentSection && !ASSIGNING.test(f);
}

export function isAssessmentHeading(text: string): boolean {
  const f = foldVi(text).trim();
  return HEADING_ASSESSMENT.test(f) && f.length < 120 && !/:\s*$/.test(f);
}

/** "Đánh giá chung:", "Về tình hình dịch bệnh:": a lead-in whose items report, not order. */
export function isAssessmentLeadIn(text: string): boolean {
  const f = foldVi(text).trim();
  return HEADING_ASSESSMENT.test(f) && f.length < 100 && /:\s*$/.test(f) && !STRONG.test(f);
}

/** A plan's "Mục đích, yêu cầu" or "Căn cứ" section: what the plan is for, not tasks. */
export function isPurposeHeading(text: string): boolean {
  return PURPOSE.test(foldVi(text).trim());
}

/** "UBND tỉnh sẽ xem xét…": the chairman keeps it for himself; nothing to assign. */
export function isOwnDecision(text: string, hasAgency: boolean): boolean {
  if (hasAgency) return false;
  const f = foldVi(text);
  // A Quyết định's own articles: what it issues, and when it takes effect.
  if (/^ban hanh kem theo\b|\bco hieu luc (?:thi hanh )?(?:ke )?tu\b/.test(f.trim())) return true;
  return /\b(ubnd tinh|chu tich ubnd tinh|truong ban chi dao)\s+se\b/.test(f) || /\bchua xem xet\b/.test(f);
}

const URGENT =
  /(?<![\p{L}])(khan truong|khan cap|hoa toc|gap rut|gap|cap bach|ngay lap tuc|than toc|nhanh chong|(?:kich hoat|thanh lap|trien khai|thuc hien|bao cao|to chuc) ngay|som (?:co|ban hanh|trien khai|thuc hien|hoan thanh|xay dung|to chuc|bao cao|tham muu|de xuat))(?![\p{L}])/u;

export function isUrgent(text: string): boolean {
  return URGENT.test(foldVi(text));
}

/** "Thống nhất chủ trương …", "Đồng ý …": the chairman agrees; nobody is given work by it. */
export function isAgreement(text: string): boolean {
  const f = foldVi(text).trim();
  return /^(?:thong nhat|dong y|chap thuan|nhat tri)\b/.test(f) && !/\b(?:giao|yeu cau|de nghi|phan cong)\b/.test(f);
}

/** A Quyết định's own operative article: what it applies, issues, sets up or approves. */
export function isOwnArticle(text: string): boolean {
  return /^(?:ap dung|ban hanh|phe duyet|thanh lap|kien toan|cho phep|dieu chinh|bai bo|quyet dinh nay)\b/.test(
    foldVi(text).trim(),
  );
}
