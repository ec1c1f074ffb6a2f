"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { QueueSection } from "@/lib/queues/queues";
import { formatDay } from "@/lib/time/calendar";
import { QueueHeading, QueueItem, QueueMore, QUEUE_TITLES } from "@/components/queues/queue-list";
import { UndoForm } from "@/components/assignment/undo-form";
import { ExtensionDecisionForm } from "@/components/assignment/extension-decision-form";
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
 * minutes.
 */
export function ExtensionDecisions({ section, pending }: { section: QueueSection; pending: PendingExtension[] }) {
  const router = useRouter();
  const [decided, setDecided] = useState<{ assignmentId: number; version: number; label: string }[]>([]);
  const byTask = new Map(pending.map((e) => [e.assignmentId, e]));
  return (
    <section aria-labelledby={`q-${section.kind}`} data-testid={`queue-${section.kind}`}>
      <QueueHeading section={section} />
      {section.items.length === 0 ? (
        <EmptyState compact title={QUEUE_TITLES[section.kind].empty} />
      ) : (
        <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white shadow-sm">
          {section.items.map((t) => {
            const e = byTask.get(t.assignmentId);
            return (
              <li key={t.assignmentId} className="grid gap-2 px-4 py-3" data-testid="queue-item">
                <QueueItem kind={section.kind} task={t} />
                {e ? (
                  <details className="rounded-lg border border-slate-200 bg-slate-50 px-3 py-2">
                    <summary className="cursor-pointer text-sm font-medium text-brand-800">
                      Quyết định gia hạn đến {formatDay(e.requestedDueOn)}
                    </summary>
                    <div className="mt-2">
                      <ExtensionDecisionForm
                        extensionId={e.id}
                        version={t.version}
                        size="small"
                        testId="queue-decide-form"
                        onSuccess={(r) => {
                          const label = `${t.agency}, mục ${t.ref}: ${r.message}`;
                          setDecided((d) => [
                            ...d.filter((x) => x.assignmentId !== t.assignmentId),
                            { assignmentId: t.assignmentId, version: r.assignment.version, label },
                          ]);
                          router.refresh();
                        }}
                      />
                    </div>
                  </details>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      <QueueMore section={section} />
      {decided.length > 0 ? (
        <ul className="mt-3 grid gap-2" aria-label="Vừa quyết định">
          {decided.map((d) => (
            <li key={d.assignmentId}>
              <UndoForm assignmentId={d.assignmentId} version={d.version} label={d.label} />
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
