import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readAttachment } from "@/lib/attachments/store";
import { loadSessionUser } from "@/lib/auth/credentials";
import type { SessionUser } from "@/lib/auth/user";
import { useDbForTests } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { confirmNoticeAction, proposeNoticeAction } from "@/lib/intake/actions";
import type { Proposal } from "@/lib/intake/service";
import { getNotice } from "@/lib/notices/queries";
import { seedDemo } from "@/prisma/seed/demo";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import { signInAs } from "@/tests/helpers/test-session";
import { makeDocx } from "@/tests/helpers/zip";

// Issue 14: the notice page offers the document the notice was entered from. The upload read on
// the intake page is kept, the confirmed notice takes it, whoever reads the notice downloads it,
// and nobody else can; an upload id from someone else's intake is not taken.

let t: TestDatabase;
const user = async (username: string): Promise<SessionUser> => {
  const row = await t.prisma.user.findUniqueOrThrow({ where: { username }, select: { id: true } });
  return (await loadSessionUser(t.prisma, row.id))!;
};

beforeAll(async () => {
  t = await createTestDatabase();
  useDbForTests(t.prisma);
  await seedDemo(t.prisma, () => {});
});

afterAll(async () => {
  signInAs(null);
  await t?.drop();
});

async function propose(sec: SessionUser, bytes: Uint8Array, name: string): Promise<Proposal> {
  const form = new FormData();
  form.set("text", "");
  form.set("file", new File([bytes as Uint8Array<ArrayBuffer>], name));
  signInAs(sec);
  const result = (await proposeNoticeAction(null, form)) as { ok: boolean; message: string; proposal?: Proposal };
  expect(result.ok, result.message).toBe(true);
  return result.proposal!;
}

const confirm = (p: Proposal, sourceFileId: number | null) =>
  confirmNoticeAction({
    sourceText: p.sourceText,
    draft: p.draft,
    acceptedNewAgencies: p.draft.directives.flatMap((d) => d.assignments.filter((a) => a.isNew).map((a) => a.agency)),
    acknowledgeDuplicates: true,
    publish: true,
    sourceFileId,
  });

describe("the document a notice was entered from", () => {
  it("is kept with the notice and downloaded by those who read it", async () => {
    const sec = await user("longan.vanphong");
    const bytes = makeDocx([
      "UỶ BAN NHÂN DÂN TỈNH LONG AN",
      "Số: 950/TB-VPUBND",
      "THÔNG BÁO Kết luận của Chủ tịch UBND tỉnh tại cuộc họp Ban Chỉ đạo",
      "1. Giao Sở Y tế chủ trì, tổ chức tiêm vắc xin, hoàn thành trước ngày 30/10/2021.",
    ]);
    const p = await propose(sec, bytes, "tb-950.docx");
    expect(p.sourceFileId).toBeGreaterThan(0);
    const r = await confirm(p, p.sourceFileId);
    expect(r.ok, r.message).toBe(true);
    const noticeId = (r as { noticeId: number }).noticeId;

    const staff = await user("longan.syt");
    const notice = await getNotice(t.prisma, staff, noticeId);
    expect(notice.sourceFile).toMatchObject({ id: p.sourceFileId, fileName: "tb-950.docx", size: bytes.byteLength });
    const file = await readAttachment(t.prisma, staff, p.sourceFileId!);
    expect(Buffer.from(file.data).equals(Buffer.from(bytes))).toBe(true);
    expect(file.mimeType).toMatch(/wordprocessingml/);
    await expect(readAttachment(t.prisma, await user("langson.vanphong"), p.sourceFileId!)).rejects.toThrow(
      NotFoundError,
    );
  }, 60_000);

  it("does not take another person's upload", async () => {
    const sec = await user("longan.vanphong");
    const p = await propose(sec, makeDocx(["Số: 951/TB-VPUBND", "1. Giao Sở Y tế chủ trì báo cáo."]), "tb-951.docx");
    const other = await propose(
      await user("langson.vanphong"),
      makeDocx(["Số: 952/TB-VPUBND", "1. Giao Sở Y tế chủ trì báo cáo."]),
      "tb-952.docx",
    );
    signInAs(sec);
    const r = await confirm(p, other.sourceFileId);
    expect(r.ok, r.message).toBe(true);
    const stored = await t.prisma.notice.findUniqueOrThrow({ where: { id: (r as { noticeId: number }).noticeId } });
    expect(stored.sourceFileId).toBeNull();
  }, 60_000);
});
