import type { NoticeDetail } from "@/lib/notices/queries";
import { judge } from "@/lib/assignments/timeliness";
import { formatDay } from "@/lib/time/calendar";
import { Badge } from "@/components/ui/badge";
import { Stat } from "@/components/ui/stat";
import { noticeLabel } from "@/lib/notices/notice-label";
import { URGENCY_LABELS } from "@/lib/notices/labels";
import { PublishButton } from "@/components/notices/edit/publish-button";
import { DeleteDraftButton } from "@/components/notices/edit/delete-draft-button";
import { WithdrawForm } from "@/components/notices/life/withdraw-form";
import { WithdrawnNote } from "@/components/notices/withdrawn-note";

/** `editVersion`: the notice's version, given to those who may edit it (a draft then shows "Ban hành"). */
export function NoticeHeader({
  notice,
  today,
  editVersion,
  changeCount = 0,
}: {
  notice: NoticeDetail;
  today: string;
  editVersion?: number;
  changeCount?: number;
}) {
  const all = notice.directives.flatMap((d) => d.assignments);
  const completed = all.filter((a) => a.state === "completed").length;
  // A withdrawn notice's open tasks ended: none of them is overdue.
  const overdue = notice.status === "withdrawn" ? 0 : all.filter((a) => judge(a, today) === "overdue").length;
  return (
    <section className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        {notice.urgency ? (
          <span
            data-testid="notice-urgency"
            title="Văn bản khẩn: mọi nhiệm vụ của văn bản đều khẩn"
            className="rounded bg-red-700 px-2 py-0.5 text-xs font-bold tracking-wide text-white"
          >
            {URGENCY_LABELS[notice.urgency]}
          </span>
        ) : null}
        <span className="font-medium text-brand-800">{noticeLabel(notice)}</span>
        {notice.status === "draft" ? (
          <Badge tone="warning">Bản nháp</Badge>
        ) : notice.status === "withdrawn" ? (
          <Badge tone="neutral">Đã thu hồi</Badge>
        ) : (
          <Badge tone="success">Đã ban hành</Badge>
        )}
        {notice.importedFrom ? (
          <span title={`Nhập từ sổ theo dõi ${notice.importedFrom}`} data-testid="notice-imported">
            <Badge tone="info">Nhập từ sổ theo dõi</Badge>
          </span>
        ) : null}
        {changeCount > 0 ? (
          <a href="#dieu-chinh" className="text-sm text-brand-800 underline">
            {changeCount} điều chỉnh sau khi ban hành
          </a>
        ) : null}
      </div>
      <h1 className="mt-2 text-xl leading-snug font-semibold sm:text-2xl">{notice.title}</h1>
      {notice.status === "withdrawn" ? <WithdrawnNote at={notice.withdrawnAt} reason={notice.withdrawnReason} /> : null}
      <dl className="mt-4 grid gap-x-8 gap-y-2 text-sm sm:grid-cols-2">
        <Field label="Cơ quan ban hành">{notice.issuer}</Field>
        {notice.place ? <Field label="Nơi ban hành">{notice.place}</Field> : null}
        {notice.meetingOn ? <Field label="Ngày họp">{formatDay(notice.meetingOn)}</Field> : null}
        {notice.chair ? <Field label="Chủ trì">{notice.chair}</Field> : null}
        {notice.signer || notice.signingFormula ? (
          <Field label="Người ký">
            {/* The signing formula's lines as the document sets them ("KT. CHÁNH VĂN PHÒNG" above "PHÓ CHÁNH VĂN PHÒNG"). */}
            {notice.signingFormula ? (
              <span className="block whitespace-pre-line" data-testid="signing-formula">
                {notice.signingFormula}
              </span>
            ) : null}
            {notice.signer ? <span className="block">{notice.signer}</span> : null}
          </Field>
        ) : null}
        {notice.citations.length > 0 ? <Field label="Văn bản dẫn chiếu">{notice.citations.join("; ")}</Field> : null}
      </dl>
      {notice.audience.length > 0 ? (
        <p className="mt-3 text-sm" data-testid="notice-audience">
          <span className="text-slate-500">Kính gửi: </span>
          <span className="font-medium text-slate-800">{notice.audience.join("; ")}</span>
        </p>
      ) : null}
      {notice.recipients.length > 0 ? (
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer text-slate-600">Nơi nhận ({notice.recipients.length})</summary>
          <ul className="mt-2 list-disc pl-6 text-slate-700">
            {notice.recipients.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </details>
      ) : null}
      <dl className="mt-5 grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Stat label="Nhiệm vụ" value={notice.directives.length} />
        <Stat label="Lượt giao việc" value={all.length} />
        <Stat label="Hoàn thành" value={`${completed}/${all.length}`} tone="success" />
        <Stat label="Quá hạn" value={overdue} tone={overdue > 0 ? "danger" : "default"} />
      </dl>
      {notice.status === "draft" && editVersion !== undefined ? (
        <>
          <PublishButton noticeId={notice.id} version={editVersion} />
          <DeleteDraftButton noticeId={notice.id} version={editVersion} />
        </>
      ) : null}
      {notice.status === "published" && editVersion !== undefined ? (
        <WithdrawForm noticeId={notice.id} version={editVersion} />
      ) : null}
    </section>
  );
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-slate-500">{label}</dt>
      <dd className="font-medium text-slate-800">{children}</dd>
    </div>
  );
}
