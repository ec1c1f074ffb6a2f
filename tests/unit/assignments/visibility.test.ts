import { describe, expect, it } from "vitest";
import { canReadReports, type VisibleAssignment } from "@/lib/assignments/visibility";
import type { SessionUser } from "@/lib/auth/user";

// Directive in province 1: agency 10 leads, 11 and 12 support. Agency 20 is in province 2.
const lead: VisibleAssignment = { provinceId: 1, agencyId: 10, role: "lead" };
const support: VisibleAssignment = { provinceId: 1, agencyId: 11, role: "support" };
const support2: VisibleAssignment = { provinceId: 1, agencyId: 12, role: "support" };
const directive = [lead, support, support2];

const staff = (agencyIds: number[], provinceId = 1): SessionUser => ({
  id: 1,
  username: "u",
  name: "U",
  role: "agency_staff",
  provinceId,
  provinceName: "X",
  agencyIds,
});

describe("canReadReports", () => {
  it("lets the lead's staff read each supporter's reports", () => {
    expect(canReadReports(staff([10]), support, directive)).toBe(true);
    expect(canReadReports(staff([10]), support2, directive)).toBe(true);
  });

  it("does not let a supporter read the lead's or another supporter's reports", () => {
    expect(canReadReports(staff([11]), lead, directive)).toBe(false);
    expect(canReadReports(staff([11]), support2, directive)).toBe(false);
    expect(canReadReports(staff([11]), support, directive)).toBe(true);
  });

  it("does not share one lead's reports with a co-lead", () => {
    const coLead: VisibleAssignment = { provinceId: 1, agencyId: 13, role: "lead" };
    expect(canReadReports(staff([13]), lead, [...directive, coLead])).toBe(false);
  });

  it("gives nothing to another province's agency with the same ids", () => {
    expect(canReadReports(staff([10], 2), support, directive)).toBe(false);
  });

  it("lets the province's secretariat and chairman read every report", () => {
    for (const role of ["secretariat", "chairman"] as const) {
      const u: SessionUser = { ...staff([]), role };
      expect(directive.every((a) => canReadReports(u, a, directive))).toBe(true);
    }
  });
});
