"use client";

import {
  addCommentAction,
  answerExplanationAction,
  confirmCompletionAction,
  reportProgressAction,
  requestExplanationAction,
  requestExtensionAction,
  returnCompletionAction,
  startAssignmentAction,
  submitCompletionAction,
} from "@/lib/assignments/actions";
import type { AssignmentStatus } from "@/lib/assignments/status";
import { formatDay } from "@/lib/time/calendar";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ActionForm, DateField, FileField, TextField } from "@/components/ui/action-form";
import { StatusMessage } from "@/components/ui/status-message";
import { ExtensionDecisionForm } from "@/components/assignment/extension-decision-form";
import { UndoForm } from "@/components/assignment/undo-form";

export interface WorkflowPanelProps {
  assignment: AssignmentStatus;
  permissions: {
    work: boolean;
    confirm: boolean;
    decideExtension: boolean;
    comment: boolean;
    requestExplanation: boolean;
  };
  pendingExtension: { id: number; requestedDueOn: string; reason: string; originalDueOn: string | null } | null;
  pendingExplanation: { id: number; message: string; replyDueOn: string; late: boolean } | null;
  periodicLabel: string | null;
  upload: { accept: string; kinds: string };
  today: string;
}

function Section({
  title,
  children,
  open = false,
  testId,
}: {
  title: string;
  children: React.ReactNode;
  open?: boolean;
  testId?: string;
}) {
  return (
    <details
      open={open}
      className="group rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
      data-testid={testId}
    >
      <summary className="cursor-pointer list-none font-semibold text-slate-800 marker:hidden">
        <span className="mr-1 inline-block transition group-open:rotate-90" aria-hidden>
          ›
        </span>
        {title}
      </summary>
      <div className="mt-3">{children}</div>
    </details>
  );
}

/** The steps the signed-in user may take on this assignment now. The server checks each again. */
export function WorkflowPanel({
  assignment: a,
  permissions: p,
  pendingExtension,
  pendingExplanation,
  periodicLabel,
  upload,
  today,
}: WorkflowPanelProps) {
  const router = useRouter();
  // The confirmation, return or extension decision just made here, which its author may take back
  // for a few minutes.
  const [decided, setDecided] = useState<{ version: number; label: string } | null>(null);
  // A step whose form goes away with it (an explanation asked): its message stays here.
  const [said, setSaid] = useState<{ version: number; message: string } | null>(null);
  const target = { assignmentId: a.id, version: a.version };
  const open = a.state !== "completed";
  const sections: React.ReactNode[] = [];
  const overdue = a.state !== "completed" && a.dueOn !== null && a.dueOn < today;

  if (p.work && pendingExplanation) {
    sections.push(
      <div
        key="explain"
        className="grid gap-3 rounded-xl border border-red-300 bg-red-50 p-4"
        data-testid="explanation-answer-section"
      >
        <p className="text-sm text-red-950">
          <span className="font-semibold">Cần giải trình</span> (trả lời trước{" "}
          {formatDay(pendingExplanation.replyDueOn)}
          {pendingExplanation.late ? ", đã quá hạn trả lời" : ""}): {pendingExplanation.message}
        </p>
        <ActionForm
          action={answerExplanationAction}
          hidden={{ explanationId: pendingExplanation.id }}
          submitLabel="Gửi giải trình"
          testId="explanation-answer-form"
        >
          <TextField name="answer" label="Nội dung giải trình" multiline required />
          <FileField
            name="attachment"
            label="Văn bản kèm theo (nếu có)"
            accept={upload.accept}
            hint={`${upload.kinds}; tối đa 10 MB.`}
          />
        </ActionForm>
      </div>,
    );
  }

  if (p.work && a.state === "not_started") {
    sections.push(
      <div key="start" className="rounded-xl border border-brand-100 bg-brand-50 p-4">
        <p className="mb-3 text-sm text-slate-700">
          Nhiệm vụ chưa bắt đầu. Bấm để ghi nhận cơ quan đã triển khai thực hiện.
        </p>
        <ActionForm
          action={startAssignmentAction}
          hidden={target}
          submitLabel="Bắt đầu thực hiện"
          testId="start-form"
        />
      </div>,
    );
  }
  if (p.work && open && a.state !== "submitted") {
    sections.push(
      <Section
        key="report"
        title={periodicLabel ? `Báo cáo kỳ này (${periodicLabel})` : "Báo cáo tiến độ"}
        testId="report-section"
      >
        <ActionForm
          action={reportProgressAction}
          hidden={target}
          submitLabel="Gửi báo cáo tiến độ"
          testId="report-form"
        >
          <TextField name="text" label="Nội dung báo cáo" multiline required />
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField name="evidenceNumber" label="Số văn bản (nếu có)" />
            <DateField name="evidenceDate" label="Ngày văn bản" />
          </div>
          <FileField
            name="attachment"
            label="Tệp đính kèm"
            accept={upload.accept}
            hint={`${upload.kinds}; tối đa 10 MB.`}
          />
        </ActionForm>
      </Section>,
      <Section key="submit" title="Báo cáo hoàn thành" testId="submit-section">
        <ActionForm
          action={submitCompletionAction}
          hidden={target}
          submitLabel="Gửi báo cáo hoàn thành"
          testId="submit-form"
        >
          <TextField name="text" label="Kết quả thực hiện" multiline required />
          <div className="grid gap-3 sm:grid-cols-3">
            <DateField name="completedOn" label="Ngày hoàn thành" required initial={today} />
            <TextField name="evidenceNumber" label="Số văn bản" />
            <DateField name="evidenceDate" label="Ngày văn bản" />
          </div>
          <FileField
            name="attachment"
            label="Tệp đính kèm"
            accept={upload.accept}
            hint={`${upload.kinds}; tối đa 10 MB.`}
          />
        </ActionForm>
      </Section>,
    );
    // A task without a deadline has nothing to extend.
    if (!pendingExtension && a.dueOn) {
      sections.push(
        <Section key="extend" title="Xin gia hạn" testId="extension-section">
          <ActionForm
            action={requestExtensionAction}
            hidden={target}
            submitLabel="Gửi đề nghị gia hạn"
            tone="secondary"
            testId="extension-form"
          >
            <p className="text-sm text-slate-600">
              Thời hạn hiện tại: {formatDay(a.dueOn)}. Thời hạn gốc của thông báo luôn được giữ lại.
            </p>
            <DateField name="requestedDueOn" label="Đề nghị gia hạn đến ngày" required />
            <TextField name="reason" label="Lý do" multiline required />
          </ActionForm>
        </Section>,
      );
    }
  }
  if (p.confirm && a.state === "submitted") {
    sections.push(
      <div
        key="confirm"
        className="grid gap-3 rounded-xl border border-amber-300 bg-amber-50 p-4"
        data-testid="confirm-section"
      >
        <p className="text-sm font-medium text-amber-900">
          Cơ quan đã báo cáo hoàn thành{a.completedOn ? ` ngày ${formatDay(a.completedOn)}` : ""}: kiểm tra kết quả rồi
          xác nhận hoặc trả lại.
        </p>
        <ActionForm
          action={confirmCompletionAction}
          hidden={target}
          submitLabel="Xác nhận hoàn thành"
          confirm="Xác nhận nhiệm vụ đã hoàn thành?"
          testId="confirm-form"
          onSuccess={(r) => {
            setDecided({ version: r.assignment.version, label: "Đã xác nhận hoàn thành." });
            router.refresh();
          }}
        />
        <Section title="Trả lại, yêu cầu bổ sung">
          <ActionForm
            action={returnCompletionAction}
            hidden={target}
            submitLabel="Trả lại"
            tone="danger"
            confirm="Trả lại kết quả cho cơ quan?"
            testId="return-form"
            onSuccess={(r) => {
              setDecided({ version: r.assignment.version, label: "Đã trả lại kết quả cho cơ quan." });
              router.refresh();
            }}
          >
            <TextField name="reason" label="Lý do trả lại" multiline required />
          </ActionForm>
        </Section>
      </div>,
    );
  }
  if (p.decideExtension && pendingExtension) {
    sections.push(
      <div
        key="decide"
        className="grid gap-3 rounded-xl border border-sky-300 bg-sky-50 p-4"
        data-testid="decide-section"
      >
        <p className="text-sm text-sky-950">
          <span className="font-medium">Đề nghị gia hạn đến {formatDay(pendingExtension.requestedDueOn)}</span>
          {pendingExtension.originalDueOn ? ` (hạn đang áp dụng ${formatDay(pendingExtension.originalDueOn)})` : ""}. Lý
          do: {pendingExtension.reason}
        </p>
        <ExtensionDecisionForm
          extensionId={pendingExtension.id}
          version={a.version}
          testId="decide-form"
          onSuccess={(r) => {
            // The section goes with the pending request: its message stays in the undo box.
            setDecided({ version: r.assignment.version, label: r.message });
            router.refresh();
          }}
        />
      </div>,
    );
  }
  if (p.requestExplanation && overdue && !pendingExplanation) {
    sections.push(
      <Section key="ask-explanation" title="Yêu cầu giải trình" testId="explanation-request-section">
        <ActionForm
          action={requestExplanationAction}
          hidden={target}
          submitLabel="Gửi yêu cầu giải trình"
          tone="secondary"
          testId="explanation-request-form"
          onSuccess={(r) => {
            setSaid({ version: a.version + 1, message: r.message });
            router.refresh();
          }}
        >
          <p className="text-sm text-slate-600">
            Nhiệm vụ đã quá hạn từ {formatDay(a.dueOn)}. Cơ quan sẽ được thông báo và trả lời trong thời gian đặt ra.
          </p>
          <TextField
            name="message"
            label="Nội dung yêu cầu"
            multiline
            required
            defaultValue="Đề nghị báo cáo, giải trình lý do chậm thực hiện nhiệm vụ và thời gian hoàn thành."
          />
          <TextField name="workingDays" label="Thời gian trả lời (ngày làm việc)" defaultValue="3" required />
        </ActionForm>
      </Section>,
    );
  }
  if (p.comment) {
    sections.push(
      <Section key="comment" title="Gửi ý kiến trao đổi" testId="comment-section">
        <ActionForm
          action={addCommentAction}
          hidden={{ assignmentId: a.id }}
          submitLabel="Gửi ý kiến"
          tone="secondary"
          testId="comment-form"
        >
          <TextField name="body" label="Ý kiến" multiline required />
        </ActionForm>
      </Section>,
    );
  }
  if (decided && a.version === decided.version)
    sections.unshift(<UndoForm key="undo" assignmentId={a.id} version={decided.version} label={decided.label} />);
  if (said && a.version === said.version)
    sections.unshift(
      <StatusMessage key="said" tone="ok" testId="workflow-message" className="rounded-xl bg-emerald-50 px-4 py-3">
        {said.message}
      </StatusMessage>,
    );
  if (sections.length === 0) return null;
  return <div className="grid gap-3">{sections}</div>;
}
