// A read notice (read-notice.ts) → the extraction the review screen shows: the extractor's
// proposal, with an edXML header's data laid over it, and every warning in one list.
import type { AgencyRegistry } from "@/lib/agencies/registry";
import { applyExchangeHeader } from "@/lib/edxml/apply";
import { extractNotice, type ExtractionResult, type ExtractOptions } from "@/lib/extract";
import type { NoticeReading } from "./read-notice";

export interface ReadingExtraction extends ExtractionResult {
  source: NoticeReading["source"];
  pages: NoticeReading["pages"];
}

export function extractReading(
  reading: NoticeReading,
  registry: AgencyRegistry,
  options: ExtractOptions = {},
): ReadingExtraction {
  const result = extractNotice(reading.text, registry, options);
  let { draft } = result;
  let warnings = [...reading.warnings.map((message) => ({ message, line: null })), ...result.warnings];
  const h = reading.exchange;
  if (h) {
    const applied = applyExchangeHeader(draft, h);
    draft = applied.draft;
    // What the header supplied is no longer missing.
    const filled = [
      [draft.notice.number && h.codeNumber, /^(?:Số văn bản để trống|Không tìm thấy số văn bản)/],
      [h.promulgationDate, /^(?:Ngày ban hành|Không tìm thấy ngày ban hành)/],
      [h.signer?.fullName, /^Không đọc được tên người ký/],
      [h.subject, /trích yếu/],
    ] as const;
    warnings = warnings.filter((w) => !filled.some(([given, re]) => given && re.test(w.message)));
    warnings.unshift(...applied.warnings.map((message) => ({ message, line: null })));
  }
  return { ...result, draft, warnings, source: reading.source, pages: reading.pages };
}
