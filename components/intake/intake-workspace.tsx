"use client";

import { callAction } from "@/lib/validation/call-action";
import { fieldErrorsOf, firstErrors } from "@/lib/validation/field-errors";

import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import { confirmNoticeAction } from "@/lib/intake/actions";
import type { DuplicateNotice } from "@/lib/intake/duplicates";
import type { Proposal } from "@/lib/intake/service";
import * as model from "@/lib/intake/review-model";
import { ZReviewedDraft } from "@/lib/notices/draft";
import { formatDay } from "@/lib/time/calendar";
import { DirectiveEditor } from "@/components/intake/directive-editor";
import { NewAgenciesPanel } from "@/components/intake/new-agencies-panel";
import { NoticeFields } from "@/components/intake/notice-fields";
import { IntakeInput, type ScanReview } from "@/components/intake/intake-input";
import { ScanSource } from "@/components/intake/scan-source";
import { SourceLegend, SourcePanel } from "@/components/intake/source-panel";
import { Button } from "@/components/ui/button";
import { StatusMessage } from "@/components/ui/status-message";

const DUPLICATE_REASONS: Record<DuplicateNotice["reason"], string> = {
  same_text: " (trùng toàn bộ nội dung)",
  same_number_and_date: " (trùng số và ngày)",
  same_directives: " (cùng ngày, gần như cùng các nhiệm vụ)",
};

export function IntakeWorkspace() {
  const [proposal, setProposal] = useState<Proposal | null>(null);
  const [scan, setScan] = useState<ScanReview | null>(null);
  if (proposal) return <Review proposal={proposal} scan={scan} onBack={() => setProposal(null)} />;
  return (
    <IntakeInput
      initialText=""
      onProposal={(p, s) => {
        setProposal(p);
        setScan(s);
      }}
    />
  );
}

function Review({ proposal, scan, onBack }: { proposal: Proposal; scan: ScanReview | null; onBack: () => void }) {
  const router = useRouter();
  const [state, setState] = useState(() => model.initialState(proposal.draft, proposal.spans));
  const [active, setActive] = useState(0);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [duplicates, setDuplicates] = useState<DuplicateNotice[]>(proposal.duplicates);
  const [acknowledged, setAcknowledged] = useState(false);
  const [pending, startTransition] = useTransition();
  const registry = proposal.registry;
  const newNames = model.newAgencyNames(state);
  const highlights = useMemo(() => state.directives[active]?.highlights ?? [], [state.directives, active]);

  function save(publish: boolean) {
    const draft = model.toDraft(state);
    const parsed = ZReviewedDraft.safeParse(draft);
    if (!parsed.success) {
      setErrors(firstErrors(fieldErrorsOf(parsed.error.issues)));
      setMessage("Còn thông tin chưa hợp lệ, xem các ô được đánh dấu đỏ.");
      return;
    }
    setErrors({});
    setMessage(null);
    startTransition(async () => {
      const result = await callAction(() =>
        confirmNoticeAction({
          sourceText: proposal.sourceText,
          sourceFileId: proposal.sourceFileId,
          draft,
          acceptedNewAgencies: state.accepted,
          acknowledgeDuplicates: acknowledged,
          publish,
        }),
      );
      if (result.ok) {
        router.push(`/thong-bao/${result.noticeId}`);
        return;
      }
      setMessage(result.message);
      // The server's field messages are keyed by the whole input ("draft.directives.2.deadline.dueOn").
      const fields = firstErrors(result.fieldErrors);
      setErrors(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k.replace(/^draft\./, ""), v])));
      if (result.duplicates) setDuplicates(result.duplicates);
    });
  }

  const cmd = (i: number) => ({
    update: (patch: Parameters<typeof model.updateDirective>[2]) => setState((s) => model.updateDirective(s, i, patch)),
    move: (by: -1 | 1) => {
      setState((s) => model.moveDirective(s, i, by));
      setActive(i + by);
    },
    remove: () => setState((s) => model.removeDirective(s, i)),
    split: (at: number) => setState((s) => model.splitDirective(s, i, at)),
    mergeNext: () => setState((s) => model.mergeWithNext(s, i)),
    addAfter: () => setState((s) => model.addDirective(s, i)),
    addAgency: (name: string, role: "lead" | "support") =>
      setState((s) => model.addAssignments(s, i, model.assignmentsFor(registry, name, role))),
  });

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,5fr)_minmax(0,7fr)]">
      <aside className="lg:sticky lg:top-4 lg:h-[calc(100dvh-2rem)]">
        {scan ? (
          <ScanSource proposal={proposal} scan={scan} highlights={highlights} />
        ) : (
          <>
            <div className="mb-2 flex items-center justify-between gap-2">
              <h2 className="font-semibold">Văn bản gốc</h2>
              <SourceLegend />
            </div>
            <div className="h-80 lg:h-[calc(100%-2.5rem)]">
              <SourcePanel text={proposal.sourceText} highlights={highlights} />
            </div>
          </>
        )}
      </aside>

      <div className="grid content-start gap-4">
        {proposal.warnings.length > 0 ? (
          <section className="rounded-xl border border-amber-300 bg-amber-50 p-4" aria-labelledby="canh-bao">
            <h2 id="canh-bao" className="font-semibold text-amber-900">
              Cần kiểm tra ({proposal.warnings.length})
            </h2>
            <ul className="mt-2 list-disc pl-5 text-sm text-amber-900" data-testid="warnings">
              {proposal.warnings.map((w, i) => (
                <li key={i}>
                  {w.message}
                  {w.line ? ` (dòng ${w.line})` : ""}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {duplicates.length > 0 ? (
          <section className="rounded-xl border border-red-300 bg-red-50 p-4" role="alert">
            <h2 className="font-semibold text-red-900">Thông báo này có thể đã được nhập</h2>
            <ul className="mt-1 list-disc pl-5 text-sm text-red-900">
              {duplicates.map((d) => (
                <li key={d.id}>
                  <a className="underline" href={`/thong-bao/${d.id}`} target="_blank" rel="noreferrer">
                    {d.number ?? "Không số"}
                    {d.issuedOn ? ` ngày ${formatDay(d.issuedOn)}` : ""}: {d.title}
                  </a>
                  {DUPLICATE_REASONS[d.reason]}
                </li>
              ))}
            </ul>
            <label className="mt-2 flex items-center gap-2 text-sm font-medium text-red-900">
              <input
                type="checkbox"
                className="size-4"
                checked={acknowledged}
                onChange={(e) => setAcknowledged(e.target.checked)}
              />
              Tôi đã kiểm tra, vẫn lưu thông báo này
            </label>
          </section>
        ) : null}

        <NoticeFields
          notice={state.notice}
          errors={errors}
          onChange={(patch) => setState((s) => model.updateNotice(s, patch))}
        />
        <NewAgenciesPanel
          names={newNames}
          accepted={state.accepted}
          agencyNames={registry.agencies.map((a) => a.name)}
          onAccept={(n, yes) => setState((s) => model.setAccepted(s, n, yes))}
          onRename={(from, to) => setState((s) => model.renameAgency(s, registry, from, to))}
        />

        <h2 className="mt-2 text-lg font-semibold">Các nhiệm vụ đề xuất ({state.directives.length})</h2>
        {state.directives.length === 0 ? (
          <Button variant="secondary" onClick={() => setState((s) => model.addDirective(s, -1))}>
            Thêm nhiệm vụ
          </Button>
        ) : null}
        <ol className="grid gap-3">
          {state.directives.map((d, i) => (
            <li key={d.key}>
              <DirectiveEditor
                directive={d}
                index={i}
                count={state.directives.length}
                active={i === active}
                registry={registry}
                errors={errors}
                onFocus={() => setActive(i)}
                commands={cmd(i)}
              />
            </li>
          ))}
        </ol>

        <div className="sticky bottom-0 z-10 -mx-4 flex flex-wrap items-center gap-3 border-t border-slate-200 bg-white/95 px-4 py-3 backdrop-blur">
          <StatusMessage tone={message ? "error" : null} urgent testId="intake-message" className="w-full empty:hidden">
            {message}
          </StatusMessage>
          <Button pending={pending} pendingLabel="Đang lưu…" onClick={() => save(true)}>
            Xác nhận và ban hành
          </Button>
          <Button variant="secondary" disabled={pending} onClick={() => save(false)}>
            Lưu bản nháp
          </Button>
          <button
            type="button"
            className="ml-auto text-sm text-slate-600 underline"
            onClick={onBack}
            disabled={pending}
          >
            Quay lại sửa văn bản
          </button>
        </div>
      </div>
    </div>
  );
}
