// What a reviewer must see before confirming a draft, in Vietnamese, with the line it is about.
import type { AgencyRegistry } from "@/lib/agencies/registry";
import type { BuiltDirective } from "./directives";
import type { IssueDate } from "./metadata";
import type { NormalizedText } from "./normalize";

export interface Warning {
  message: string;
  line: number | null; // 1-based line of the original text
}

interface Input {
  norm: NormalizedText;
  num: { number: string | null; at: number | null; present: boolean };
  issue: IssueDate;
  title: string | null;
  footer: { signer: string | null };
  built: BuiltDirective[];
  registry: AgencyRegistry;
  lineOf: (offset: number) => number;
}

export function collectWarnings(x: Input): Warning[] {
  const w: Warning[] = [];
  const at = (o: number | null) => (o === null ? null : x.lineOf(o));
  for (const run of groupRuns(x.norm.illegible)) {
    w.push({
      message:
        run.count > 1
          ? `${run.count} đoạn không đọc được (dòng ${run.first}–${run.last}): cần đối chiếu bản giấy`
          : `Đoạn không đọc được (dòng ${run.first}): cần đối chiếu bản giấy`,
      line: run.first,
    });
  }
  if (x.num.present && !x.num.number) w.push({ message: "Số văn bản để trống", line: at(x.num.at) });
  else if (!x.num.present) w.push({ message: "Không tìm thấy số văn bản", line: null });
  if (x.issue.problem) w.push({ message: x.issue.problem, line: at(x.issue.at) });
  if (!x.title) w.push({ message: "Không tìm thấy trích yếu của văn bản", line: null });
  if (!x.footer.signer) w.push({ message: "Không đọc được tên người ký", line: null });
  if (!x.built.length) w.push({ message: "Không tìm thấy nhiệm vụ nào trong văn bản", line: null });
  if (x.registry.province === null)
    w.push({ message: "Tỉnh chưa có danh mục cơ quan: mọi cơ quan đều là đề xuất mới", line: null });
  const proposed = new Map<string, number>();
  for (const b of x.built) {
    const d = b.directive;
    const line = x.lineOf(d.sourceStart ?? 0);
    if (!d.assignments.length) w.push({ message: `Mục ${d.ref}: chưa xác định được cơ quan thực hiện`, line });
    for (const p of b.problems) w.push({ message: p.message, line: x.lineOf(p.at) });
    if (x.registry.province !== null) {
      for (const f of b.found) if (f.isNew && !proposed.has(f.agency)) proposed.set(f.agency, x.lineOf(f.start));
    }
  }
  for (const [agency, line] of proposed)
    w.push({ message: `Cơ quan "${agency}" chưa có trong danh mục của tỉnh: sẽ đề xuất tạo mới`, line });
  return w;
}

function groupRuns(items: { line: number }[]): { first: number; last: number; count: number }[] {
  const runs: { first: number; last: number; count: number }[] = [];
  for (const it of items) {
    const r = runs[runs.length - 1];
    if (r && it.line - r.last <= 2) {
      r.last = it.line;
      r.count++;
    } else runs.push({ first: it.line, last: it.line, count: 1 });
  }
  return runs;
}
