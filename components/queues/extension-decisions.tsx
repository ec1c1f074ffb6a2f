import type { QueueSection } from "@/lib/queues/queues";
import { formatDay } from "@/lib/time/calendar";
import { QueueHeading, QueueItem, QueueMore, QUEUE_TITLES } from "@/components/queues/queue-list";
import { DecidedHere, DecideExtension } from "@/components/queues/extension-decide";
import { EmptyState } from "@/components/ui/empty-state";

/** A pending extension request of a listed task (one at a time per task). */
export interface PendingExtension {
  id: number;
  assignmentId: number;
  requestedDueOn: string;
}

/**
 * Extension requests waiting for a decision, each decided in place (approve, possibly to another
 * date with a reason, or refuse with one); what was just decided here can be taken back for a few
 * minutes. The list is rendered on the server; only the decisions are client components.
 */
export function ExtensionDecisions({ section, pending }: { section: QueueSection; pending: PendingExtension[] }) {
  const byTask = new Map(pending.map((e) => [e.assignmentId, e]));
  return (
    <section aria-labelledby={`q-${section.kind}`} data-testid={`queue-${section.kind}`}>
      <QueueHeading section={section} />
      <DecidedHere>
        {section.items.length === 0 ? (
          <EmptyState compact title={QUEUE_TITLES[section.kind].empty} />
        ) : (
          <ul className="q-list">
            {section.items.map((t) => {
              const e = byTask.get(t.assignmentId);
              return (
                <li key={t.assignmentId} className="grid gap-2 px-4 py-3" data-testid="queue-item">
                  <QueueItem kind={section.kind} task={t} />
                  {e ? (
                    <DecideExtension
                      extensionId={e.id}
                      assignmentId={t.assignmentId}
                      version={t.version}
                      summary={`Quyết định gia hạn đến ${formatDay(e.requestedDueOn)}`}
                      label={`${t.agency}, mục ${t.ref}`}
                    />
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
        <QueueMore section={section} />
      </DecidedHere>
    </section>
  );
}
