"use client";

import { useRouter } from "next/navigation";
import { createContext, useContext, useState } from "react";
import { UndoForm } from "@/components/assignment/undo-form";
import { ExtensionDecisionForm } from "@/components/assignment/extension-decision-form";
import { Fold } from "@/components/ui/fold";

// The interactive parts of the queue's extension requests: each item's decision, whose form is
// only built once its «Quyết định gia hạn» is opened, and the decisions just taken here, which can
// be taken back for a few minutes (the decided item itself leaves the list on refresh).

interface Decided {
  assignmentId: number;
  version: number;
  label: string;
}

const DecidedContext = createContext<(d: Decided) => void>(() => {});

/** Around the list: what was decided here, each with its «Hoàn tác». */
export function DecidedHere({ children }: { children: React.ReactNode }) {
  const [decided, setDecided] = useState<Decided[]>([]);
  const add = (d: Decided) => setDecided((all) => [...all.filter((x) => x.assignmentId !== d.assignmentId), d]);
  return (
    <DecidedContext.Provider value={add}>
      {children}
      {decided.length > 0 ? (
        <ul className="mt-3 grid gap-2" aria-label="Vừa quyết định">
          {decided.map((d) => (
            <li key={d.assignmentId}>
              <UndoForm assignmentId={d.assignmentId} version={d.version} label={d.label} />
            </li>
          ))}
        </ul>
      ) : null}
    </DecidedContext.Provider>
  );
}

/** One request's decision: approve (possibly to another date, with a reason) or refuse. */
export function DecideExtension({
  extensionId,
  assignmentId,
  version,
  summary,
  label,
}: {
  extensionId: number;
  assignmentId: number;
  version: number;
  /** «Quyết định gia hạn đến 30/09/2021» */
  summary: string;
  /** «Sở Y tế, mục 3», before the decision's message in the list of decisions taken. */
  label: string;
}) {
  const router = useRouter();
  const decided = useContext(DecidedContext);
  return (
    <Fold
      className="rounded-lg border border-slate-200 bg-slate-50 px-3 py-2"
      summaryClassName="cursor-pointer text-sm font-medium text-brand-800"
      summary={summary}
    >
      <div className="mt-2">
        <ExtensionDecisionForm
          extensionId={extensionId}
          version={version}
          size="small"
          testId="queue-decide-form"
          onSuccess={(r) => {
            decided({ assignmentId, version: r.assignment.version, label: `${label}: ${r.message}` });
            router.refresh();
          }}
        />
      </div>
    </Fold>
  );
}
