import type { Metadata } from "next";
import Link from "next/link";
import { assignmentTimeline } from "@/lib/assignments/detail";
import { STATE_LABELS } from "@/lib/assignments/state";
import { page } from "@/lib/auth/gate";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { getDirectiveDetail } from "@/lib/notices/directive";
import { ASSIGNMENT_ROLE_LABELS } from "@/lib/notices/labels";
import { directivePassage } from "@/lib/notices/passage";
import { formatDay } from "@/lib/time/calendar";
import { today } from "@/lib/time/today";
import { Timeline } from "@/components/assignment/history";
import { DueBadge } from "@/components/board/due-badge";
import { WithdrawnNote } from "@/components/notices/withdrawn-note";
import { DeadlineNote } from "@/components/notices/deadline-note";
import { noticeLabel } from "@/lib/notices/notice-label";
import { Badge } from "@/components/ui/badge";
import { Stat } from "@/components/ui/stat";

export const metadata: Metadata = { title: "Chỉ đạo" };

export default page({ ids: ["id"] }, async ({ user, params: { id } }) => {
  const day = today();
  // A directive the user may not see answers as the 404 page (the gate).
  const d = await getDirectiveDetail(db(), user, id, day);
  const [events, passage] = await Promise.all([
    assignmentTimeline(db(), user, d.id).catch((e: unknown) => {
      // Someone who may read the notice but none of its tasks sees no history.
      if (e instanceof NotFoundError) return [];
      throw e;
    }),
    directivePassage(db(), d.id),
  ]);
  const done = d.assignments.filter((a) => a.state === "completed").length;
  const ended = d.notice.withdrawn;
  const overdue = ended ? 0 : d.assignments.filter((a) => a.timeliness === "overdue").length;

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <div className="grid content-start gap-5">
        <section className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
          <p className="text-sm">
            <Link
              href={`/thong-bao/${d.notice.id}`}
              className="font-medium text-brand-800 underline decoration-brand-100"
            >
              {noticeLabel(d.notice)}
            </Link>
          </p>
          <h1 className="mt-2 flex flex-wrap items-center gap-2 text-xl font-semibold">
            Chỉ đạo mục {d.ref} {d.urgent ? <Badge tone="danger">Khẩn trương</Badge> : null}
          </h1>
          <p className="mt-3 text-[15px] leading-relaxed whitespace-pre-line text-slate-800">{d.text}</p>
          <DeadlineNote directive={d} />
          {ended ? <WithdrawnNote at={null} reason={null} /> : null}
          {passage ? (
            <details className="mt-3 text-sm" open>
              <summary className="cursor-pointer text-slate-600">Đoạn văn bản gốc</summary>
              <blockquote className="mt-2 border-l-4 border-amber-300 bg-amber-50 px-3 py-2 whitespace-pre-line text-slate-800">
                {passage}
              </blockquote>
            </details>
          ) : null}
          <dl className="mt-4 grid grid-cols-3 gap-3">
            <Stat label="Cơ quan" value={d.assignments.length} />
            <Stat label="Hoàn thành" value={`${done}/${d.assignments.length}`} tone="success" />
            <Stat label="Quá hạn" value={overdue} tone={overdue > 0 ? "danger" : "default"} />
          </dl>
        </section>
        <section className="overflow-x-auto rounded-2xl border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="px-4 py-3 text-left font-semibold">Các cơ quan được giao</caption>
            <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
              <tr>
                <th scope="col" className="px-3 py-2">
                  Cơ quan
                </th>
                <th scope="col" className="px-3 py-2">
                  Vai trò
                </th>
                <th scope="col" className="px-3 py-2">
                  Trạng thái
                </th>
                <th scope="col" className="px-3 py-2">
                  Thời hạn
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {d.assignments.map((a) => (
                <tr key={a.id} data-testid="directive-assignment">
                  <td className="px-3 py-2 font-medium">
                    {a.canOpen ? (
                      <Link className="text-brand-800 hover:underline" href={`/nhiem-vu/${a.id}`}>
                        {a.agency.name}
                      </Link>
                    ) : (
                      a.agency.name
                    )}
                    {a.viaGroup ? <div className="text-xs font-normal text-slate-500">{a.viaGroup}</div> : null}
                  </td>
                  <td className="px-3 py-2">{ASSIGNMENT_ROLE_LABELS[a.role]}</td>
                  <td className="px-3 py-2">
                    {STATE_LABELS[a.state]}
                    {a.pendingExtensionTo ? (
                      <div className="text-xs text-amber-800">xin gia hạn đến {formatDay(a.pendingExtensionTo)}</div>
                    ) : null}
                  </td>
                  <td className="px-3 py-2">
                    {ended && a.state !== "completed" ? (
                      <Badge tone="neutral">Đã kết thúc do thu hồi</Badge>
                    ) : (
                      <DueBadge assignment={a} today={day} phrase={d.deadlinePhrase} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
      <aside className="rounded-2xl border border-slate-200 bg-white p-4 shadow-sm">
        <h2 className="mb-3 font-semibold">Diễn biến</h2>
        <Timeline events={events} />
      </aside>
    </div>
  );
});
