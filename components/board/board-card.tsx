import type { BoardItem } from "@/lib/assignments/board";
import { ASSIGNMENT_ROLE_LABELS, URGENCY_LABELS } from "@/lib/notices/labels";
import { formatDay } from "@/lib/time/calendar";
import { Badge } from "@/components/ui/badge";
import { DueBadge } from "@/components/board/due-badge";
import { noticeLabel } from "@/lib/notices/notice-label";
import { shorten } from "@/lib/text/shorten";

/** About four lines of a card: what line-clamp-4 shows. */
const CARD_TEXT_CHARS = 240;

export function BoardMarkers({ item }: { item: BoardItem }) {
  const d = item.directive;
  return (
    <>
      <Badge tone={item.role === "lead" ? "brand" : "neutral"}>{ASSIGNMENT_ROLE_LABELS[item.role]}</Badge>
      {item.notice.urgency ? (
        <span
          title="Văn bản khẩn"
          className="rounded bg-red-700 px-1.5 py-0.5 text-xs font-bold tracking-wide whitespace-nowrap text-white"
        >
          {URGENCY_LABELS[item.notice.urgency]}
        </span>
      ) : d.urgent ? (
        <Badge tone="danger">Khẩn</Badge>
      ) : null}
      {d.deadlineKind === "ongoing" ? <Badge tone="info">Thường xuyên</Badge> : null}
      {d.recurrence ? <Badge tone="info">Định kỳ</Badge> : null}
      {item.periodicReportMissing ? <Badge tone="danger">Chưa báo cáo kỳ này</Badge> : null}
      {d.deadlineKind === "milestone" ? <Badge tone="info">Mốc phấn đấu</Badge> : null}
      {item.returnReason ? <Badge tone="danger">Bị trả lại</Badge> : null}
      {item.explanationDueOn ? (
        <Badge tone="danger">Cần giải trình trước {formatDay(item.explanationDueOn)}</Badge>
      ) : null}
      {item.extensionRequestedOn ? (
        <Badge tone="warning">Đang xin gia hạn đến {formatDay(item.extensionRequestedOn)}</Badge>
      ) : null}
      {item.dueOn && d.dueOn && item.dueOn !== d.dueOn ? <Badge tone="success">Đã gia hạn</Badge> : null}
      {item.changedOn ? <Badge tone="warning">Điều chỉnh {formatDay(item.changedOn)}</Badge> : null}
    </>
  );
}

export function BoardCard({ item, today }: { item: BoardItem; today: string }) {
  const d = item.directive;
  const others = item.otherAgencies;
  return (
    <article className="board-card" data-testid="board-card">
      <div className="bc-marks">
        <BoardMarkers item={item} />
      </div>
      <h3>
        {/* A plain anchor: a board shows up to 80 cards, and each next/link is a client component
            in the page's payload, prefetched when seen. The text is cut where the card clamps it. */}
        <a href={`/nhiem-vu/${item.id}`}>{shorten(d.text, CARD_TEXT_CHARS)}</a>
      </h3>
      <p className="bc-meta">{`${noticeLabel(item.notice)} · mục ${d.ref}`}</p>
      {others.length > 0 ? (
        <p className="bc-with">
          {`Cùng thực hiện: ${others
            .slice(0, 4)
            .map((o) => o.shortName)
            .join(", ")}${others.length > 4 ? ` và ${others.length - 4} đơn vị khác` : ""}`}
        </p>
      ) : null}
      <div className="bc-due">
        <DueBadge assignment={item} today={today} phrase={d.deadlinePhrase} recurrence={d.recurrence} />
      </div>
    </article>
  );
}
