import type { Metadata } from "next";
import { page } from "@/lib/auth/gate";
import { db } from "@/lib/db/client";
import { parseQueueView, queuesFor } from "@/lib/queues/queues";
import { today } from "@/lib/time/today";
import { pendingExtensions } from "@/lib/assignments/extensions";
import { BulkConfirm } from "@/components/queues/bulk-confirm";
import { ExtensionDecisions } from "@/components/queues/extension-decisions";
import { MarkSeen } from "@/components/queues/mark-seen";
import { QueueList } from "@/components/queues/queue-list";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Việc chờ xử lý" };

const SUBTITLES: Record<string, string> = {
  secretariat: "Kết quả các cơ quan báo cáo chờ Văn phòng xác nhận, đề nghị gia hạn và giải trình mới nhận.",
  chairman: "Đề nghị gia hạn chờ quyết định, giải trình mới nhận và nhiệm vụ mới quá hạn từ lần xem trước.",
  agency_staff:
    "Nhiệm vụ bị trả lại, yêu cầu giải trình, việc đến hạn trong 7 ngày, nhiệm vụ thường xuyên chưa báo cáo kỳ này và nhiệm vụ mới được giao.",
};

/** What waits for the signed-in person, by kind of work; once shown, the visit is recorded (MarkSeen). */
export default page({ query: parseQueueView }, async ({ user, query }) => {
  // What has items first (on a phone the empty lists would push the work off the first screen).
  const sections = (await queuesFor(db(), user, today(), undefined, query, { cache: true })).sort(
    (a, b) => Number(b.total > 0) - Number(a.total > 0),
  );
  // The listed extension requests' ids, to decide them here: one query for the whole list.
  const extensionTasks = sections.find((s) => s.kind === "extensions")?.items.map((t) => t.assignmentId) ?? [];
  const pending = await pendingExtensions(db(), extensionTasks);
  return (
    <>
      <MarkSeen />
      <PageHeader title="Việc chờ xử lý" subtitle={SUBTITLES[user.role]} />
      {sections.length === 0 ? (
        <EmptyState title="Không có hàng việc cho vai trò này" />
      ) : (
        <div className="grid gap-8">
          {sections.map((s) =>
            s.kind === "toConfirm" ? (
              <BulkConfirm key={s.kind} section={s} />
            ) : s.kind === "extensions" ? (
              <ExtensionDecisions key={s.kind} section={s} pending={pending} />
            ) : (
              <QueueList key={s.kind} section={s} />
            ),
          )}
        </div>
      )}
    </>
  );
});
