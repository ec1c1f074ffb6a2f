import type { Metadata } from "next";
import Link from "next/link";
import { assignmentTimeline, getAssignmentDetail } from "@/lib/assignments/detail";
import { STATE_LABELS } from "@/lib/assignments/state";
import { TIMELINESS_LABELS } from "@/lib/assignments/timeliness";
import { ALLOWED_KINDS_TEXT, UPLOAD_ACCEPT } from "@/lib/attachments/validate";
import { page } from "@/lib/auth/gate";
import { db } from "@/lib/db/client";
import { directivePassage } from "@/lib/notices/passage";
import { ASSIGNMENT_ROLE_LABELS } from "@/lib/notices/labels";
import { today } from "@/lib/time/today";
import { formatDay } from "@/lib/time/calendar";
import { CommentList, ExplanationList, ExtensionList, ReportList, Timeline } from "@/components/assignment/history";
import { WorkflowPanel } from "@/components/assignment/workflow-panel";
import { DueBadge } from "@/components/board/due-badge";
import { DeadlineNote } from "@/components/notices/deadline-note";
import { WithdrawnNote } from "@/components/notices/withdrawn-note";
import { noticeLabel } from "@/lib/notices/notice-label";
import { Badge } from "@/components/ui/badge";

export const metadata: Metadata = { title: "Nhiệm vụ" };

export default page({ ids: ["id"] }, async ({ user, params: { id } }) => {
  const day = today();
  // Someone else's task answers as the 404 page (the gate), as if it did not exist.
  const detail = await getAssignmentDetail(db(), user, id);
  const [events, passage] = await Promise.all([
    assignmentTimeline(db(), user, detail.directive.id, { assignmentId: id }),
    directivePassage(db(), detail.directive.id),
  ]);
  const { assignment: a, directive: d, notice: n } = detail;
  const pendingExplanation = detail.explanations.find((e) => e.status === "pending") ?? null;

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <div className="grid content-start gap-5">
        <section className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
          <p className="text-sm">
            <Link href={`/thong-bao/${n.id}`} className="font-medium text-brand-800 underline decoration-brand-100">
              {noticeLabel(n)}
            </Link>
            <span className="text-slate-500"> · </span>
            <Link href={`/chi-dao/${d.id}`} className="text-slate-600 underline decoration-slate-300">
              mục {d.ref}
            </Link>
          </p>
          <h1 className="mt-2 text-xl font-semibold">{a.agency.name}</h1>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <Badge tone={a.role === "lead" ? "brand" : "neutral"}>{ASSIGNMENT_ROLE_LABELS[a.role]}</Badge>
            <Badge tone={a.state === "completed" ? "success" : a.state === "submitted" ? "warning" : "neutral"}>
              {STATE_LABELS[a.state]}
            </Badge>
            {n.status === "withdrawn" ? (
              <Badge tone="neutral">Đã thu hồi</Badge>
            ) : (
              <DueBadge
                assignment={{
                  ...a,
                  periodReported: detail.reports.some(
                    (r) => r.kind === "periodic" && r.periodStart === detail.periodic?.period.start,
                  ),
                }}
                today={day}
                phrase={d.deadlinePhrase}
                recurrence={d.recurrence}
              />
            )}
            {d.urgent ? <Badge tone="danger">Khẩn trương</Badge> : null}
            {detail.pendingExtension ? (
              <Badge tone="warning">Đang xin gia hạn đến {formatDay(detail.pendingExtension.requestedDueOn)}</Badge>
            ) : null}
            {detail.periodic?.missing ? <Badge tone="danger">Chưa báo cáo {detail.periodic.label}</Badge> : null}
            {detail.periodic?.ongoing && !detail.periodic.missing ? (
              <Badge tone="success">Đã báo cáo {detail.periodic.label}</Badge>
            ) : null}
            {pendingExplanation ? (
              <Badge tone="danger">
                Cần giải trình trước {formatDay(pendingExplanation.replyDueOn)}
                {pendingExplanation.late ? " · quá hạn trả lời" : ""}
              </Badge>
            ) : null}
          </div>
          <p className="mt-1 text-xs text-slate-500">
            Đánh giá:{" "}
            {n.status === "withdrawn" && a.state !== "completed"
              ? "Kết thúc do thu hồi thông báo (không tính quá hạn)"
              : TIMELINESS_LABELS[detail.timeliness]}
          </p>
          {n.status === "withdrawn" ? <WithdrawnNote at={n.withdrawnAt} reason={n.withdrawnReason} of="task" /> : null}
          {a.returnReason && a.state === "in_progress" ? (
            <p className="mt-3 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-900">
              Văn phòng trả lại: {a.returnReason}
            </p>
          ) : null}
          <p
            className="mt-4 text-[15px] leading-relaxed whitespace-pre-line text-slate-800"
            data-testid="directive-text"
          >
            {d.text}
          </p>
          <DeadlineNote directive={{ ...d, dueAt: d.dueAt ? new Date(d.dueAt) : null }} />
          {a.dueOn && d.dueOn && a.dueOn !== d.dueOn ? (
            <p className="mt-2 text-sm text-slate-700">
              Hạn đang áp dụng sau gia hạn: <strong>{formatDay(a.dueOn)}</strong> (hạn gốc {formatDay(d.dueOn)}).
            </p>
          ) : null}
          {passage ? (
            <details className="mt-3 text-sm">
              <summary className="cursor-pointer text-slate-600">Đoạn văn bản gốc</summary>
              <blockquote className="mt-2 border-l-4 border-amber-300 bg-amber-50 px-3 py-2 whitespace-pre-line text-slate-800">
                {passage}
              </blockquote>
            </details>
          ) : null}
        </section>

        <WorkflowPanel
          assignment={a}
          permissions={detail.permissions}
          pendingExtension={detail.pendingExtension}
          pendingExplanation={pendingExplanation}
          periodicLabel={detail.periodic?.label ?? null}
          upload={{ accept: UPLOAD_ACCEPT, kinds: ALLOWED_KINDS_TEXT }}
          today={day}
        />

        <section>
          <h2 className="mb-2 font-semibold">Báo cáo của {a.agency.name}</h2>
          <ReportList reports={detail.reports} />
        </section>
        {detail.extensions.length > 0 ? (
          <section>
            <h2 className="mb-2 font-semibold">Gia hạn</h2>
            <ExtensionList extensions={detail.extensions} />
          </section>
        ) : null}
        {detail.explanations.length > 0 ? (
          <section>
            <h2 className="mb-2 font-semibold">Giải trình</h2>
            <ExplanationList explanations={detail.explanations} />
          </section>
        ) : null}
        <section>
          <h2 className="mb-2 font-semibold">Ý kiến trao đổi</h2>
          <CommentList comments={detail.comments} />
        </section>
      </div>

      <aside className="grid content-start gap-5">
        {detail.otherAssignments.length > 0 ? (
          <section className="rounded-2xl border border-slate-200 bg-white p-4 shadow-sm">
            <h2 className="mb-2 font-semibold">Các cơ quan cùng thực hiện ({detail.otherAssignments.length})</h2>
            <ul className="grid gap-2 text-sm">
              {detail.otherAssignments.map((o) => (
                <li key={o.id}>
                  <div className="flex flex-wrap items-center gap-2">
                    <Badge tone={o.role === "lead" ? "brand" : "neutral"}>{ASSIGNMENT_ROLE_LABELS[o.role]}</Badge>
                    <span className="font-medium">{o.agency.name}</span>
                    <span className="text-slate-500">· {STATE_LABELS[o.state]}</span>
                  </div>
                  {o.reports && o.reports.length > 0 ? (
                    <details className="mt-1 ml-2">
                      <summary className="cursor-pointer text-xs text-slate-600">
                        Báo cáo của đơn vị ({o.reports.length})
                      </summary>
                      <div className="mt-2">
                        <ReportList reports={o.reports} />
                      </div>
                    </details>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <section className="rounded-2xl border border-slate-200 bg-white p-4 shadow-sm">
          <h2 className="mb-3 font-semibold">Diễn biến</h2>
          <Timeline events={events} />
        </section>
      </aside>
    </div>
  );
});
