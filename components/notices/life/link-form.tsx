"use client";

import { linkNoticeAction, unlinkNoticeAction } from "@/lib/notices/life-actions";
import { ActionForm, SelectField, TextField } from "@/components/ui/action-form";
import { Fold } from "@/components/ui/fold";

/** "Liên kết với thông báo trước": continues or replaces an earlier notice, and what becomes of its open directives. */
export function LinkForm({
  noticeId,
  choices,
  published,
}: {
  noticeId: number;
  /** The recent notices to choose from, or null: a link asks for them (`?lien-ket=1`), the number field works meanwhile. */
  choices: { id: number; label: string; title: string }[] | null;
  published: boolean;
}) {
  const open = [
    { value: "keep", label: "Giữ nguyên các nhiệm vụ của thông báo cũ" },
    ...(published
      ? [
          { value: "move", label: "Chuyển các nhiệm vụ còn mở sang thông báo này" },
          { value: "close", label: "Kết thúc các nhiệm vụ còn mở (thu hồi thông báo cũ vì bị thay thế)" },
        ]
      : []),
  ];
  return (
    // Its form is built when the fold is first opened (or open at once when the choices were asked for).
    <Fold
      className="mt-3 rounded-lg border border-slate-200 bg-white px-3 py-2"
      testId="link-fold"
      initiallyOpen={choices !== null}
      summaryClassName="cursor-pointer text-sm font-medium text-brand-800"
      summary="Liên kết với thông báo trước…"
    >
      <div className="mt-3">
        <ActionForm action={linkNoticeAction} hidden={{ noticeId }} submitLabel="Thêm liên kết" testId="link-notice">
          <div className="grid max-w-3xl gap-3 sm:grid-cols-2">
            <SelectField
              name="kind"
              label="Thông báo này"
              options={[
                { value: "continues", label: "Tiếp tục thông báo trước" },
                { value: "replaces", label: "Thay thế thông báo trước" },
              ]}
            />
            {choices && choices.length > 0 ? (
              <SelectField
                name="targetId"
                label="Thông báo trước"
                options={[
                  { value: "", label: "— Chọn, hoặc nhập số —" },
                  ...choices.map((c) => ({ value: String(c.id), label: `${c.label}: ${c.title}` })),
                ]}
              />
            ) : null}
            <TextField
              name="targetNumber"
              label={choices && choices.length > 0 ? "Hoặc số thông báo" : "Số thông báo trước"}
              hint="Ví dụ: 874/TB-VPUBND"
            />
            {choices === null ? (
              <p className="self-end text-sm sm:col-span-2">
                <a
                  href={`/thong-bao/${noticeId}?lien-ket=1#lien-ket`}
                  className="font-medium text-brand-800 underline"
                  data-testid="link-choices-open"
                >
                  Chọn trong các thông báo gần đây…
                </a>
              </p>
            ) : null}
            <SelectField name="open" label="Các nhiệm vụ còn mở của thông báo trước" options={open} />
          </div>
        </ActionForm>
      </div>
    </Fold>
  );
}

export function UnlinkButton({ linkId }: { linkId: number }) {
  return (
    <ActionForm
      action={unlinkNoticeAction}
      hidden={{ linkId }}
      submitLabel="Bỏ liên kết"
      tone="secondary"
      size="small"
      confirm="Bỏ liên kết này? Nhiệm vụ đã chuyển vẫn ở nguyên chỗ."
    />
  );
}
