"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { cancelIntakeJobAction, proposeFromJobAction, proposeNoticeAction } from "@/lib/intake/actions";
import type { JobResult, JobView } from "@/lib/intake/jobs";
import type { Proposal } from "@/lib/intake/service";
import { callAction } from "@/lib/validation/call-action";
import { Button } from "@/components/ui/button";
import { FilePicker } from "@/components/ui/file-picker";
import { Textarea } from "@/components/ui/input";
import { StatusMessage } from "@/components/ui/status-message";

export type ScanReview = JobResult & { jobId: number };

const ACCEPT = ".txt,.md,.docx,.pdf,.jpg,.jpeg,.png,.tif,.tiff,.edxml,.xml";
const POLL_MS = 1000;

/**
 * The intake's first step: paste the text or choose a file. A scan or photo is recognised on the
 * server as a job; this shows its progress page by page, lets the secretariat cancel, and hands
 * the proposal on once it is read.
 */
export function IntakeInput({
  initialText,
  onProposal,
}: {
  initialText: string;
  onProposal: (proposal: Proposal, scan: ScanReview | null) => void;
}) {
  const [text, setText] = useState(initialText);
  const [file, setFile] = useState<File | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [job, setJob] = useState<JobView | null>(null);
  const [pending, startTransition] = useTransition();

  function analyse() {
    const form = new FormData();
    if (file) form.set("file", file);
    form.set("text", text);
    setMessage(null);
    startTransition(async () => {
      const result = await callAction(() => proposeNoticeAction(null, form));
      if (!result.ok) return setMessage(result.message);
      if (result.job) setJob(result.job);
      else if (result.proposal) onProposal(result.proposal, null);
    });
  }

  if (job) {
    return (
      <JobProgress
        job={job}
        onChange={setJob}
        onDone={(proposal, scan) => onProposal(proposal, scan)}
        onStop={(why) => {
          setJob(null);
          setMessage(why);
        }}
      />
    );
  }

  return (
    <section className="grid gap-4 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
      <div>
        <label htmlFor="noi-dung-thong-bao" className="block font-medium">
          Dán nội dung thông báo
        </label>
        <p className="text-sm text-slate-600">
          Có thể dán văn bản đã nhận dạng chữ (OCR); hệ thống tự đề xuất các nhiệm vụ, cơ quan và thời hạn để bạn kiểm
          tra.
        </p>
        <Textarea
          id="noi-dung-thong-bao"
          rows={14}
          className="mt-2 font-mono"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="THÔNG BÁO Kết luận của …"
        />
      </div>
      <div>
        <label htmlFor="tep-thong-bao" className="block font-medium">
          hoặc tải lên tệp
        </label>
        <p id="tep-thong-bao-goi-y" className="text-sm text-slate-600">
          Văn bản .txt, .docx, .pdf; bản quét hoặc ảnh chụp (.pdf quét, .jpg, .png, .tif) được nhận dạng chữ tự động;
          gói văn bản điện tử edXML. Tối đa 10 MB.
        </p>
        <FilePicker
          id="tep-thong-bao"
          accept={ACCEPT}
          file={file}
          onChange={setFile}
          disabled={pending}
          describedBy="tep-thong-bao-goi-y"
        />
      </div>
      <StatusMessage tone={message ? "error" : null} urgent className="min-h-5">
        {message}
      </StatusMessage>
      <div>
        <Button pending={pending} pendingLabel="Đang phân tích…" disabled={!text.trim() && !file} onClick={analyse}>
          Phân tích văn bản
        </Button>
      </div>
    </section>
  );
}

function progressLine(job: JobView): string {
  const p = job.progress;
  if (job.status === "cancelled") return "Đã hủy nhận dạng chữ.";
  if (!p || (p.phase === "queued" && p.ahead === 0)) return "Đang chuẩn bị nhận dạng…";
  if (p.phase === "queued") return `Đang chờ lượt: ${p.ahead} tệp khác đang được nhận dạng trước.`;
  if (p.phase === "rendering") return `Đang chuẩn bị ảnh trang ${p.page}/${p.pages}…`;
  if (p.phase === "recognising") return `Đang nhận dạng chữ trang ${p.page}/${p.pages}…`;
  return `Đã nhận dạng xong ${p.pages} trang, đang phân tích văn bản…`;
}

function JobProgress({
  job,
  onChange,
  onDone,
  onStop,
}: {
  job: JobView;
  onChange: (job: JobView) => void;
  onDone: (proposal: Proposal, scan: ScanReview) => void;
  onStop: (why: string) => void;
}) {
  const [cancelling, startCancel] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const finishing = useRef(false);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), []);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      try {
        const res = await fetch(`/api/nhap-thong-bao/${job.id}`, { cache: "no-store" });
        if (!res.ok) throw new Error(await res.text());
        const view = (await res.json()) as JobView;
        if (stopped) return;
        setError(null);
        onChange(view);
        if (view.status === "failed") return onStop(view.error ?? "Không nhận dạng được tệp.");
        if (view.status === "cancelled") return onStop("Đã hủy nhận dạng chữ. Bạn có thể chọn tệp khác.");
        if (view.status === "done" && !finishing.current) {
          finishing.current = true;
          const result = await callAction(() => proposeFromJobAction({ jobId: job.id }));
          if (stopped) return;
          if (result.ok) onDone(result.proposal, result.scan);
          else onStop(result.message);
          return;
        }
      } catch {
        if (!stopped) setError("Mất kết nối với máy chủ, đang thử lại…");
      }
      if (!stopped) timer = setTimeout(() => void poll(), POLL_MS);
    };
    timer = setTimeout(() => void poll(), POLL_MS / 2);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
    // The poll follows one job; its callbacks are the parent's setters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [job.id]);

  const p = job.progress;
  const fraction =
    p && (p.phase === "rendering" || p.phase === "recognising")
      ? (p.page - (p.phase === "recognising" ? 0.5 : 1)) / p.pages
      : p?.phase === "done"
        ? 1
        : 0;

  return (
    <section
      className="grid gap-4 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm"
      aria-labelledby="nhan-dang-tieu-de"
      data-testid="ocr-progress"
    >
      <div>
        <h2 id="nhan-dang-tieu-de" ref={heading} tabIndex={-1} className="font-semibold outline-none">
          Đang nhận dạng chữ: {job.fileName}
        </h2>
        <p className="text-sm text-slate-600">
          Bản quét được nhận dạng trên máy chủ, mỗi trang khoảng 5–15 giây. Vui lòng giữ trang này mở; xong sẽ tự chuyển
          sang bước kiểm tra.
        </p>
      </div>
      <div>
        <div
          role="progressbar"
          aria-label="Tiến độ nhận dạng"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(fraction * 100)}
          className="h-2 overflow-hidden rounded-full bg-slate-200"
        >
          <div
            className="h-full rounded-full bg-brand-700 transition-all"
            style={{ width: `${Math.max(3, fraction * 100)}%` }}
          />
        </div>
        <p className="mt-2 text-sm text-slate-800" aria-live="polite" data-testid="ocr-progress-line">
          {progressLine(job)}
        </p>
        {error ? <p className="text-sm text-amber-800">{error}</p> : null}
      </div>
      <div>
        <Button
          variant="secondary"
          pending={cancelling}
          pendingLabel="Đang hủy…"
          onClick={() =>
            startCancel(async () => {
              const result = await callAction(() => cancelIntakeJobAction({ jobId: job.id }));
              if (!result.ok) setError(result.message);
              else onChange(result.job);
            })
          }
        >
          Hủy nhận dạng
        </Button>
      </div>
    </section>
  );
}
