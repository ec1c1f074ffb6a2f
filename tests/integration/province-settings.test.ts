import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSessionUser } from "@/lib/auth/credentials";
import { ConflictError, ForbiddenError } from "@/lib/errors";
import { provinceSettings, settingsKey, updateProvinceSettings, ZProvinceSettings } from "@/lib/provinces/settings";
import { computeDigests } from "@/lib/reminders/run";
import { seedDemo } from "@/prisma/seed/demo";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

// A province administrator sets when reminders go; the reminder run follows it at once; a change
// made meanwhile by someone else is refused; nobody else may change it.

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.prisma, () => {});
});
afterAll(async () => {
  await t?.drop();
});

const user = async (username: string) => {
  const row = await t.prisma.user.findUniqueOrThrow({ where: { username }, select: { id: true } });
  return (await loadSessionUser(t.prisma, row.id))!;
};

describe("a province's reminder settings", () => {
  it("start at 7, 3 and 0 days before and weekly while overdue; the administrator changes them", async () => {
    const admin = await user("longan.quantri");
    const current = await provinceSettings(t.prisma, admin);
    expect(current).toMatchObject({
      reminderDaysBefore: [7, 3, 0],
      overdueReminderEveryDays: 7,
      ongoingReportPeriod: "monthly",
    });
    const input = ZProvinceSettings.parse({
      reminderDaysBefore: "1, 5 ,0,5",
      overdueReminderEveryDays: "3",
      ongoingReportPeriod: "quarterly",
      scoreLateCredit: "0,5",
      scorePenaltyPerDay: "0.1",
      scorePenaltyCap: "20",
      seen: settingsKey(current),
    });
    await updateProvinceSettings(t.prisma, admin, input);
    expect(await provinceSettings(t.prisma, admin)).toMatchObject({
      reminderDaysBefore: [5, 1, 0],
      overdueReminderEveryDays: 3,
      ongoingReportPeriod: "quarterly",
    });
    // The reminder run follows it: every overdue line is a multiple of 3 days late.
    const province = (await t.prisma.province.findUniqueOrThrow({ where: { name: "Long An" }, select: { id: true } }))
      .id;
    let seen = 0;
    for (const day of ["2021-06-10", "2021-06-14", "2021-06-15", "2021-06-16", "2021-06-18", "2021-06-21"]) {
      const lines = (await computeDigests(t.prisma, day, province)).flatMap((d) => d.lines);
      seen += lines.length;
      for (const l of lines) {
        const days = (Date.parse(l.dueOn) - Date.parse(day)) / 86_400_000;
        if (days < 0) expect(-days % 3).toBe(0);
        else expect([5, 1, 0]).toContain(days);
      }
    }
    expect(seen).toBeGreaterThan(0);
    const audit = await t.prisma.auditLog.findFirstOrThrow({ where: { action: "province.settings" } });
    expect(audit.after).toMatchObject({ reminderDaysBefore: [5, 1, 0] });

    // A second form opened before that change is refused, storing nothing.
    await expect(
      updateProvinceSettings(t.prisma, admin, { ...input, seen: settingsKey(current) }),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  it("refuses bad values with Vietnamese messages, and everyone but the administrator", async () => {
    const bad = ZProvinceSettings.safeParse({
      reminderDaysBefore: "7; ba",
      overdueReminderEveryDays: "-1",
      ongoingReportPeriod: "x",
      scoreLateCredit: "1,5",
      scorePenaltyPerDay: "nhiều",
      scorePenaltyCap: "",
      seen: "",
    });
    expect(bad.success).toBe(false);
    const messages = bad.error!.issues.map((i) => i.message).join(" ");
    expect(messages).toContain("Nhập các số ngày cách nhau bằng dấu phẩy");
    expect(messages).toContain("Số ngày không được âm.");
    expect(messages).toContain("Hệ số cho việc hoàn thành trễ hạn phải từ 0 đến 1.");
    expect(messages).toContain("Vui lòng nhập số điểm trừ mỗi ngày quá hạn");
    expect(messages).toContain("Vui lòng nhập mức trừ tối đa");
    for (const login of ["longan.vanphong", "longan.chutich", "longan.syt"]) {
      await expect(provinceSettings(t.prisma, await user(login))).rejects.toBeInstanceOf(ForbiddenError);
    }
  });
});
