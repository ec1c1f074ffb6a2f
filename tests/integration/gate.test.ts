import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { action, formAction, formValues, page, route, toFailure } from "@/lib/auth/gate";
import { loadSessionUser } from "@/lib/auth/credentials";
import type { SessionUser } from "@/lib/auth/user";
import { useDbForTests } from "@/lib/db/client";
import { ConflictError, GENERIC_ERROR_MESSAGE, NotFoundError, ValidationError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/log";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import { signInAs } from "@/tests/helpers/test-session";

// The gate's own behaviour: what each kind of failure becomes, how a form's values are read, how
// pages and routes answer a visitor, a bad id and a missing record, and the hourly write budget.
// The handlers here are stand-ins; the users and the budget are real rows.

let t: TestDatabase;
let secretariat: SessionUser;
let staff: SessionUser;

beforeAll(async () => {
  t = await createTestDatabase();
  const province = await t.prisma.province.create({ data: { name: "Long An", code: "long-an" } });
  const agency = await t.prisma.agency.create({
    data: { provinceId: province.id, name: "Sở Y tế", shortName: "SYT", kind: "department" },
  });
  const vp = await t.prisma.user.create({
    data: { username: "vp", name: "Văn phòng", passwordHash: "x", role: "secretariat", provinceId: province.id },
  });
  const syt = await t.prisma.user.create({
    data: {
      username: "syt",
      name: "Sở Y tế",
      passwordHash: "x",
      role: "agency_staff",
      provinceId: province.id,
      agencies: { create: { agencyId: agency.id } },
    },
  });
  secretariat = (await loadSessionUser(t.prisma, vp.id))!;
  staff = (await loadSessionUser(t.prisma, syt.id))!;
  useDbForTests(t.prisma);
});

afterAll(async () => {
  await t?.drop();
});

afterEach(() => signInAs(null));

const prismaError = (code: string) =>
  new Prisma.PrismaClientKnownRequestError("raw database message", { code, clientVersion: "7" });

describe("toFailure: every error mapped in one place", () => {
  it("passes on a typed error's message, code and details", () => {
    class Stale extends ConflictError {
      override readonly code = "stale";
      override details() {
        return { current: { version: 3 } };
      }
    }
    expect(toFailure(new Stale("Đã có người sửa trước."), "t")).toEqual({
      ok: false,
      code: "stale",
      message: "Đã có người sửa trước.",
      current: { version: 3 },
    });
    expect(toFailure(new ValidationError("Sai ngày", { dueOn: ["Sai ngày"] }), "t")).toEqual({
      ok: false,
      code: "invalid",
      message: "Sai ngày",
      fieldErrors: { dueOn: ["Sai ngày"] },
    });
  });

  it("turns Prisma's unique-constraint and not-found errors into typed ones, without the database's words", () => {
    const unique = toFailure(prismaError("P2002"), "t");
    expect(unique).toMatchObject({ ok: false, code: "conflict" });
    expect(unique.message).not.toContain("raw database message");
    expect(toFailure(prismaError("P2025"), "t")).toEqual({
      ok: false,
      code: "not_found",
      message: new NotFoundError().message,
    });
  });

  it("hides anything else behind the generic message and logs it with the entry's name", () => {
    const log = vi.spyOn(logger, "error").mockImplementation(() => {});
    const raw = new Error('duplicate key value violates unique constraint "Assignment_pkey"');
    expect(toFailure(raw, "assignment.start")).toEqual({ ok: false, code: "internal", message: GENERIC_ERROR_MESSAGE });
    expect(toFailure(prismaError("P2034"), "assignment.start").code).toBe("internal");
    expect(log).toHaveBeenCalledWith({ err: raw, entry: "assignment.start", requestId: undefined }, "unexpected error");
    log.mockRestore();
  });
});

describe("actions", () => {
  const echo = action(
    { name: "test.echo", input: z.object({ id: z.int(), note: z.string().optional() }), pastedText: ["note"] },
    async (input) => ({ ok: true as const, message: "Đã nhận.", input }),
  );

  it("answers a visitor without a session with the usual message, never an exception", async () => {
    expect(await echo({ id: 1 })).toEqual({
      ok: false,
      code: "unauthenticated",
      message: "Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.",
    });
  });

  it("parses before the handler runs, with messages beside the fields", async () => {
    signInAs(secretariat);
    const handler = vi.fn();
    const guarded = action({ name: "t", input: z.object({ id: z.int({ error: "Mã không hợp lệ." }) }) }, handler);
    expect(await guarded({ id: "x" })).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { id: ["Mã không hợp lệ."] },
    });
    expect(handler).not.toHaveBeenCalled();
  });

  it("refuses a control character anywhere in the input, and cleans it from pasted text", async () => {
    signInAs(secretariat);
    expect(await echo({ id: 1, extra: { deep: ["a\u0000"] } })).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { "extra.deep.0": [expect.stringMatching(/ký tự điều khiển/)] },
    });
    expect(await echo({ id: 1, note: "Trang 1\fTrang 2\u0000" })).toMatchObject({
      ok: true,
      input: { note: "Trang 1\nTrang 2" },
    });
  });

  it("checks the role's permission in its own province before the handler", async () => {
    const handler = vi.fn();
    const create = action({ name: "t", input: z.object({}), permission: "notice.create" }, handler);
    signInAs(staff);
    expect(await create({})).toMatchObject({ ok: false, code: "forbidden" });
    signInAs({ ...secretariat, provinceId: null, role: "admin" });
    expect(await create({})).toMatchObject({ ok: false, code: "forbidden" });
    expect(handler).not.toHaveBeenCalled();
  });

  it("lets agency staff through a permission they hold for their own agencies only", async () => {
    const mark = action({ name: "t", input: z.object({}), permission: "digest.markRead" }, async () => ({
      ok: true as const,
      message: "Đã đọc.",
    }));
    signInAs(staff);
    expect(await mark({})).toEqual({ ok: true, message: "Đã đọc." });
    signInAs({ ...staff, agencyIds: [] });
    expect(await mark({})).toMatchObject({ ok: false, code: "forbidden" });
    signInAs(secretariat);
    expect(await mark({})).toMatchObject({ ok: false, code: "forbidden" });
  });

  it("reads a form: repeated fields as a list, an empty file input as nothing, React's own fields left out", async () => {
    const fd = new FormData();
    fd.append("ids", "1");
    fd.append("ids", "2");
    fd.append("attachment", new File([], ""));
    fd.append("$ACTION_ID_abc", "");
    fd.append("text", "x");
    expect(formValues(fd)).toEqual({ ids: ["1", "2"], text: "x" });
    signInAs(secretariat);
    const submit = formAction({ name: "t", input: z.object({ text: z.string() }) }, async (i) => ({
      ok: true as const,
      message: i.text,
    }));
    expect(await submit(null, fd)).toEqual({ ok: true, message: "x" });
    expect(await submit(null, { text: "x" } as unknown as FormData)).toMatchObject({ ok: false, code: "bad_request" });
  });
});

describe("pages", () => {
  const props = (id: unknown, query: Record<string, string> = {}) => ({
    params: Promise.resolve({ id } as Record<string, string>),
    searchParams: Promise.resolve(query),
  });
  const digest = async (p: Promise<unknown>) =>
    (
      (await p.then(
        () => null,
        (e: unknown) => e,
      )) as { digest?: string } | null
    )?.digest;

  it("sends a visitor to the sign-in page", async () => {
    const view = page({ ids: ["id"] }, async () => "trang");
    expect(await digest(view(props("1")))).toMatch(/^NEXT_REDIRECT;replace;\/dang-nhap;/);
  });

  it("answers a malformed id, a missing record and a forbidden one with the 404 page", async () => {
    signInAs(secretariat);
    const seen: number[] = [];
    const view = page({ ids: ["id"] }, async ({ params }) => {
      seen.push(params.id);
      if (params.id === 404) throw new NotFoundError("Nhiệm vụ");
      if (params.id === 403) throw prismaError("P2025");
      return "trang";
    });
    for (const bad of ["0", "-1", "1e3", "0x1", "2147483648", "1.0", ""])
      expect(await digest(view(props(bad))), bad).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
    expect(await digest(view(props("404")))).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
    expect(await digest(view(props("403")))).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
    expect(await view(props("7"))).toBe("trang");
    expect(seen).toEqual([404, 403, 7]);
  });

  it("lets an unexpected error reach the error page", async () => {
    signInAs(secretariat);
    const view = page({}, async () => {
      throw new Error("boom");
    });
    await expect(view(props(undefined))).rejects.toThrow("boom");
  });
});

describe("route handlers", () => {
  const get = route(
    { name: "t", ids: ["id"], permission: "overview.read" },
    async ({ params }) => new Response(`tệp ${params.id}`),
  );
  const call = (id: string) => get(new Request(`http://x/api/t/${id}`), { params: Promise.resolve({ id }) });

  it("answers in Vietnamese with the status of each failure", async () => {
    const noSession = await call("1");
    expect([noSession.status, await noSession.text()]).toEqual([
      401,
      "Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.",
    ]);
    signInAs(staff);
    expect((await call("1")).status).toBe(403);
    signInAs(secretariat);
    expect((await call("abc")).status).toBe(404);
    expect((await call("99999999999")).status).toBe(404);
    const ok = await call("5");
    expect([ok.status, await ok.text()]).toEqual([200, "tệp 5"]);
  });
});

describe("the hourly write budget", () => {
  it("refuses the write past the limit with a clear message, counting uploaded bytes too", async () => {
    const { spendWriteBudget } = await import("@/lib/auth/write-budget");
    const at = new Date("2021-09-20T08:10:00+07:00");
    const limits = { writes: 3, bytes: 1_000 };
    for (let i = 0; i < 3; i++) await spendWriteBudget(t.prisma, staff.id, 100, at, limits);
    await expect(spendWriteBudget(t.prisma, staff.id, 0, at, limits)).rejects.toThrow(
      "Tài khoản đã thực hiện quá 3 thao tác trong một giờ. Vui lòng thử lại sau 50 phút.",
    );
    // Another user, and the next hour, start afresh; bytes have their own limit.
    await expect(spendWriteBudget(t.prisma, secretariat.id, 900, at, limits)).resolves.toBeUndefined();
    await expect(spendWriteBudget(t.prisma, secretariat.id, 200, at, limits)).rejects.toThrow(/tải lên quá/);
    await expect(
      spendWriteBudget(t.prisma, staff.id, 0, new Date("2021-09-20T09:00:00+07:00"), limits),
    ).resolves.toBeUndefined();
  });
});

describe("actions and the write budget", () => {
  const spent = async (userId: number) =>
    (await t.prisma.writeBudget.aggregate({ where: { userId }, _sum: { writes: true } }))._sum.writes ?? 0;

  it("counts an action that writes, and not one that only loads a form's data", async () => {
    signInAs(staff);
    const ok = async () => ({ ok: true as const, message: "xong" });
    const write = action({ name: "t.write", input: z.object({}) }, ok);
    const load = action({ name: "t.load", input: z.object({}), readOnly: true }, ok);
    const before = await spent(staff.id);
    expect((await write({})).ok).toBe(true);
    expect(await spent(staff.id)).toBe(before + 1);
    for (let i = 0; i < 3; i++) expect((await load({})).ok).toBe(true);
    expect(await spent(staff.id)).toBe(before + 1);
  });

  it("opens a directive's editor without spending the budget (the notice page's «Sửa»)", async () => {
    const { loadDirectiveEditorAction, loadNoticeRegistryAction } = await import("@/lib/notices/edit-actions");
    signInAs(secretariat);
    const before = await spent(secretariat.id);
    // No such directive or notice: refused as not found, and still nothing spent.
    expect((await loadDirectiveEditorAction({ directiveId: 987654 })).ok).toBe(false);
    expect((await loadNoticeRegistryAction({ noticeId: 987654 })).ok).toBe(false);
    expect(await spent(secretariat.id)).toBe(before);
  });
});
