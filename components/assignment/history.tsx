import type { CommentView, ExplanationView, ExtensionView, ReportView, TimelineEvent } from "@/lib/assignments/detail";
import { sizeLabel } from "@/lib/attachments/size-label";
import { formatDateTime, formatDay } from "@/lib/time/calendar";
import { Badge } from "@/components/ui/badge";

const REPORT_KIND: Record<ReportView["kind"], string> = {
  progress: "Báo cáo tiến độ",
  completion: "Báo cáo hoàn thành",
  periodic: "Báo cáo định kỳ",
};
const EXT_STATUS: Record<ExtensionView["status"], { label: string; tone: "warning" | "success" | "danger" }> = {
  pending: { label: "Chờ quyết định", tone: "warning" },
  approved: { label: "Đã đồng ý", tone: "success" },
  refused: { label: "Không đồng ý", tone: "danger" },
};

export function ReportList({ reports }: { reports: ReportView[] }) {
  if (reports.length === 0) return <p className="text-sm text-slate-500">Chưa có báo cáo.</p>;
  return (
    <ol className="grid gap-3" data-testid="reports">
      {reports.map((r) => (
        <li key={r.id} className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
          <div className="flex flex-wrap items-center gap-2 text-xs text-slate-500">
            <Badge tone={r.kind === "completion" ? "success" : "neutral"}>{REPORT_KIND[r.kind]}</Badge>
            <span>{formatDateTime(new Date(r.createdAt))}</span>
            {r.authorName ? <span>· {r.authorName}</span> : null}
          </div>
          <p className="mt-1 whitespace-pre-line text-slate-800">{r.text}</p>
          {r.evidenceNumber || r.evidenceDate ? (
            <p className="mt-1 text-xs text-slate-600">
              Văn bản:{" "}
              {[r.evidenceNumber, r.evidenceDate ? `ngày ${formatDay(r.evidenceDate)}` : null]
                .filter(Boolean)
                .join(", ")}
            </p>
          ) : null}
          {r.attachment ? (
            <a
              className="mt-1 inline-block text-xs font-medium text-brand-800 underline"
              href={`/api/tep/${r.attachment.id}`}
            >
              Tệp: {r.attachment.fileName} ({sizeLabel(r.attachment.size)})
            </a>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

export function ExtensionList({ extensions }: { extensions: ExtensionView[] }) {
  if (extensions.length === 0) return null;
  return (
    <ol className="grid gap-2" data-testid="extensions">
      {extensions.map((e) => (
        <li key={e.id} className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
          <div className="flex flex-wrap items-center gap-2">
            <Badge tone={EXT_STATUS[e.status].tone}>{EXT_STATUS[e.status].label}</Badge>
            <span>
              Xin gia hạn đến <strong>{formatDay(e.requestedDueOn)}</strong>
              {e.originalDueOn ? <> (hạn khi đề nghị: {formatDay(e.originalDueOn)})</> : null}
            </span>
          </div>
          <p className="mt-1 text-slate-700">Lý do: {e.reason}</p>
          <p className="mt-1 text-xs text-slate-500">
            {e.requestedByName ?? "—"}, {formatDateTime(new Date(e.createdAt))}
            {e.decidedAt
              ? ` · ${EXT_STATUS[e.status].label.toLowerCase()} bởi ${e.decidedByName ?? "—"}, ${formatDateTime(new Date(e.decidedAt))}`
              : ""}
            {e.decisionNote ? ` · ${e.decisionNote}` : ""}
          </p>
          {e.grantedDueOn ? (
            <p className="mt-1 text-slate-800">
              Được gia hạn đến <strong>{formatDay(e.grantedDueOn)}</strong> (khác ngày đề nghị).
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

export function ExplanationList({ explanations }: { explanations: ExplanationView[] }) {
  return (
    <ol className="grid gap-2" data-testid="explanations">
      {explanations.map((e) => (
        <li key={e.id} className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
          <div className="flex flex-wrap items-center gap-2">
            <Badge tone={e.status === "answered" ? "success" : e.late ? "danger" : "warning"}>
              {e.status === "answered" ? "Đã giải trình" : e.late ? "Quá hạn trả lời" : "Chờ giải trình"}
            </Badge>
            <span>
              Trả lời trước <strong>{formatDay(e.replyDueOn)}</strong> ({e.workingDays} ngày làm việc)
            </span>
          </div>
          <p className="mt-1 text-slate-700">Yêu cầu: {e.message}</p>
          <p className="mt-1 text-xs text-slate-500">
            {e.requestedByName ?? "—"}, {formatDateTime(new Date(e.createdAt))}
          </p>
          {e.answer ? (
            <div className="mt-2 rounded-md bg-slate-50 px-3 py-2">
              <p className="whitespace-pre-line text-slate-800">{e.answer}</p>
              {e.attachment ? (
                <a className="mt-1 inline-block text-brand-800 underline" href={`/api/tep/${e.attachment.id}`}>
                  Tệp: {e.attachment.fileName}
                </a>
              ) : null}
              <p className="mt-1 text-xs text-slate-500">
                {e.answeredByName ?? "—"}, {e.answeredAt ? formatDateTime(new Date(e.answeredAt)) : ""}
              </p>
            </div>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

export function CommentList({ comments }: { comments: CommentView[] }) {
  if (comments.length === 0) return <p className="text-sm text-slate-500">Chưa có ý kiến.</p>;
  return (
    <ol className="grid gap-2">
      {comments.map((c) => (
        <li key={c.id} className="rounded-lg bg-slate-100 px-3 py-2 text-sm">
          <p className="text-xs text-slate-500">
            {c.authorName ?? "—"} · {formatDateTime(new Date(c.createdAt))}
          </p>
          <p className="whitespace-pre-line text-slate-800">{c.body}</p>
        </li>
      ))}
    </ol>
  );
}

export function Timeline({ events }: { events: TimelineEvent[] }) {
  if (events.length === 0) return <p className="text-sm text-slate-500">Chưa có sự kiện.</p>;
  return (
    <ol className="relative grid gap-3 border-l-2 border-slate-200 pl-4" data-testid="timeline">
      {events.map((e) => (
        <li key={e.id} className="text-sm">
          <span
            aria-hidden
            className="absolute -left-[7px] mt-1.5 size-3 rounded-full border-2 border-white bg-brand-600"
          />
          <p className="font-medium text-slate-800">
            {e.label}
            {e.agencyName ? ` · ${e.agencyName}` : ""}
          </p>
          <p className="text-xs text-slate-500">
            {formatDateTime(new Date(e.at))}
            {e.actorName ? ` · ${e.actorName}` : " · hệ thống"}
          </p>
        </li>
      ))}
    </ol>
  );
}
