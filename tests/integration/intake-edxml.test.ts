import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSessionUser } from "@/lib/auth/credentials";
import type { SessionUser } from "@/lib/auth/user";
import { useDbForTests } from "@/lib/db/client";
import { proposeNoticeAction } from "@/lib/intake/actions";
import type { Proposal } from "@/lib/intake/service";
import { seedDemo } from "@/prisma/seed/demo";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import { signInAs } from "@/tests/helpers/test-session";

// An edXML package uploaded on the intake page: the e-office header fills what the attached
// document's text does not say (here the package's priority "Khẩn", which the text lacks) and
// outranks it, as `npm run extract` already did.

let t: TestDatabase;
let secretariat: SessionUser;

beforeAll(async () => {
  t = await createTestDatabase();
  useDbForTests(t.prisma);
  await seedDemo(t.prisma, () => {});
  const row = await t.prisma.user.findUniqueOrThrow({ where: { username: "longan.vanphong" }, select: { id: true } });
  secretariat = (await loadSessionUser(t.prisma, row.id))!;
});

afterAll(async () => {
  signInAs(null);
  await t?.drop();
});

describe("an edXML package on the intake page", () => {
  it("proposes the notice with the package's header laid over its text", async () => {
    const bytes = readFileSync(join(__dirname, "../fixtures/edxml/son-la-tb-88.edxml"));
    const form = new FormData();
    form.set("text", "");
    form.set("file", new File([bytes], "son-la-tb-88.edxml", { type: "application/xml" }));
    signInAs(secretariat);
    const result = (await proposeNoticeAction(null, form)) as { ok: boolean; message: string; proposal?: Proposal };
    expect(result.ok, result.message).toBe(true);
    const notice = result.proposal!.draft.notice;
    expect(notice).toMatchObject({ number: "88/TB-UBND", issuedOn: "2021-10-12", urgency: "khan" });
    expect(notice.signer).toBe("Nguyễn Đức Toàn");
  }, 60_000);
});
