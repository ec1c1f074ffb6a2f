import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerExplanation, requestExplanation } from "@/lib/assignments/explanations";
import { agencyBoard, type BoardItem } from "@/lib/assignments/board";
import { decideExtension, requestExtension, returnCompletion, submitCompletion } from "@/lib/assignments/workflow";
import { BoardCard } from "@/components/board/board-card";
import { createWorkflowFixture, fixedClock, type WorkflowFixture } from "@/tests/helpers/workflow-fixture";

// A card on an agency's board says what the task waits for: "Bị trả lại" after a return,
// "Cần giải trình trước …" while an explanation is awaited, "Đang xin gia hạn đến …" while an
// extension request is pending; each goes away once the step is answered.

let f: WorkflowFixture;
beforeAll(async () => {
  f = await createWorkflowFixture();
});
afterAll(async () => {
  await f?.t.drop();
});

const p = () => f.t.prisma;
const version = async (id: number) =>
  (await p().assignment.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
const TODAY = "2021-07-15";

async function card(assignmentId: number): Promise<{ item: BoardItem; html: string }> {
  const sec = await f.user("longan.vanphong");
  const a = await p().assignment.findUniqueOrThrow({ where: { id: assignmentId }, select: { agencyId: true } });
  const board = await agencyBoard(p(), sec, a.agencyId, { view: "list" }, TODAY);
  const item = board.items.find((i) => i.id === assignmentId);
  if (!item) throw new Error(`task ${assignmentId} is not on its agency's board`);
  return { item, html: renderToStaticMarkup(createElement(BoardCard, { item, today: TODAY })) };
}

describe("the board's markers after the workflow's steps", () => {
  it("none on a task nothing happened to", async () => {
    const { item, html } = await card(f.lead);
    expect(item).toMatchObject({ returnReason: null, explanationDueOn: null, extensionRequestedOn: null });
    expect(html).not.toContain("Bị trả lại");
    expect(html).not.toContain("Cần giải trình");
    expect(html).not.toContain("Đang xin gia hạn");
  });

  it("a returned result, then an extension asked for it", async () => {
    const syt = await f.user("longan.syt");
    const sec = await f.user("longan.vanphong");
    await submitCompletion(
      p(),
      syt,
      { assignmentId: f.lead, version: await version(f.lead), text: "Đã truy vết.", completedOn: "2021-07-05" },
      fixedClock("2021-07-05"),
    );
    await returnCompletion(p(), sec, {
      assignmentId: f.lead,
      version: await version(f.lead),
      reason: "Thiếu danh sách F1.",
    });
    let c = await card(f.lead);
    expect(c.item).toMatchObject({
      state: "in_progress",
      returnReason: "Thiếu danh sách F1.",
      extensionRequestedOn: null,
    });
    expect(c.html).toContain("Bị trả lại");
    expect(c.html).not.toContain("Đang xin gia hạn");

    const asked = await requestExtension(
      p(),
      syt,
      { assignmentId: f.lead, version: await version(f.lead), requestedDueOn: "2021-07-30", reason: "Chờ xét nghiệm." },
      fixedClock("2021-07-08"),
    );
    c = await card(f.lead);
    expect(c.item.extensionRequestedOn).toBe("2021-07-30");
    expect(c.html).toContain("Đang xin gia hạn đến 30/07/2021");
    expect(c.html).toContain("Bị trả lại");

    // Decided: no longer pending.
    await decideExtension(
      p(),
      await f.user("longan.chutich"),
      {
        extensionId: asked.extensionId,
        version: await version(f.lead),
        decision: "approve",
        grantedDueOn: "2021-07-30",
        note: undefined,
      },
      fixedClock("2021-07-09"),
    );
    c = await card(f.lead);
    expect(c.item.extensionRequestedOn).toBeNull();
    expect(c.html).not.toContain("Đang xin gia hạn");
    expect(c.html).toContain("Đã gia hạn");

    // Reported again: the return is behind it.
    await submitCompletion(
      p(),
      syt,
      { assignmentId: f.lead, version: await version(f.lead), text: "Đã bổ sung.", completedOn: "2021-07-12" },
      fixedClock("2021-07-12"),
    );
    c = await card(f.lead);
    expect(c.item.returnReason).toBeNull();
    expect(c.html).not.toContain("Bị trả lại");
  });

  it("an explanation awaited, until it is answered", async () => {
    const asked = await requestExplanation(
      p(),
      await f.user("longan.chutich"),
      { assignmentId: f.support, version: await version(f.support), message: "Vì sao chậm?", workingDays: 3 },
      fixedClock(TODAY),
    );
    let c = await card(f.support);
    expect(c.item.explanationDueOn).toBe("2021-07-20");
    expect(c.html).toContain("Cần giải trình trước 20/07/2021");

    await answerExplanation(
      p(),
      await f.user("longan.congan"),
      { explanationId: asked.explanationId, answer: "Chờ kết quả của Sở Y tế." },
      fixedClock("2021-07-16"),
    );
    c = await card(f.support);
    expect(c.item.explanationDueOn).toBeNull();
    expect(c.html).not.toContain("Cần giải trình");
  });
});
