import { describe, expect, it } from "vitest";
import type { AgencyRegistry } from "@/lib/agencies/registry";
import * as model from "@/lib/intake/review-model";
import {
  UNDATED_DEADLINE_MESSAGE,
  ZNoticeDraft,
  ZReviewedDraft,
  type Deadline,
  type NoticeDraft,
} from "@/lib/notices/draft";

const registry: AgencyRegistry = {
  province: "Long An",
  agencies: [
    { name: "Sở Y tế", shortName: "SYT", kind: "department", aliases: [] },
    { name: "Công an tỉnh", shortName: "CA", kind: "police", aliases: [] },
    { name: "UBND huyện Cần Giuộc", shortName: "Cần Giuộc", kind: "district", aliases: [] },
    { name: "UBND thành phố Tân An", shortName: "Tân An", kind: "district", aliases: [] },
  ],
  groups: [
    {
      name: "UBND các huyện, thị xã, thành phố",
      aliases: [],
      members: ["UBND huyện Cần Giuộc", "UBND thành phố Tân An"],
    },
  ],
};

const draft: NoticeDraft = {
  notice: {
    kind: "TB",
    number: null,
    issuer: "X",
    place: null,
    issuedOn: null,
    issuedPrecision: "unknown",
    title: "T",
    meetingOn: null,
    chair: null,
    signer: null,
    signingFormula: null,
    recipients: [],
    citations: [],
  },
  directives: [
    {
      ref: "1",
      text: "Sở Y tế rà soát. Công an tỉnh kiểm soát.",
      urgent: false,
      deadline: null,
      assignments: [{ agency: "Sở Y tế", role: "lead", viaGroup: null, isNew: false }],
      sourceStart: 10,
      sourceEnd: 50,
    },
    {
      ref: "2",
      text: "Ban Chỉ đạo xã thành lập tổ.",
      urgent: true,
      deadline: {
        kind: "exact",
        dueOn: "2021-06-15",
        dueAt: null,
        phrase: "đến ngày 15/6/2021",
        startOn: null,
        recurrence: null,
        target: null,
      },
      assignments: [
        { agency: "Ban Chỉ đạo xã", role: "lead", viaGroup: null, isNew: true },
        { agency: "Sở Y tế", role: "support", viaGroup: null, isNew: false },
      ],
      sourceStart: 60,
      sourceEnd: 90,
    },
  ],
};

describe("the review screen's edits", () => {
  it("splits a directive at the cursor, both halves keeping agencies and the passage", () => {
    const s = model.splitDirective(model.initialState(draft, null), 0, "Sở Y tế rà soát.".length);
    expect(s.directives.map((d) => d.text)).toEqual([
      "Sở Y tế rà soát.",
      "Công an tỉnh kiểm soát.",
      "Ban Chỉ đạo xã thành lập tổ.",
    ]);
    expect(s.directives[1]!.assignments).toEqual(draft.directives[0]!.assignments);
    expect(model.toDraft(s).directives[1]).toMatchObject({ sourceStart: 10, sourceEnd: 50 });
  });

  it("merges a directive with the next: texts joined, a lead wins over support, the first deadline or else the second", () => {
    const s = model.mergeWithNext(model.initialState(draft, null), 0);
    expect(s.directives).toHaveLength(1);
    const d = model.toDraft(s).directives[0]!;
    expect(d.text).toBe("Sở Y tế rà soát. Công an tỉnh kiểm soát.\nBan Chỉ đạo xã thành lập tổ.");
    expect(d.assignments.map((a) => [a.agency, a.role])).toEqual([
      ["Sở Y tế", "lead"],
      ["Ban Chỉ đạo xã", "lead"],
    ]);
    expect(d.deadline?.dueOn).toBe("2021-06-15");
    expect(d.urgent).toBe(true);
    expect([d.sourceStart, d.sourceEnd]).toEqual([10, 90]);
  });

  it("reorders, keeping the order the secretariat sets", () => {
    const s = model.moveDirective(model.initialState(draft, null), 1, -1);
    expect(model.toDraft(s).directives.map((d) => d.ref)).toEqual(["2", "1"]);
    expect(model.moveDirective(s, 0, -1)).toBe(s);
  });

  it("expands a group into one assignment per member, through that group", () => {
    const added = model.assignmentsFor(registry, "UBND các huyện, thị xã, thành phố", "support");
    expect(added).toEqual([
      { agency: "UBND huyện Cần Giuộc", role: "support", viaGroup: "UBND các huyện, thị xã, thành phố", isNew: false },
      { agency: "UBND thành phố Tân An", role: "support", viaGroup: "UBND các huyện, thị xã, thành phố", isNew: false },
    ]);
    expect(model.assignmentsFor(registry, "Hội Nông dân tỉnh", "lead")).toEqual([
      { agency: "Hội Nông dân tỉnh", role: "lead", viaGroup: null, isNew: true },
    ]);
  });

  it("does not add an agency twice to a directive", () => {
    const s = model.addAssignments(
      model.initialState(draft, null),
      0,
      model.assignmentsFor(registry, "Sở Y tế", "support"),
    );
    expect(s.directives[0]!.assignments).toHaveLength(1);
  });

  it("renames a proposed agency to an existing one everywhere, which then is no longer new", () => {
    let s = model.setAccepted(model.initialState(draft, null), "Ban Chỉ đạo xã", true);
    expect(model.newAgencyNames(s)).toEqual(["Ban Chỉ đạo xã"]);
    s = model.renameAgency(s, registry, "Ban Chỉ đạo xã", "UBND huyện Cần Giuộc");
    expect(model.newAgencyNames(s)).toEqual([]);
    expect(s.accepted).toEqual([]);
    expect(s.directives[1]!.assignments[0]).toMatchObject({ agency: "UBND huyện Cần Giuộc", isNew: false });
  });

  it("keeps the extractor's spans as highlights of the passage, agencies and deadline", () => {
    const s = model.initialState(draft, {
      directives: [
        {
          ref: "1",
          start: 10,
          end: 50,
          assignments: [{ agency: "Sở Y tế", role: "lead", start: 10, end: 17 }],
          deadline: null,
        },
        { ref: "2", start: 60, end: 90, assignments: [], deadline: { start: 70, end: 88 } },
      ],
      number: null,
      issueDate: null,
      illegible: [],
    });
    expect(s.directives[0]!.highlights.map((h) => h.kind)).toEqual(["directive", "agency"]);
    expect(s.directives[1]!.highlights).toContainEqual({ start: 70, end: 88, kind: "deadline" });
  });
});

describe("the notice's urgency and the deadlines a confirmation accepts", () => {
  it("marks every directive urgent when the notice is marked KHẨN or HỎA TỐC", () => {
    const s = model.initialState(draft, null);
    const hoaToc = model.updateNotice(s, { urgency: "hoa_toc" });
    expect(hoaToc.notice.urgency).toBe("hoa_toc");
    expect(hoaToc.directives.map((d) => d.urgent)).toEqual([true, true]);
    // Unmarking leaves each directive's own choice; editing another field changes none.
    expect(model.updateNotice(hoaToc, { urgency: null }).directives.map((d) => d.urgent)).toEqual([true, true]);
    expect(model.updateNotice(s, { title: "Khác" }).directives.map((d) => d.urgent)).toEqual([false, true]);
  });

  it("refuses a dated deadline whose date was cleared, beside that directive's date", () => {
    const cleared = model.toDraft(
      model.updateDirective(model.initialState(draft, null), 1, {
        deadline: { ...draft.directives[1]!.deadline!, dueOn: null },
      }),
    );
    const r = ZReviewedDraft.safeParse(cleared);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["directives.1.deadline.dueOn", UNDATED_DEADLINE_MESSAGE],
    ]);
    // The stored shape still accepts it (the seed and stored notices may hold one).
    expect(ZNoticeDraft.safeParse(cleared).success).toBe(true);
  });

  it("accepts 'Thường xuyên' and 'Không có thời hạn' with no words of the notice, no other kind", () => {
    const withDeadline = (deadline: Deadline | null) =>
      ZReviewedDraft.safeParse({ ...draft, directives: [{ ...draft.directives[0]!, deadline }] });
    const none = { dueOn: null, dueAt: null, phrase: "", startOn: null, recurrence: null, target: null };
    expect(withDeadline({ kind: "ongoing", ...none }).success).toBe(true);
    expect(withDeadline({ kind: "none", ...none }).success).toBe(true);
    expect(withDeadline(null).success).toBe(true);
    const exact = withDeadline({ kind: "exact", ...none, dueOn: "2021-06-15", phrase: "  " });
    expect(exact.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["directives.0.deadline.phrase", "Cần giữ nguyên văn thời hạn"],
    ]);
    // A kind without a day of its own ("định kỳ", "từ ngày") needs no date, but its words.
    expect(withDeadline({ kind: "recurring", ...none, phrase: "hằng tuần", recurrence: "weekly" }).success).toBe(true);
  });
});
