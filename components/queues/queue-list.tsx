import Link from "next/link";
import { noticeLabel } from "@/lib/notices/notice-label";
import { QUEUE_PAGE_SIZE } from "@/lib/queues/paging";
import type { QueueKind, QueueSection, QueueTask } from "@/lib/queues/queues";
import { formatDateTime, formatDay } from "@/lib/time/calendar";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";

export const QUEUE_TITLES: Record<QueueKind, { title: string; empty: string }> = {
  toConfirm: { title: "Kết quả chờ xác nhận", empty: "Không có kết quả nào chờ xác nhận." },
  extensions: { title: "Đề nghị gia hạn chờ quyết định", empty: "Không có đề nghị gia hạn nào chờ quyết định." },
  explanationsAnswered: { title: "Giải trình mới nhận", empty: "Chưa có giải trình mới từ lần xem trước." },
  newlyOverdue: { title: "Mới quá hạn từ lần xem trước", empty: "Không có nhiệm vụ mới quá hạn." },
  returned: { title: "Bị trả lại, cần bổ sung", empty: "Không có nhiệm vụ bị trả lại." },
  dueSoon: { title: "Đến hạn trong 7 ngày", empty: "Không có nhiệm vụ đến hạn trong 7 ngày tới." },
  explanationsToAnswer: { title: "Yêu cầu giải trình cần trả lời", empty: "Không có yêu cầu giải trình." },
  ongoingUnreported: {
    title: "Nhiệm vụ thường xuyên chưa báo cáo kỳ này",
    empty: "Các nhiệm vụ thường xuyên đều đã báo cáo kỳ này.",
  },
  newTasks: { title: "Nhiệm vụ mới từ lần xem trước", empty: "Không có nhiệm vụ mới." },
};

/** The figure beside each item, in words the list means. */
function daysWords(kind: QueueKind, t: QueueTask): React.ReactNode {
  if (t.days === null) return null;
  switch (kind) {
    case "toConfirm":
    case "extensions":
      return <Badge tone={t.days >= 3 ? "warning" : "neutral"}>chờ {t.days} ngày</Badge>;
    case "newlyOverdue":
      return <Badge tone="danger">quá hạn {t.days} ngày</Badge>;
    case "dueSoon":
      return (
        <Badge tone={t.days <= 1 ? "warning" : "info"}>{t.days === 0 ? "hạn hôm nay" : `còn ${t.days} ngày`}</Badge>
      );
    case "explanationsToAnswer":
      return t.days < 0 ? (
        <Badge tone="danger">quá hạn trả lời {-t.days} ngày</Badge>
      ) : (
        <Badge tone="warning">trả lời trước {formatDay(t.since)}</Badge>
      );
    case "ongoingUnreported":
      return (
        <Badge tone={t.days <= 3 ? "warning" : "neutral"}>
          {t.days === 0 ? "kỳ kết thúc hôm nay" : `kỳ còn ${t.days} ngày`}
        </Badge>
      );
    default:
      return null;
  }
}

export function QueueItem({ kind, task: t }: { kind: QueueKind; task: QueueTask }) {
  const days = daysWords(kind, t);
  return (
    <div className="min-w-0">
      <p className="q-meta">
        <span className="q-agency">{t.agency}</span>
        {` · mục ${t.ref}, ${noticeLabel(t.notice)}${t.dueOn ? ` · hạn ${formatDay(t.dueOn)}` : ""} `}
        {days ? <span className="inline-block">{days}</span> : null}
      </p>
      <Link href={`/nhiem-vu/${t.assignmentId}`} className="q-title">
        {t.text}
      </Link>
      {t.note ? (
        <p className="q-note">
          {kind === "returned" ? "Lý do trả lại: " : kind === "explanationsAnswered" ? "Giải trình: " : ""}
          {t.note}
        </p>
      ) : null}
      {kind === "toConfirm" && t.since ? (
        <p className="text-xs text-slate-500">Báo cáo lúc {formatDateTime(new Date(t.since))}</p>
      ) : null}
    </div>
  );
}

export function QueueHeading({ section }: { section: QueueSection }) {
  return (
    <h2 id={`q-${section.kind}`} className="mb-2 flex items-center gap-2 text-lg font-semibold text-slate-900">
      {QUEUE_TITLES[section.kind].title}
      <span
        className="rounded-full bg-slate-200 px-2 py-0.5 text-sm font-semibold text-slate-800 tabular-nums"
        data-testid={`queue-count-${section.kind}`}
      >
        {section.total}
      </span>
    </h2>
  );
}

export function QueueList({ section }: { section: QueueSection }) {
  return (
    <section aria-labelledby={`q-${section.kind}`} data-testid={`queue-${section.kind}`}>
      <QueueHeading section={section} />
      {section.items.length === 0 ? (
        <EmptyState compact title={QUEUE_TITLES[section.kind].empty} />
      ) : (
        <ul className="q-list">
          {section.items.map((t) => (
            <li key={`${t.assignmentId}`} className="px-4 py-3" data-testid="queue-item">
              <QueueItem kind={section.kind} task={t} />
            </li>
          ))}
        </ul>
      )}
      <QueueMore section={section} />
    </section>
  );
}

const n = (x: number) => x.toLocaleString("vi-VN");

/**
 * Under a list: how much of it shows and the way to the rest. A list among the others shows its
 * first items and "Xem tất cả"; opened on its own (`?xem=<kind>`) it pages, with the way back.
 */
export function QueueMore({ section: s }: { section: QueueSection }) {
  const here = (page: number) => `/cho-xu-ly?xem=${s.kind}${page > 1 ? `&trang=${page}` : ""}#q-${s.kind}`;
  const link = "font-medium text-brand-800 underline underline-offset-2";
  if (!s.open) {
    return s.total > s.items.length ? (
      <p className="mt-2 text-sm text-slate-600" data-testid={`queue-more-${s.kind}`}>
        Hiển thị {n(s.items.length)} trên {n(s.total)} mục.{" "}
        <Link href={here(1)} className={link}>
          Xem tất cả {n(s.total)} mục
        </Link>
      </p>
    ) : null;
  }
  const page = Math.floor(s.offset / QUEUE_PAGE_SIZE) + 1;
  const hasNext = s.offset + s.items.length < s.total;
  return (
    <nav
      aria-label={`Các trang của danh sách ${QUEUE_TITLES[s.kind].title}`}
      className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-slate-600"
      data-testid={`queue-pages-${s.kind}`}
    >
      <span>
        {s.items.length > 0
          ? `Mục ${n(s.offset + 1)}–${n(s.offset + s.items.length)} trên ${n(s.total)}`
          : "Hết danh sách"}
      </span>
      {page > 1 ? (
        <Link href={here(page - 1)} className={link} rel="prev">
          ← Trang trước
        </Link>
      ) : null}
      {hasNext ? (
        <Link href={here(page + 1)} className={link} rel="next">
          Trang sau →
        </Link>
      ) : null}
      <Link href={`/cho-xu-ly#q-${s.kind}`} className={link}>
        Thu gọn
      </Link>
    </nav>
  );
}
