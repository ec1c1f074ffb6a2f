import "server-only";
import { z } from "zod";
import { audit } from "@/lib/audit/log";
import { authorize } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/user";
import type { Db } from "@/lib/db/client";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { MAX_DAYS_BEFORE } from "@/lib/reminders/message";

// A province's own settings, kept by its administrator: when reminders go (days before a deadline,
// 0 being the due day, then every so many days while overdue), how often ongoing tasks report, and
// the weights of the ranking's score (published periods keep the formula they were frozen with).
// The form sends the values it showed (`seen`); a change made meanwhile by someone else is refused.

export const ONGOING_PERIODS = { weekly: "Hằng tuần", monthly: "Hằng tháng", quarterly: "Hằng quý" } as const;

export interface ProvinceSettings {
  reminderDaysBefore: number[];
  overdueReminderEveryDays: number;
  ongoingReportPeriod: keyof typeof ONGOING_PERIODS;
  /** The ranking's score formula (lib/ranking/score.ts). */
  scoreLateCredit: number;
  scorePenaltyPerDay: number;
  scorePenaltyCap: number;
}

export function settingsKey(s: ProvinceSettings): string {
  return [
    s.reminderDaysBefore.join(","),
    s.overdueReminderEveryDays,
    s.ongoingReportPeriod,
    s.scoreLateCredit,
    s.scorePenaltyPerDay,
    s.scorePenaltyCap,
  ].join("|");
}

/** A decimal as Vietnamese write it ("0,5") or with a point, within bounds. */
function decimal(what: string, min: number, max: number) {
  return z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : v.trim().replace(",", ".")) : v),
    z.coerce
      .number({ error: `Vui lòng nhập ${what} (một số, ví dụ 0,5).` })
      .refine(Number.isFinite, `Vui lòng nhập ${what} (một số, ví dụ 0,5).`)
      .refine(
        (n) => n >= min && n <= max,
        `${what.charAt(0).toUpperCase()}${what.slice(1)} phải từ ${String(min).replace(".", ",")} đến ${String(max).replace(".", ",")}.`,
      ),
  );
}

const ZDays = z.preprocess(
  (v) => (typeof v === "string" ? v : ""),
  z
    .string()
    .trim()
    .regex(/^(\d{1,2}\s*(,\s*|$))*$/, "Nhập các số ngày cách nhau bằng dấu phẩy, ví dụ: 7, 3, 0.")
    .transform((s) =>
      [
        ...new Set(
          s
            .split(",")
            .map((x) => x.trim())
            .filter(Boolean)
            .map(Number),
        ),
      ].sort((a, b) => b - a),
    )
    .refine((days) => days.every((d) => d <= MAX_DAYS_BEFORE), `Mỗi số ngày tối đa ${MAX_DAYS_BEFORE}.`)
    .refine((days) => days.length <= 10, "Tối đa 10 lần nhắc trước thời hạn."),
);

export const ZProvinceSettings = z.object({
  reminderDaysBefore: ZDays,
  overdueReminderEveryDays: z.preprocess(
    (v) => (v === "" || v == null ? undefined : v),
    z.coerce
      .number({ error: "Vui lòng nhập số ngày (0 để không nhắc khi quá hạn)." })
      .int("Số ngày phải là số nguyên.")
      .min(0, "Số ngày không được âm.")
      .max(90, "Tối đa 90 ngày."),
  ),
  ongoingReportPeriod: z.enum(["weekly", "monthly", "quarterly"], { error: "Vui lòng chọn kỳ báo cáo." }),
  scoreLateCredit: decimal("hệ số cho việc hoàn thành trễ hạn", 0, 1),
  scorePenaltyPerDay: decimal("số điểm trừ mỗi ngày quá hạn", 0, 10),
  scorePenaltyCap: decimal("mức trừ tối đa", 0, 100),
  seen: z.string().max(200),
});
export type ProvinceSettingsInput = z.output<typeof ZProvinceSettings>;

export async function provinceSettings(db: Db, user: SessionUser): Promise<ProvinceSettings & { name: string }> {
  if (user.provinceId === null) throw new NotFoundError("Tỉnh");
  authorize(user, "province.configure", { provinceId: user.provinceId });
  const p = await db.province.findUniqueOrThrow({
    where: { id: user.provinceId },
    select: {
      name: true,
      reminderDaysBefore: true,
      overdueReminderEveryDays: true,
      ongoingReportPeriod: true,
      scoreLateCredit: true,
      scorePenaltyPerDay: true,
      scorePenaltyCap: true,
    },
  });
  const period = p.ongoingReportPeriod in ONGOING_PERIODS ? p.ongoingReportPeriod : "monthly";
  return { ...p, ongoingReportPeriod: period as ProvinceSettings["ongoingReportPeriod"] };
}

export async function updateProvinceSettings(db: Db, user: SessionUser, input: ProvinceSettingsInput): Promise<void> {
  const current = await provinceSettings(db, user);
  if (settingsKey(current) !== input.seen)
    throw new ConflictError("Cài đặt vừa được người khác thay đổi. Vui lòng tải lại trang và nhập lại.");
  const next: ProvinceSettings = {
    reminderDaysBefore: input.reminderDaysBefore,
    overdueReminderEveryDays: input.overdueReminderEveryDays,
    ongoingReportPeriod: input.ongoingReportPeriod,
    scoreLateCredit: input.scoreLateCredit,
    scorePenaltyPerDay: input.scorePenaltyPerDay,
    scorePenaltyCap: input.scorePenaltyCap,
  };
  await db.$transaction(async (tx) => {
    await tx.province.update({ where: { id: user.provinceId! }, data: next });
    await audit(tx, {
      provinceId: user.provinceId,
      actorId: user.id,
      action: "province.settings",
      entityType: "Province",
      entityId: user.provinceId!,
      before: {
        reminderDaysBefore: current.reminderDaysBefore,
        overdueReminderEveryDays: current.overdueReminderEveryDays,
        ongoingReportPeriod: current.ongoingReportPeriod,
        scoreLateCredit: current.scoreLateCredit,
        scorePenaltyPerDay: current.scorePenaltyPerDay,
        scorePenaltyCap: current.scorePenaltyCap,
      },
      after: next,
    });
  });
}
