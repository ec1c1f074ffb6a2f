import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decideExtension, requestExtension } from "@/lib/assignments/workflow";
import { listDirectiveGroups, listTasks } from "@/lib/reports/task-lists";
import { GroupTable } from "@/components/overview/group-table";
import { TaskTable } from "@/components/overview/task-table";
import { createWorkflowFixture, fixedClock, type WorkflowFixture } from "@/tests/helpers/workflow-fixture";

// Issue 12: the overdue lists mark a pending extension. The fixture's directive 1 (due
// 10/07/2021) is overdue for Sở Y tế (lead) and Công an tỉnh (support). On 12/07 both ask for
// more time, Sở Y tế to 20/07 and Công an tỉnh to 25/07; the chairman refuses Công an tỉnh's.
// A pending request shows ("Đang xin gia hạn đến 20/07/2021"), a decided one does not.

let f: WorkflowFixture;
const p = () => f.t.prisma;
const DAY = "2021-07-12";
const version = async (id: number) =>
  (await p().assignment.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;

beforeAll(async () => {
  f = await createWorkflowFixture();
});

afterAll(async () => {
  await f?.t.drop();
});

async function lists() {
  const chair = await f.user("longan.chutich");
  const groups = await listDirectiveGroups(p(), chair, DAY, { category: "overdue", page: 1, pageSize: 500 });
  const g = groups.rows.find((r) => r.directive.id === f.directiveId);
  if (!g) throw new Error("directive 1 is not in the overdue list");
  const detail = await listTasks(p(), chair, DAY, {
    category: "overdue",
    directiveId: f.directiveId,
    page: 1,
    pageSize: 50,
  });
  const grouped = renderToStaticMarkup(
    createElement(GroupTable, { groups: [g], today: DAY, caption: "Việc quá hạn", category: "overdue" }),
  );
  const perAgency = renderToStaticMarkup(
    createElement(TaskTable, { rows: detail.rows, today: DAY, caption: "Việc quá hạn" }),
  );
  return { g, detail, grouped, perAgency };
}

describe("pending extension requests in the overdue lists", () => {
  it("shows none before any is asked", async () => {
    const { g, grouped, perAgency } = await lists();
    expect(g.pendingExtensions).toBe(0);
    expect(g.tasks.map((t) => t.pendingExtensionTo)).toEqual([null, null]);
    expect(grouped).not.toContain("Đang xin gia hạn");
    expect(perAgency).not.toContain("Đang xin gia hạn");
  });

  it("marks the pending request per agency and counts them per directive; a decided one is not marked", async () => {
    const clock = fixedClock(DAY);
    const ask = async (username: string, assignmentId: number, requestedDueOn: string) =>
      requestExtension(
        p(),
        await f.user(username),
        { assignmentId, version: await version(assignmentId), requestedDueOn, reason: "Chờ kết quả xét nghiệm." },
        clock,
      );
    await ask("longan.syt", f.lead, "2021-07-20");
    const police = await ask("longan.congan", f.support, "2021-07-25");

    let { g, detail, grouped, perAgency } = await lists();
    expect(g.pendingExtensions).toBe(2);
    expect(grouped).toContain('data-pending="2"');
    expect(grouped).toContain("Đang xin gia hạn: 2/2 cơ quan");
    expect(new Map(detail.rows.map((r) => [r.assignmentId, r.pendingExtensionTo]))).toEqual(
      new Map([
        [f.lead, "2021-07-20"],
        [f.support, "2021-07-25"],
      ]),
    );
    expect(perAgency).toContain("Đang xin gia hạn đến 20/07/2021");
    expect(perAgency).toContain("Đang xin gia hạn đến 25/07/2021");
    expect(perAgency).toMatch(/badge-warning">Đang xin gia hạn đến 20\/07\/2021/);

    await decideExtension(
      p(),
      await f.user("longan.chutich"),
      {
        extensionId: police.extensionId,
        version: await version(f.support),
        decision: "refuse",
        note: "Không đủ lý do.",
      },
      clock,
    );

    ({ g, detail, grouped, perAgency } = await lists());
    expect(g.tasks).toHaveLength(2);
    expect(g.pendingExtensions).toBe(1);
    expect(grouped).toContain("Đang xin gia hạn: 1/2 cơ quan");
    expect(perAgency).toContain("Đang xin gia hạn đến 20/07/2021");
    expect(perAgency).not.toContain("Đang xin gia hạn đến 25/07/2021");
    const support = detail.rows.find((r) => r.assignmentId === f.support)!;
    expect(support.pendingExtensionTo).toBeNull();
  });

  it("reads them in the list's own queries", async () => {
    const chair = await f.user("longan.chutich");
    let queries = 0;
    const db = p();
    const counted = new Proxy(db, {
      get(target, prop, receiver) {
        const v = Reflect.get(target, prop, receiver);
        if (prop === "$queryRaw" && typeof v === "function")
          return (...args: unknown[]) => {
            queries++;
            return (v as (...a: unknown[]) => unknown).apply(target, args);
          };
        return v;
      },
    });
    await listDirectiveGroups(counted, chair, DAY, { category: "overdue", page: 1, pageSize: 500 });
    expect(queries).toBe(3);
  });
});
