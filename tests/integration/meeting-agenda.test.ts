import { unzipSync, strFromU8 } from "fflate";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestExplanation } from "@/lib/assignments/explanations";
import { reportProgress } from "@/lib/assignments/workflow";
import { useDbForTests } from "@/lib/db/client";
import { ForbiddenError } from "@/lib/errors";
import { meetingAgenda } from "@/lib/meetings/agenda";
import { agendaDocx } from "@/lib/meetings/agenda-docx";
import { agendaStatus } from "@/lib/meetings/agenda-text";
import { parseAgendaQuery } from "@/lib/meetings/agenda-query";
import { onClock } from "@/lib/time/today";
import { GET } from "@/app/api/xuat/cuoc-hop/route";
import { createWorkflowFixture, fixedClock, type WorkflowFixture } from "@/tests/helpers/workflow-fixture";
import { signInAs } from "@/tests/helpers/test-session";

// Issue 14: the agenda of the committee's next meeting, on the seed data (no history) of Long An
// plus the workflow fixture's notice 99/TB-WF (issued 01/07/2021, directive 1 due 10/07/2021:
// Sở Y tế leads, Công an tỉnh supports). Counted by hand:
// - Thông báo 875/TB-VPUBND (30/05/2021) has one dated directive, II.3.2 "phấn đấu đến ngày
//   15/6/2021 đạt 50% kế hoạch": 4 provincial bodies (Ban Quản lý Khu kinh tế, Sở Công Thương,
//   Sở Kế hoạch và Đầu tư, Sở LĐTBXH) and the 15 district-level units of Long An lead, Công an
//   tỉnh, Liên đoàn Lao động, Sở Y tế and CDC support: 23 tasks, overdue since 16/06.
// - Directive 1 of 99/TB-WF: 2 tasks, due on Saturday 10/07, overdue from Sunday 11/07.
// Workflow steps: Sở Y tế reports progress on 08/07; on 11/07 the chairman asks Công an tỉnh to
// explain (it does not answer).

let f: WorkflowFixture;
const p = () => f.t.prisma;
const REPORT =
  "Đã truy vết 120 trường hợp F1, lấy mẫu xét nghiệm toàn bộ; đang tiếp tục rà soát các trường hợp F2 tại các huyện giáp ranh TP Hồ Chí Minh và tỉnh Tây Ninh theo chỉ đạo.";

beforeAll(async () => {
  f = await createWorkflowFixture();
  useDbForTests(p());
  const syt = await f.user("longan.syt");
  const chair = await f.user("longan.chutich");
  await reportProgress(p(), syt, { assignmentId: f.lead, version: 1, text: REPORT }, fixedClock("2021-07-08"));
  // The test's client keeps the database's own time for createdAt (only the app's demo clock stamps rows).
  await p().progressReport.updateMany({
    where: { assignmentId: f.lead },
    data: { createdAt: new Date("2021-07-08T09:00:00+07:00") },
  });
  const { version } = await p().assignment.findUniqueOrThrow({ where: { id: f.support }, select: { version: true } });
  await requestExplanation(
    p(),
    chair,
    { assignmentId: f.support, version, message: "Đề nghị giải trình lý do chậm.", workingDays: 3 },
    fixedClock("2021-07-11"),
  );
}, 180_000);

afterAll(async () => {
  signInAs(null);
  await f?.t.drop();
});

describe("the agenda of the meeting of 12/07/2021", () => {
  it("counts the open business by hand", async () => {
    const a = await meetingAgenda(p(), await f.user("longan.vanphong"), "2021-07-12", "thong-bao");
    expect(a.counts).toEqual({
      tasks: 25,
      directives: 2,
      agencies: 23, // Sở Y tế and Công an tỉnh carry both directives
      notices: 2,
      overdue: 25,
      dueOnDay: 0,
      explanationPending: 1,
    });
  });

  it("groups by notice: 875/TB-VPUBND's 23 agencies, then 99/TB-WF's two", async () => {
    const a = await meetingAgenda(p(), await f.user("longan.chutich"), "2021-07-12", "thong-bao");
    expect(a.sections.map((s) => [s.heading.split(":")[0], s.items.length])).toEqual([
      ["Thông báo số 875/TB-VPUBND, ngày 30/05/2021", 23],
      ["Thông báo số 99/TB-WF, ngày 01/07/2021", 2],
    ]);
    expect(new Set(a.sections[0]!.items.map((i) => i.directive.ref))).toEqual(new Set(["II.3.2"]));
    expect(a.sections[0]!.items.every((i) => i.daysOverdue === 27)).toBe(true);
    const [congan, syt] = a.sections[1]!.items;
    expect([congan!.agency.name, syt!.agency.name]).toEqual(["Công an tỉnh", "Sở Y tế"]);
    expect(congan).toMatchObject({ daysOverdue: 2, explanationPending: true, lastReport: null });
    expect(agendaStatus(congan!)).toBe("Quá hạn 2 ngày; chưa thực hiện; chưa giải trình (hạn 14/07/2021)");
    expect(syt).toMatchObject({ daysOverdue: 2, explanationPending: false, state: "in_progress" });
    expect(syt!.lastReport!.on).toBe("2021-07-08");
    expect(syt!.lastReport!.text.startsWith("Đã truy vết 120 trường hợp F1")).toBe(true);
    expect(syt!.lastReport!.text.endsWith("…")).toBe(true);
    expect(syt!.lastReport!.text.length).toBeLessThan(REPORT.length);
  });

  it("groups by agency: 23 agencies, the longest overdue first within each", async () => {
    const a = await meetingAgenda(p(), await f.user("longan.vanphong"), "2021-07-12", "co-quan");
    expect(a.sections).toHaveLength(23);
    expect(a.sections.reduce((n, s) => n + s.items.length, 0)).toBe(25);
    const twice = a.sections.filter((s) => s.items.length === 2).map((s) => s.heading);
    expect(twice.sort()).toEqual(["Công an tỉnh", "Sở Y tế"]);
    const syt = a.sections.find((s) => s.heading === "Sở Y tế")!;
    expect(syt.items.map((i) => [i.notice.number, i.role, i.daysOverdue])).toEqual([
      ["875/TB-VPUBND", "support", 27],
      ["99/TB-WF", "lead", 2],
    ]);
  });

  it("on the due day itself, 10/07: the two tasks fall due, nothing is waiting for an explanation yet", async () => {
    const a = await meetingAgenda(p(), await f.user("longan.vanphong"), "2021-07-10", "thong-bao");
    expect(a.counts).toMatchObject({ tasks: 25, overdue: 23, dueOnDay: 2, explanationPending: 0 });
    expect(a.sections[1]!.items.map(agendaStatus)).toEqual([
      "Đến hạn ngày họp; chưa thực hiện",
      "Đến hạn ngày họp; đang thực hiện",
    ]);
    // Before 99/TB-WF was issued only 875/TB-VPUBND's directive is on the agenda.
    const before = await meetingAgenda(p(), await f.user("longan.vanphong"), "2021-06-16", "co-quan");
    expect(before.counts).toMatchObject({ tasks: 23, notices: 1, overdue: 23 });
  });

  it("takes only notices issued before the meeting day: on 15/06 nothing is overdue yet", async () => {
    const a = await meetingAgenda(p(), await f.user("longan.vanphong"), "2021-06-15", "co-quan");
    expect(a.counts).toMatchObject({ tasks: 23, overdue: 0, dueOnDay: 23 });
    const none = await meetingAgenda(p(), await f.user("longan.vanphong"), "2021-05-30", "co-quan");
    expect(none.counts.tasks).toBe(0); // 875/TB-VPUBND is of that day: not an earlier notice
  });
});

describe("who sees the agenda", () => {
  it("refuses agency staff", async () => {
    await expect(meetingAgenda(p(), await f.user("longan.syt"), "2021-07-12", "co-quan")).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    signInAs(await f.user("longan.syt"));
    const res = await GET(new Request("http://localhost/api/xuat/cuoc-hop?ngay=12/07/2021"), {
      params: Promise.resolve({}),
    });
    expect(res.status).toBe(403);
  });

  it("holds nothing of another province", async () => {
    const longAn = await meetingAgenda(p(), await f.user("longan.chutich"), "2021-12-31", "co-quan");
    const other = await p().assignment.findUniqueOrThrow({ where: { id: f.otherProvince }, select: { id: true } });
    const ids = longAn.sections.flatMap((s) => s.items.map((i) => i.assignmentId));
    expect(ids.length).toBeGreaterThan(0);
    expect(ids).not.toContain(other.id);
    const provinces = await p().assignment.findMany({ where: { id: { in: ids } }, select: { provinceId: true } });
    expect(new Set(provinces.map((r) => r.provinceId))).toEqual(new Set([f.provinceId]));
    // Lạng Sơn's own agenda on that day holds Lạng Sơn's overdue tasks, and none of Long An's.
    const langSon = await meetingAgenda(p(), await f.user("langson.vanphong"), "2021-12-31", "co-quan");
    const lsIds = langSon.sections.flatMap((s) => s.items.map((i) => i.assignmentId));
    expect(lsIds.length).toBeGreaterThan(0);
    expect(lsIds.some((id) => ids.includes(id))).toBe(false);
    const lsProvinces = await p().assignment.findMany({ where: { id: { in: lsIds } }, select: { provinceId: true } });
    const langSonId = (await p().province.findUniqueOrThrow({ where: { name: "Lạng Sơn" }, select: { id: true } })).id;
    expect(new Set(lsProvinces.map((r) => r.provinceId))).toEqual(new Set([langSonId]));
  });
});

describe("the page", () => {
  const render = async (who: string, searchParams: Record<string, string>) => {
    const mod = await import("@/app/(app)/cuoc-hop/page");
    signInAs(await f.user(who));
    try {
      const element = await mod.default({ params: Promise.resolve({}), searchParams: Promise.resolve(searchParams) });
      return renderToStaticMarkup(element as React.ReactElement);
    } catch (error) {
      return String((error as { digest?: string }).digest);
    } finally {
      signInAs(null);
    }
  };

  it("shows the secretariat and the chairman the agenda of the day in the address, with its Word link", async () => {
    for (const who of ["longan.vanphong", "longan.chutich"]) {
      const html = await render(who, { ngay: "12/07/2021", theo: "thong-bao" });
      expect(html).toContain("DANH MỤC NỘI DUNG, NHIỆM VỤ CẦN XEM XÉT TẠI CUỘC HỌP NGÀY 12/07/2021");
      expect(html.match(/data-testid="agenda-row"/g)).toHaveLength(25);
      expect(html.match(/data-testid="agenda-section"/g)).toHaveLength(2);
      expect(html).toContain('href="/api/xuat/cuoc-hop?ngay=12%2F07%2F2021&amp;theo=thong-bao"');
      expect(html).toContain('data-testid="filter-toggle"'); // on a phone the form folds behind a button
    }
  });

  it("answers agency staff with the 404 page", async () => {
    expect(await render("longan.syt", { ngay: "12/07/2021" })).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
  });
});

describe("the address", () => {
  it("reads dd/MM/yyyy or ISO, drops what is no day, and defaults the grouping", () => {
    expect(parseAgendaQuery({ ngay: "12/07/2021", theo: "thong-bao" })).toEqual({
      ngay: "2021-07-12",
      theo: "thong-bao",
    });
    expect(parseAgendaQuery({ ngay: "2021-07-12" })).toEqual({ ngay: "2021-07-12", theo: "co-quan" });
    expect(parseAgendaQuery({ ngay: "31/02/2021", theo: "x" })).toEqual({ ngay: undefined, theo: "co-quan" });
    expect(parseAgendaQuery({ ngay: ["1/7/2021", "2/7/2021"] })).toEqual({ ngay: "2021-07-01", theo: "co-quan" });
  });
});

describe("the Word file", () => {
  const documentXml = (bytes: Uint8Array) => {
    const files = unzipSync(bytes);
    expect(Object.keys(files)).toEqual(expect.arrayContaining(["[Content_Types].xml", "word/document.xml"]));
    return strFromU8(files["word/document.xml"]!);
  };

  it("is a valid docx holding the national motto, the title and the directives", async () => {
    const a = await meetingAgenda(p(), await f.user("longan.vanphong"), "2021-07-12", "thong-bao");
    const xml = documentXml(await agendaDocx(a, "2021-07-09"));
    for (const text of [
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "DANH MỤC NỘI DUNG, NHIỆM VỤ CẦN XEM XÉT TẠI CUỘC HỌP NGÀY 12/07/2021",
      "Báo cáo gần nhất",
      "Sở Y tế chủ trì, phối hợp với Công an tỉnh truy vết các trường hợp F1.",
      "Long An, ngày 09 tháng 7 năm 2021",
      "chưa giải trình (hạn 14/07/2021)",
    ]) {
      expect(xml, text).toContain(text);
    }
  });

  it("is what the route answers, for the secretariat, on the day in the address", async () => {
    signInAs(await f.user("longan.vanphong"));
    const res = await onClock(fixedClock("2021-07-12"), () =>
      GET(new Request("http://localhost/api/xuat/cuoc-hop?ngay=12%2F07%2F2021&theo=co-quan"), {
        params: Promise.resolve({}),
      }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("wordprocessingml");
    expect(res.headers.get("content-disposition")).toContain(".docx");
    const xml = documentXml(new Uint8Array(await res.arrayBuffer()));
    expect(xml).toContain("CUỘC HỌP NGÀY 12/07/2021");
    expect(xml).toContain("Sở Y tế (2 lượt)");
    signInAs(null);
  });
});
