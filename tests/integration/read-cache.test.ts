import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { agencyBoard } from "@/lib/assignments/board";
import { queuesFor } from "@/lib/queues/queues";
import { confirmCompletion, submitCompletion } from "@/lib/assignments/workflow";
import { cachedReads } from "@/lib/db/cached-reads";
import { cachedRead, clearReadCache, dataVersion } from "@/lib/db/read-cache";
import { agencyTable } from "@/lib/reports/running-totals";
import { createWorkflowFixture, fixedClock, type WorkflowFixture } from "@/tests/helpers/workflow-fixture";

// The read cache (lib/db/read-cache.ts) serves a page's reads again only while the province's data
// version is unchanged. These tests check the statement triggers that raise it (every table the
// cached pages read, in the right province, and no other), and that a workflow step is seen at once
// by the next cached read, as a person reloading the overview would see it.

let f: WorkflowFixture;
const p = () => f.t.prisma;
let otherProvinceId: number;

beforeAll(async () => {
  f = await createWorkflowFixture();
  otherProvinceId = (await p().province.findUniqueOrThrow({ where: { name: "Lạng Sơn" }, select: { id: true } })).id;
});

afterAll(async () => {
  await f?.t.drop();
});

beforeEach(() => clearReadCache());

/** Runs `change` and returns how much each province's version rose. */
async function rises(change: () => Promise<unknown>): Promise<{ own: number; other: number }> {
  const before = [await dataVersion(p(), f.provinceId), await dataVersion(p(), otherProvinceId)];
  await change();
  const after = [await dataVersion(p(), f.provinceId), await dataVersion(p(), otherProvinceId)];
  return { own: Number(after[0]) - Number(before[0]), other: Number(after[1]) - Number(before[1]) };
}

describe("the province's data version", () => {
  it("rises with every change to what the cached pages show, in that province only", async () => {
    const agency = await p().agency.findFirstOrThrow({ where: { provinceId: f.provinceId, name: "Sở Y tế" } });
    const assignment = await p().assignment.findUniqueOrThrow({ where: { id: f.lead } });
    const changes: [string, () => Promise<unknown>][] = [
      ["Province", () => p().province.update({ where: { id: f.provinceId }, data: { scorePenaltyCap: 19 } })],
      ["Agency", () => p().agency.update({ where: { id: agency.id }, data: { shortName: "SYT LA" } })],
      [
        "AgencyGroup + member",
        async () => {
          const g = await p().agencyGroup.create({ data: { provinceId: f.provinceId, name: "Nhóm thử bộ đệm" } });
          await p().agencyGroupMember.create({ data: { groupId: g.id, agencyId: agency.id } });
        },
      ],
      [
        "Notice",
        () =>
          p().notice.updateMany({
            where: { provinceId: f.provinceId, number: "99/TB-WF" },
            data: { title: "Đổi tên" },
          }),
      ],
      ["Directive", () => p().directive.update({ where: { id: f.directiveId }, data: { text: "Nội dung đã sửa." } })],
      ["Assignment", () => p().assignment.update({ where: { id: f.lead }, data: { version: { increment: 1 } } })],
      [
        "ProgressReport",
        () =>
          p().progressReport.create({
            data: { assignmentId: f.lead, kind: "progress", text: "Báo cáo trực tiếp.", authorId: null },
          }),
      ],
      [
        "ExtensionRequest",
        () =>
          p().extensionRequest.create({
            data: {
              assignmentId: f.lead,
              requestedDueOn: new Date("2021-08-01T00:00:00Z"),
              originalDueOn: assignment.dueOn,
              reason: "Cần thêm thời gian.",
            },
          }),
      ],
      ["ExtensionRequest delete", () => p().extensionRequest.deleteMany({ where: { assignmentId: f.lead } })],
      [
        "Attachment",
        () =>
          p().attachment.create({
            data: {
              provinceId: f.provinceId,
              fileName: "a.pdf",
              mimeType: "application/pdf",
              size: 1,
              sha256: "0",
              data: Buffer.from("x"),
            },
          }),
      ],
    ];
    for (const [table, change] of changes) {
      const r = await rises(change);
      expect.soft(r.own, `${table} raises its province's version`).toBeGreaterThanOrEqual(1);
      expect.soft(r.other, `${table} leaves another province's version alone`).toBe(0);
    }
    // A change in the other province raises only that one.
    const r = await rises(() =>
      p().assignment.update({ where: { id: f.otherProvince }, data: { version: { increment: 1 } } }),
    );
    expect(r).toEqual({ own: 0, other: 1 });
  });

  it("does not rise with what no cached page shows (a notification, an audit row)", async () => {
    const secretariat = await f.user("longan.vanphong");
    const r = await rises(async () => {
      await p().notification.create({
        data: {
          provinceId: f.provinceId,
          userId: secretariat.id,
          kind: "waiting",
          title: "Thử.",
          batch: "read-cache-test",
        },
      });
      await p().auditLog.create({
        data: { provinceId: f.provinceId, action: "test.read-cache", entityType: "Test", entityId: 0 },
      });
    });
    expect(r).toEqual({ own: 0, other: 0 });
  });
});

describe("cached reads", () => {
  it("read once while nothing changes, again after a change, and never for another reader", async () => {
    const chair = await f.user("longan.chutich");
    const secretariat = await f.user("longan.vanphong");
    let reads = 0;
    const read = () => cachedRead(p(), chair, "counted", async () => ++reads);
    expect(await read()).toBe(1);
    expect(await read()).toBe(1);
    expect(await Promise.all([read(), read()])).toEqual([1, 1]);
    // Another reader of the same key reads for itself.
    expect(await cachedRead(p(), secretariat, "counted", async () => ++reads)).toBe(2);
    await p().assignment.update({ where: { id: f.lead }, data: { version: { increment: 1 } } });
    expect(await read()).toBe(3);
    // Concurrent misses share one read.
    await p().assignment.update({ where: { id: f.lead }, data: { version: { increment: 1 } } });
    expect(await Promise.all([read(), read(), read()])).toEqual([4, 4, 4]);
  });

  it("a failed read is not kept", async () => {
    const chair = await f.user("longan.chutich");
    await expect(cachedRead(p(), chair, "fails", () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await cachedRead(p(), chair, "fails", async () => "ok")).toBe("ok");
  });

  it("the overview's agency table shows a confirmed completion at the next read", async () => {
    const chair = await f.user("longan.chutich");
    const syt = await f.user("longan.syt");
    const sec = await f.user("longan.vanphong");
    const day = "2021-07-08";
    const row = async () =>
      (await cachedReads.agencyTable(p(), chair, day, {}, {})).find((a) => a.agency.name === "Sở Y tế");
    const before = await row();
    expect(await row()).toBe(before); // the same object: served from the cache
    const version = (await p().assignment.findUniqueOrThrow({ where: { id: f.lead } })).version;
    const submitted = await submitCompletion(
      p(),
      syt,
      {
        assignmentId: f.lead,
        version,
        text: "Đã hoàn thành truy vết.",
        evidenceNumber: "530/SYT-NV",
        evidenceDate: "2021-07-08",
        completedOn: "2021-07-08",
      },
      fixedClock(day),
    );
    await confirmCompletion(p(), sec, { assignmentId: f.lead, version: submitted.assignment.version }, fixedClock(day));
    const after = await row();
    expect(after!.completedOnTime).toBe(before!.completedOnTime + 1);
    // And it is what the uncached read says.
    const fresh = (await agencyTable(p(), chair, day, {}, {})).find((a) => a.agency.name === "Sở Y tế");
    expect(after).toEqual(fresh);
  });

  it("a cached answer cannot be changed by a caller (frozen outside production)", async () => {
    const chair = await f.user("longan.chutich");
    const rows = await cachedReads.agencyTable(p(), chair, "2021-07-08", {}, {});
    expect(() => {
      (rows as { onTimeRate: number | null }[])[0]!.onTimeRate = 0.5;
    }).toThrow(TypeError);
  });

  it("a board search, cached as the page caches it, finds what the uncached search finds and sees a directive's new words", async () => {
    const chair = await f.user("longan.chutich");
    const agency = await p().agency.findFirstOrThrow({ where: { provinceId: f.provinceId, name: "Sở Y tế" } });
    const day = "2021-07-08";
    const ids = (b: Awaited<ReturnType<typeof agencyBoard>>) => b.items.map((i) => i.id);
    for (const q of ["truy vet", "dich", "không có từ này"]) {
      const filters = { view: "list" as const, q };
      const cached = await cachedReads.agencyBoard(p(), chair, agency.id, filters, day);
      const plain = await agencyBoard(p(), chair, agency.id, filters, day);
      expect(ids(cached), q).toEqual(ids(plain));
      expect(cached.matched, q).toBe(plain.matched);
    }
    expect(
      ids(await cachedReads.agencyBoard(p(), chair, agency.id, { view: "list", q: "khoanh vung" }, day)),
    ).not.toContain(f.lead);
    // The directive's words change: the next cached search sees it.
    await p().directive.update({ where: { id: f.directiveId }, data: { text: "Sở Y tế khoanh vùng ổ dịch mới." } });
    const after = await cachedReads.agencyBoard(p(), chair, agency.id, { view: "list", q: "khoanh vung" }, day);
    expect(ids(after)).toContain(f.lead);
  });

  it("the secretariat's queue, cached, shows a result submitted since at the next read", async () => {
    const sec = await f.user("longan.vanphong");
    const day = "2021-07-09";
    const now = new Date("2021-07-09T10:00:00+07:00");
    const toConfirm = async () =>
      (await queuesFor(p(), sec, day, now, {}, { cache: true }))
        .find((q) => q.kind === "toConfirm")!
        .items.map((i) => i.assignmentId);
    const plain = (await queuesFor(p(), sec, day, now, {}))
      .find((q) => q.kind === "toConfirm")!
      .items.map((i) => i.assignmentId);
    expect(await toConfirm()).toEqual(plain);
    expect(await toConfirm()).not.toContain(f.support);
    const version = (await p().assignment.findUniqueOrThrow({ where: { id: f.support } })).version;
    await submitCompletion(
      p(),
      await f.user("longan.congan"),
      {
        assignmentId: f.support,
        version,
        text: "Đã phối hợp xong.",
        evidenceNumber: "",
        evidenceDate: undefined,
        completedOn: day,
      },
      fixedClock(day),
    );
    expect(await toConfirm()).toContain(f.support);
  });
});
