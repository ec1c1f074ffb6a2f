import { describe, expect, it } from "vitest";
import { can, authorize, type Action } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/user";
import { ForbiddenError } from "@/lib/errors";

// Province 1 is the user's; agency 10 is the agency staff's own, 11 another agency of province 1,
// 20 an agency of province 2.
const OWN = { provinceId: 1, agencyId: 10 };
const OTHER_AGENCY = { provinceId: 1, agencyId: 11 };
const OTHER_PROVINCE = { provinceId: 2, agencyId: 20 };

const user = (role: SessionUser["role"], provinceId: number | null = 1): SessionUser => ({
  id: 1,
  username: "u",
  name: "U",
  role,
  provinceId,
  provinceName: "X",
  agencyIds: role === "agency_staff" ? [10] : [],
});

// Written out by hand from the brief: what each role may do on its own agency's record, on another
// agency's record in its province, and on another province's record. Y = allowed.
const EXPECTED: Record<
  SessionUser["role"],
  Record<Action, [own: boolean, otherAgency: boolean, otherProvince: boolean]>
> = {
  agency_staff: {
    "notice.read": [true, true, false],
    "notice.readDraft": [false, false, false],
    "notice.create": [false, false, false],
    "notice.edit": [false, false, false],
    "board.read": [true, false, false],
    "assignment.read": [true, false, false],
    "assignment.readShared": [true, false, false],
    "assignment.work": [true, false, false],
    "assignment.comment": [true, false, false],
    "assignment.confirm": [false, false, false],
    "extension.decide": [false, false, false],
    "explanation.request": [false, false, false],
    "overview.read": [false, false, false],
    "ranking.read": [true, false, false],
    "ranking.publish": [false, false, false],
    "meeting.prepare": [false, false, false],
    "digest.read": [true, false, false],
    "digest.markRead": [true, false, false],
    "audit.read": [false, false, false],
    "agency.manage": [false, false, false],
    "user.manage": [false, false, false],
    "province.manage": [false, false, false],
    "province.configure": [false, false, false],
    "webhook.manage": [false, false, false],
    "calendarFeed.manage": [true, false, false],
  },
  secretariat: {
    "notice.read": [true, true, false],
    "notice.readDraft": [true, true, false],
    "notice.create": [true, true, false],
    "notice.edit": [true, true, false],
    "board.read": [true, true, false],
    "assignment.read": [true, true, false],
    "assignment.readShared": [true, true, false],
    "assignment.work": [false, false, false],
    "assignment.comment": [true, true, false],
    "assignment.confirm": [true, true, false],
    "extension.decide": [true, true, false],
    "explanation.request": [true, true, false],
    "overview.read": [true, true, false],
    "ranking.read": [true, true, false],
    "ranking.publish": [true, true, false],
    "meeting.prepare": [true, true, false],
    "digest.read": [true, true, false],
    "digest.markRead": [false, false, false],
    "audit.read": [true, true, false],
    "agency.manage": [true, true, false],
    "user.manage": [false, false, false],
    "province.manage": [false, false, false],
    "province.configure": [false, false, false],
    "webhook.manage": [false, false, false],
    "calendarFeed.manage": [true, true, false],
  },
  chairman: {
    "notice.read": [true, true, false],
    "notice.readDraft": [true, true, false],
    "notice.create": [false, false, false],
    "notice.edit": [false, false, false],
    "board.read": [true, true, false],
    "assignment.read": [true, true, false],
    "assignment.readShared": [true, true, false],
    "assignment.work": [false, false, false],
    "assignment.comment": [true, true, false],
    "assignment.confirm": [false, false, false],
    "extension.decide": [true, true, false],
    "explanation.request": [true, true, false],
    "overview.read": [true, true, false],
    "ranking.read": [true, true, false],
    "ranking.publish": [false, false, false],
    "meeting.prepare": [true, true, false],
    "digest.read": [true, true, false],
    "digest.markRead": [false, false, false],
    "audit.read": [true, true, false],
    "agency.manage": [false, false, false],
    "user.manage": [false, false, false],
    "province.manage": [false, false, false],
    "province.configure": [false, false, false],
    "webhook.manage": [false, false, false],
    "calendarFeed.manage": [false, false, false],
  },
  admin: {
    "notice.read": [true, true, false],
    "notice.readDraft": [true, true, false],
    "notice.create": [false, false, false],
    "notice.edit": [false, false, false],
    "board.read": [true, true, false],
    "assignment.read": [true, true, false],
    "assignment.readShared": [true, true, false],
    "assignment.work": [false, false, false],
    "assignment.comment": [false, false, false],
    "assignment.confirm": [false, false, false],
    "extension.decide": [false, false, false],
    "explanation.request": [false, false, false],
    "overview.read": [true, true, false],
    "ranking.read": [false, false, false],
    "ranking.publish": [false, false, false],
    "meeting.prepare": [false, false, false],
    "digest.read": [true, true, false],
    "digest.markRead": [false, false, false],
    "audit.read": [true, true, false],
    "agency.manage": [true, true, false],
    "user.manage": [true, true, false],
    "province.manage": [true, true, false],
    "province.configure": [true, true, false],
    "webhook.manage": [true, true, false],
    "calendarFeed.manage": [true, true, false],
  },
};

describe("permission table", () => {
  for (const [role, actions] of Object.entries(EXPECTED) as [SessionUser["role"], (typeof EXPECTED)["admin"]][]) {
    for (const [action, [own, otherAgency, otherProvince]] of Object.entries(actions) as [
      Action,
      [boolean, boolean, boolean],
    ][]) {
      it(`${role} · ${action}`, () => {
        const u = user(role);
        expect(can(u, action, OWN)).toBe(own);
        expect(can(u, action, OTHER_AGENCY)).toBe(otherAgency);
        expect(can(u, action, OTHER_PROVINCE)).toBe(otherProvince);
      });
    }
  }

  it("denies an action it does not know", () => {
    expect(can(user("secretariat"), "notice.delete" as Action, OWN)).toBe(false);
  });

  it("denies agency-scoped actions when the record names no agency", () => {
    expect(can(user("agency_staff"), "assignment.work", { provinceId: 1 })).toBe(false);
  });

  it("lets a system administrator (no province) read every province, and nobody else", () => {
    expect(can(user("admin", null), "overview.read", OTHER_PROVINCE)).toBe(true);
    expect(can(user("secretariat", null), "notice.read", OTHER_PROVINCE)).toBe(false);
  });

  it("throws a Vietnamese message when refused", () => {
    expect(() => authorize(user("agency_staff"), "assignment.work", OTHER_AGENCY)).toThrowError(ForbiddenError);
    expect(() => authorize(user("agency_staff"), "assignment.work", OTHER_AGENCY)).toThrowError(/không có quyền/);
  });
});
