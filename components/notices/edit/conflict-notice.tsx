"use client";

import { describeDeadline } from "@/lib/notices/edit-format";
import type { DirectiveSnapshot } from "@/lib/notices/edit-types";
import { ASSIGNMENT_ROLE_LABELS } from "@/lib/notices/labels";
import { Button } from "@/components/ui/button";

/**
 * Someone else changed the directive first: what is stored now, and a way to redo on it.
 * `onOpening`: found when the editor was opened (the page showed an older version), before any save.
 */
export function ConflictNotice({
  current,
  onRedo,
  onOpening = false,
}: {
  current: DirectiveSnapshot;
  onRedo: () => void;
  onOpening?: boolean;
}) {
  return (
    <div
      role="alert"
      className="rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-900"
      data-testid="directive-conflict"
    >
      <p className="font-semibold">Chỉ đạo vừa được người khác sửa. Bản đang lưu hiện nay:</p>
      <dl className="mt-2 grid gap-1 text-slate-800">
        <div>
          <dt className="inline font-medium">Mục: </dt>
          <dd className="inline">
            {current.ref || "—"}
            {current.urgent ? " · Khẩn trương" : ""}
          </dd>
        </div>
        <div>
          <dt className="inline font-medium">Nội dung: </dt>
          <dd className="inline whitespace-pre-line">{current.text}</dd>
        </div>
        <div>
          <dt className="inline font-medium">Thời hạn: </dt>
          <dd className="inline" data-testid="conflict-deadline">
            {describeDeadline(current.deadline)}
          </dd>
        </div>
        <div>
          <dt className="inline font-medium">Cơ quan: </dt>
          <dd className="inline">
            {current.assignments.map((a) => `${a.agencyName} (${ASSIGNMENT_ROLE_LABELS[a.role]})`).join(", ") ||
              "chưa có"}
          </dd>
        </div>
      </dl>
      {onOpening ? (
        <p className="mt-2">
          Trang đang mở hiển thị bản cũ hơn. Các ô bên dưới đã nạp bản đang lưu; bấm nút dưới đây để sửa trên bản mới.
        </p>
      ) : (
        <p className="mt-2">
          Thay đổi của bạn chưa được lưu (vẫn còn trong các ô bên dưới để đối chiếu). Bấm nút dưới đây để nạp bản mới
          vào các ô, rồi sửa lại.
        </p>
      )}
      <Button variant="danger" className="mt-2" onClick={onRedo}>
        Sửa lại trên bản mới
      </Button>
    </div>
  );
}
