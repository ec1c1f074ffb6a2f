import "server-only";
import type { SessionUser } from "@/lib/auth/user";
import type { Db } from "@/lib/db/client";
import type { ExportDocument } from "@/lib/exports/table";
import { ranking, rankChange } from "@/lib/ranking/figures";
import type { Period } from "@/lib/ranking/periods";
import { formulaText } from "@/lib/ranking/score";
import { formatDay, vietnamDay } from "@/lib/time/calendar";

// The ranking of a period as an export document (XLSX, CSV, PDF through lib/exports): the same
// columns as the /xep-hang table.

export async function rankingDocument(db: Db, user: SessionUser, p: Period, today: string): Promise<ExportDocument> {
  const r = await ranking(db, user, p, today);
  const province = user.provinceId
    ? (await db.province.findUnique({ where: { id: user.provinceId }, select: { name: true } }))?.name
    : undefined;
  return {
    title: `Kết quả thực hiện nhiệm vụ và xếp hạng – ${p.label}${province ? ` – tỉnh ${province}` : ""}`,
    notes: [
      `Kỳ: ${p.label}, từ ${formatDay(p.start)} đến ${formatDay(p.end)}; số liệu tính đến ngày ${formatDay(r.asOf)}${r.published ? ` (đã công bố ngày ${formatDay(vietnamDay(r.published.publishedAt))}, số liệu đã chốt)` : ""}.`,
      `So sánh thứ hạng với ${r.previous.label}.`,
      formulaText(r.formula),
    ],
    sheets: [
      {
        name: "Xếp hạng",
        title: `Xếp hạng ${p.label}`,
        columns: [
          { header: "Hạng", width: 6, kind: "number" },
          { header: "Thay đổi", width: 9 },
          { header: "Cơ quan, đơn vị", width: 40 },
          { header: "Được giao", width: 10, kind: "number" },
          { header: "Đúng hạn", width: 10, kind: "number" },
          { header: "Trễ hạn", width: 10, kind: "number" },
          { header: "Đang làm", width: 10, kind: "number" },
          { header: "Quá hạn", width: 10, kind: "number" },
          { header: "Số ngày quá hạn", width: 12, kind: "number" },
          { header: "Tỷ lệ đúng hạn", width: 12, kind: "percent" },
          { header: "Điểm", width: 8, kind: "number" },
        ],
        rows: r.rows.map((x) => [
          x.rank,
          rankChange(x),
          x.name,
          x.assigned,
          x.completedOnTime,
          x.completedLate,
          x.onTrack,
          x.overdue,
          x.overdueDays,
          x.onTimeRate,
          x.score,
        ]),
      },
    ],
  };
}
