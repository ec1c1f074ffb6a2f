import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerExplanation, requestExplanation } from "@/lib/assignments/explanations";
import { reportPdf } from "@/lib/exports/pdf";
import { documentBytes } from "@/lib/exports/respond";
import { listDocument, reportModel } from "@/lib/reports/documents";
import { parseListQuery } from "@/lib/reports/list-query";
import { overview } from "@/lib/reports/overview";
import { explanationLabel, groupExplanations } from "@/lib/reports/sheets";
import { listDirectiveGroups, listTasks } from "@/lib/reports/task-lists";
import { GroupTable } from "@/components/overview/group-table";
import { TaskTable } from "@/components/overview/task-table";
import { createWorkflowFixture, fixedClock, type WorkflowFixture } from "@/tests/helpers/workflow-fixture";

// Issue 12: what the chairman's overview shows of the explanation requests on overdue tasks. The
// fixture's directive 1 (due Saturday 10/07/2021) is overdue for Sở Y tế (lead) and Công an tỉnh
// (support). On Monday 12/07 the chairman asks both to explain: Sở Y tế within 3 working days
// (answers on 13/07), Công an tỉnh within 2 (by 14/07; it does not answer).

let f: WorkflowFixture;
const p = () => f.t.prisma;
const version = async (id: number) =>
  (await p().assignment.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;

async function pdfText(bytes: Buffer): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  return (await extractText(pdf, { mergePages: true })).text.replace(/\s+/g, " ");
}

beforeAll(async () => {
  f = await createWorkflowFixture();
});

afterAll(async () => {
  await f?.t.drop();
});

async function groupOfDirective(day: string) {
  const chair = await f.user("longan.chutich");
  const page = await listDirectiveGroups(p(), chair, day, { category: "overdue", page: 1, pageSize: 500 });
  const g = page.rows.find((r) => r.directive.id === f.directiveId);
  if (!g) throw new Error("directive 1 is not in the overdue list");
  return g;
}

describe("explanation requests in the chairman's overdue lists", () => {
  it("shows none before any is asked", async () => {
    const g = await groupOfDirective("2021-07-12");
    expect(g.tasks).toHaveLength(2);
    expect(g.explanations).toEqual({ asked: 0, answered: 0, late: 0 });
    expect(g.tasks.map((t) => t.explanation)).toEqual([null, null]);
    expect(groupExplanations(g)).toBeNull();
  });

  it("shows asked, answered and late, per agency and per directive, on screen and in every export", async () => {
    const chair = await f.user("longan.chutich");
    const syt = await f.user("longan.syt");
    const ask = async (assignmentId: number, workingDays: number) =>
      requestExplanation(
        p(),
        chair,
        { assignmentId, version: await version(assignmentId), message: "Đề nghị giải trình lý do chậm.", workingDays },
        fixedClock("2021-07-12"),
      );
    const lead = await ask(f.lead, 3);
    await ask(f.support, 2);

    // The day they are asked: both "Đã yêu cầu giải trình 12/07/2021", none late yet.
    let g = await groupOfDirective("2021-07-12");
    expect(g.explanations).toEqual({ asked: 2, answered: 0, late: 0 });
    expect(g.tasks.map((t) => explanationLabel(t.explanation))).toEqual([
      "Đã yêu cầu giải trình 12/07/2021",
      "Đã yêu cầu giải trình 12/07/2021",
    ]);

    await answerExplanation(
      p(),
      syt,
      { explanationId: lead.explanationId, answer: "Đang chờ kết quả xét nghiệm." },
      fixedClock("2021-07-13"),
    );

    // Friday 16/07: Sở Y tế answered on 13/07; Công an tỉnh's reply day (14/07) has passed.
    const day = "2021-07-16";
    g = await groupOfDirective(day);
    expect(g.explanations).toEqual({ asked: 2, answered: 1, late: 1 });
    expect(groupExplanations(g)).toBe("Đã yêu cầu giải trình 2/2 cơ quan, đã giải trình 1, quá hạn giải trình 1");
    const byAgency = new Map(g.tasks.map((t) => [t.assignmentId, t.explanation]));
    expect(byAgency.get(f.lead)).toEqual({
      status: "answered",
      requestedOn: "2021-07-12",
      replyDueOn: "2021-07-15",
      answeredOn: "2021-07-13",
      late: false,
    });
    expect(byAgency.get(f.support)).toMatchObject({ status: "pending", replyDueOn: "2021-07-14", late: true });
    expect(explanationLabel(byAgency.get(f.lead)!)).toBe("Đã giải trình 13/07/2021");
    expect(explanationLabel(byAgency.get(f.support)!)).toBe("Quá hạn giải trình (hạn 14/07/2021)");

    // The overview page's list and the per-agency detail of the row carry the same states.
    const o = await overview(p(), chair, day, {}, 500);
    const mine = o.overdue.rows.filter((r) => r.directive.id === f.directiveId);
    expect(new Map(mine.map((r) => [r.assignmentId, r.explanation]))).toEqual(byAgency);
    const detail = await listTasks(p(), chair, day, {
      category: "overdue",
      directiveId: f.directiveId,
      page: 1,
      pageSize: 50,
    });
    expect(new Map(detail.rows.map((r) => [r.assignmentId, r.explanation]))).toEqual(byAgency);

    // What the chairman reads on screen: the counts per directive, the late one marked in red.
    const grouped = renderToStaticMarkup(
      createElement(GroupTable, { groups: [g], today: day, caption: "Việc quá hạn", category: "overdue" }),
    );
    expect(grouped).toContain('data-asked="2"');
    expect(grouped).toContain("Đã yêu cầu giải trình: 2/2 cơ quan");
    expect(grouped).toContain("Đã giải trình: 1");
    expect(grouped).toMatch(/bg-red-600.*Quá hạn giải trình: 1/);
    const perAgency = renderToStaticMarkup(
      createElement(TaskTable, { rows: detail.rows, today: day, caption: "Việc quá hạn" }),
    );
    expect(perAgency).toContain("Đã giải trình 13/07/2021");
    expect(perAgency).toMatch(/data-state="late".*bg-red-600.*Quá hạn giải trình \(hạn 14\/07\/2021\)/);

    // The overdue list's files: a column per agency (XLSX, CSV), the counts per directive (PDF).
    const notice = await p().directive.findUniqueOrThrow({ where: { id: f.directiveId }, select: { noticeId: true } });
    const doc = await listDocument(
      p(),
      chair,
      day,
      parseListQuery({ category: "overdue", notice: String(notice.noticeId) }),
    );
    const csv = (await documentBytes(doc, "csv")).toString("utf8");
    expect(csv.split("\r\n")[0]).toContain("Giải trình");
    expect(csv).toContain("Đã giải trình 13/07/2021");
    expect(csv).toContain("Quá hạn giải trình (hạn 14/07/2021)");
    expect(await pdfText(await documentBytes(doc, "pdf"))).toContain("quá hạn giải trình 1");

    // The printed report: the note follows the agencies of the directive.
    const model = await reportModel(p(), chair, day, { noticeId: notice.noticeId });
    const text = await pdfText(await reportPdf(model));
    expect(text).toContain("Đã yêu cầu giải trình 2/2 cơ quan, đã giải trình 1, quá hạn giải trình 1");
  });

  it("reads the states in the list's own queries, whatever the number of rows", async () => {
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
    await listDirectiveGroups(counted, chair, "2021-07-16", { category: "overdue", page: 1, pageSize: 500 });
    // The page of directives, the totals, their tasks: three, as before explanations were shown.
    expect(queries).toBe(3);
  });
});
