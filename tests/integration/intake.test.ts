import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencyBoard } from "@/lib/assignments/board";
import { loadSessionUser } from "@/lib/auth/credentials";
import type { SessionUser } from "@/lib/auth/user";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { confirmNotice, DuplicateNoticeError, proposeNotice } from "@/lib/intake/service";
import { getNotice } from "@/lib/notices/queries";
import { seedDemo, seedSourceText } from "@/prisma/seed/demo";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

let t: TestDatabase;
const user = async (username: string): Promise<SessionUser> =>
  (await loadSessionUser(t.prisma, (await t.prisma.user.findUniqueOrThrow({ where: { username } })).id))!;
const count = async () => ({
  notices: await t.prisma.notice.count(),
  assignments: await t.prisma.assignment.count(),
  agencies: await t.prisma.agency.count(),
});

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.prisma, () => {});
});
afterAll(async () => t?.drop());

describe("notice intake", () => {
  it("proposes the Long An notice against the province's own registry, and flags it as already stored", async () => {
    const p = await proposeNotice(t.prisma, await user("longan.vanphong"), seedSourceText("002_8df910bebcacd667.txt"));
    expect(p.draft.notice.number?.replace(/\s/g, "")).toBe("875/TB-VPUBND");
    expect(p.registry.province).toBe("Long An");
    expect(p.draft.directives.length).toBeGreaterThan(15);
    expect(p.duplicates.map((d) => d.reason)).toContain("same_text");
  });

  it("refuses to store a duplicate until the secretariat acknowledges it, then stores it", async () => {
    const sec = await user("longan.vanphong");
    const p = await proposeNotice(t.prisma, sec, seedSourceText("002_8df910bebcacd667.txt"));
    const before = await count();
    const input = {
      sourceText: p.sourceText,
      draft: p.draft,
      acceptedNewAgencies: [],
      acknowledgeDuplicates: false,
      publish: true,
    };
    await expect(confirmNotice(t.prisma, sec, input)).rejects.toThrow(DuplicateNoticeError);
    expect(await count()).toEqual(before);
    const id = await confirmNotice(t.prisma, sec, { ...input, acknowledgeDuplicates: true });
    const stored = await getNotice(t.prisma, sec, id);
    expect(stored.directives).toHaveLength(p.draft.directives.length);
    expect((await count()).notices).toBe(before.notices + 1);
  });

  it("stores a notice of an unseen shape with an accepted new agency, which then has a board", async () => {
    const sec = await user("laichau.vanphong");
    const text = [
      "UBND TỈNH LAI CHÂU",
      "Số: 99/TB-UBND",
      "Lai Châu, ngày 05 tháng 10 năm 2021",
      "THÔNG BÁO",
      "Kết luận của Chủ tịch UBND tỉnh",
      "1. Giao Sở Y tế chủ trì, phối hợp với Hội Chữ thập đỏ tỉnh tổ chức tiêm vắc xin lưu động, hoàn thành trước ngày 20/10/2021.",
      "2. Công an tỉnh tăng cường kiểm soát các chốt.",
      "Nơi nhận:",
      "- Như trên;",
    ].join("\n");
    const p = await proposeNotice(t.prisma, sec, text);
    const redCross = p.draft.directives.flatMap((d) => d.assignments).find((a) => a.isNew);
    expect(redCross?.agency).toMatch(/Chữ thập đỏ/);
    const base = { sourceText: p.sourceText, draft: p.draft, acknowledgeDuplicates: false, publish: true };
    await expect(confirmNotice(t.prisma, sec, { ...base, acceptedNewAgencies: [] })).rejects.toThrow(ValidationError);
    const id = await confirmNotice(t.prisma, sec, { ...base, acceptedNewAgencies: [redCross!.agency] });
    const agency = await t.prisma.agency.findFirstOrThrow({
      where: { name: redCross!.agency, province: { name: "Lai Châu" } },
    });
    const board = await agencyBoard(t.prisma, sec, agency.id);
    expect(board.items.map((i) => [i.notice.id, i.role, i.dueOn])).toEqual([[id, "support", "2021-10-19"]]);
  });

  it("lets only the secretariat of the province enter notices", async () => {
    const text = seedSourceText("000_ec265b00dddae054.txt");
    await expect(proposeNotice(t.prisma, await user("langson.chutich"), text)).rejects.toThrow(ForbiddenError);
    await expect(proposeNotice(t.prisma, await user("langson.syt"), text)).rejects.toThrow(ForbiddenError);
    const p = await proposeNotice(t.prisma, await user("langson.vanphong"), text);
    const before = await count();
    await expect(
      confirmNotice(t.prisma, await user("langson.huyen"), {
        sourceText: text,
        draft: p.draft,
        acceptedNewAgencies: [],
        acknowledgeDuplicates: true,
        publish: true,
      }),
    ).rejects.toThrow(ForbiddenError);
    expect(await count()).toEqual(before);
  });

  it("stores nothing when the edited draft is invalid, with a Vietnamese message", async () => {
    const sec = await user("quangninh.vanphong");
    const p = await proposeNotice(t.prisma, sec, seedSourceText("003_01c405e6d66fb90f.txt"));
    const before = await count();
    const broken = structuredClone(p.draft);
    broken.directives[0]!.deadline = {
      kind: "exact",
      dueOn: "2021-02-30",
      dueAt: null,
      phrase: "đến ngày 30/2/2021",
      startOn: null,
      recurrence: null,
      target: null,
    };
    await expect(
      confirmNotice(t.prisma, sec, {
        sourceText: p.sourceText,
        draft: broken,
        acceptedNewAgencies: [],
        acknowledgeDuplicates: true,
        publish: true,
      }),
    ).rejects.toThrow(/Ngày không tồn tại/);
    const noAgency = structuredClone(p.draft);
    noAgency.directives[0]!.assignments = [];
    await expect(
      confirmNotice(t.prisma, sec, {
        sourceText: p.sourceText,
        draft: noAgency,
        acceptedNewAgencies: [],
        acknowledgeDuplicates: true,
        publish: true,
      }),
    ).rejects.toThrow(/chưa giao cho cơ quan nào/);
    expect(await count()).toEqual(before);
  });

  it("reads the seed files it was given without depending on ../shared", () => {
    expect(fs.existsSync(new URL("../../prisma/seed/sources/002_8df910bebcacd667.txt", import.meta.url))).toBe(true);
  });
});
