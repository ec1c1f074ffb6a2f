import "server-only";
import { audit } from "@/lib/audit/log";
import { authorize, canReadNotice } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/user";
import type { Db, Tx } from "@/lib/db/client";
import { ConflictError, invalidField, NotFoundError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { moveDirectivesInTx } from "@/lib/notices/carry-over";
import { EDIT_TX, loadNoticeForChange } from "@/lib/notices/edit-core";
import type { LinkNoticeInput, UnlinkNoticeInput } from "@/lib/notices/edit-schemas";
import { noticeLabel } from "@/lib/notices/notice-label";
import { withdrawInTx } from "@/lib/notices/withdraw";
import { toIsoDay, type DatePrecision } from "@/lib/time/calendar";

// Links the secretariat sets between a later notice and an earlier one of the province: the later
// one continues it (tiếp tục) or replaces it (thay thế). Setting a link may carry the earlier
// notice's open directives over into the later one (lib/notices/carry-over.ts) or, for a
// replacement, close them by withdrawing the earlier notice as replaced. Both notices' histories
// record the link; both pages show it.

export interface LinkResult {
  noticeId: number;
  targetId: number;
  linkId: number;
  moved: number;
  closed: number;
  agencyIds: number[];
  assignmentIds: number[];
}

async function findTarget(db: Db | Tx, provinceId: number, selfId: number, input: LinkNoticeInput) {
  const select = { id: true, provinceId: true, status: true, number: true } as const;
  if (input.targetId !== undefined) {
    const t = await db.notice.findUnique({ where: { id: input.targetId }, select });
    if (!t || t.provinceId !== provinceId) invalidField("targetId", "Không tìm thấy thông báo được chọn trong tỉnh.");
    return t;
  }
  const found = await db.notice.findMany({
    where: { provinceId, id: { not: selfId }, number: { equals: input.targetNumber!, mode: "insensitive" } },
    select,
    take: 3,
  });
  if (found.length === 0) invalidField("targetNumber", `Không có thông báo số “${input.targetNumber}” trong tỉnh.`);
  if (found.length > 1)
    invalidField(
      "targetNumber",
      `Có ${found.length} thông báo cùng số “${input.targetNumber}”; vui lòng chọn trong danh sách.`,
    );
  return found[0]!;
}

export async function linkNotice(db: Db, actor: SessionUser, input: LinkNoticeInput): Promise<LinkResult> {
  const notice = await loadNoticeForChange(db, actor, input.noticeId);
  if (notice.status === "withdrawn") throw new ConflictError("Thông báo đã thu hồi, không thêm liên kết được.");
  const target = await findTarget(db, notice.provinceId, notice.id, input);
  if (target.id === notice.id) invalidField("targetId", "Một thông báo không liên kết với chính nó.");
  if (target.status === "draft") invalidField("targetId", "Thông báo được chọn còn là bản nháp.");
  if (input.open !== "keep" && notice.status !== "published")
    invalidField("open", "Ban hành thông báo này trước khi chuyển hoặc kết thúc nhiệm vụ của thông báo cũ.");
  if (input.open === "close" && target.status !== "published")
    invalidField("open", "Thông báo cũ đã được thu hồi trước đó.");

  return db.$transaction(async (tx) => {
    const reverse = await tx.noticeLink.findUnique({
      where: { fromNoticeId_toNoticeId: { fromNoticeId: target.id, toNoticeId: notice.id } },
    });
    if (reverse) invalidField("targetId", "Thông báo được chọn đã liên kết ngược lại với thông báo này.");
    let link;
    try {
      link = await tx.noticeLink.create({
        data: {
          provinceId: notice.provinceId,
          fromNoticeId: notice.id,
          toNoticeId: target.id,
          kind: input.kind,
          createdById: actor.id,
        },
      });
    } catch (e) {
      if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002")
        throw new ConflictError("Hai thông báo này đã được liên kết.");
      throw e;
    }
    for (const [entityId, other, side] of [
      [notice.id, target.id, "from"],
      [target.id, notice.id, "to"],
    ] as const) {
      await audit(tx, {
        provinceId: notice.provinceId,
        actorId: actor.id,
        action: "notice.link",
        entityType: "Notice",
        entityId,
        after: { noticeId: entityId, otherNoticeId: other, kind: input.kind, side, open: input.open },
      });
    }
    let moved = { directiveIds: [] as number[], agencyIds: [] as number[], assignmentIds: [] as number[] };
    let closed = { openTasks: 0, agencyIds: [] as number[], assignmentIds: [] as number[] };
    if (input.open === "move") {
      const open = await tx.$queryRaw<{ id: number }[]>`
        SELECT d.id FROM "Directive" d WHERE d."noticeId" = ${target.id}
          AND EXISTS (SELECT 1 FROM "Assignment" a WHERE a."directiveId" = d.id AND a."state" <> 'completed')
        ORDER BY d."position"`;
      if (open.length === 0) invalidField("open", "Thông báo cũ không còn nhiệm vụ nào đang mở để chuyển.");
      moved = await moveDirectivesInTx(
        tx,
        actor,
        notice,
        open.map((o) => o.id),
      );
    } else if (input.open === "close") {
      const self = await tx.notice.findUniqueOrThrow({
        where: { id: notice.id },
        select: { kind: true, number: true, issuedOn: true, issuedPrecision: true, meetingOn: true },
      });
      const label = noticeLabel({
        ...self,
        issuedOn: self.issuedOn ? toIsoDay(self.issuedOn) : null,
        meetingOn: self.meetingOn ? toIsoDay(self.meetingOn) : null,
      });
      closed = await withdrawInTx(tx, actor, target, null, `Được thay thế bởi ${label}.`, notice.id);
    }
    return {
      noticeId: notice.id,
      targetId: target.id,
      linkId: link.id,
      moved: moved.directiveIds.length,
      closed: closed.openTasks,
      agencyIds: [...new Set([...moved.agencyIds, ...closed.agencyIds])],
      assignmentIds: [...moved.assignmentIds, ...closed.assignmentIds],
    };
  }, EDIT_TX);
}

/** Removes a link; directives already carried over stay where they are, a withdrawal stays. */
export async function unlinkNotice(db: Db, actor: SessionUser, input: UnlinkNoticeInput) {
  const link = await db.noticeLink.findUnique({ where: { id: input.linkId } });
  if (!link) throw new NotFoundError("Liên kết");
  const from = await db.notice.findUniqueOrThrow({
    where: { id: link.fromNoticeId },
    select: { id: true, provinceId: true, status: true },
  });
  if (!canReadNotice(actor, from)) throw new NotFoundError("Liên kết");
  authorize(actor, "notice.edit", { provinceId: from.provinceId });
  return db.$transaction(async (tx) => {
    const gone = await tx.noticeLink.deleteMany({ where: { id: link.id } });
    if (gone.count !== 1) throw new ConflictError("Liên kết đã được bỏ trước đó.");
    for (const [entityId, other] of [
      [link.fromNoticeId, link.toNoticeId],
      [link.toNoticeId, link.fromNoticeId],
    ] as const) {
      await audit(tx, {
        provinceId: from.provinceId,
        actorId: actor.id,
        action: "notice.unlink",
        entityType: "Notice",
        entityId,
        before: { noticeId: entityId, otherNoticeId: other, kind: link.kind },
      });
    }
    return { noticeId: link.fromNoticeId, targetId: link.toNoticeId };
  }, EDIT_TX);
}

// ───────────── the notice page's links ─────────────

export interface LinkedNotice {
  linkId: number | null;
  noticeId: number;
  label: string;
  title: string;
  status: string;
  /** What the link says, from this page's side: "Tiếp tục thông báo", "Được thay thế bởi"… */
  relation: string;
}

export interface NoticeLinks {
  links: LinkedNotice[];
  /** Directives carried over into this notice, per notice they came from; and out of it. */
  carriedIn: { noticeId: number; label: string; refs: string[] }[];
  carriedOut: { noticeId: number; label: string; refs: string[] }[];
  /** Later notices that cite this one in their text (resolved by its number). */
  citedBy: LinkedNotice[];
}

type LabelRow = {
  id: number;
  kind: string;
  number: string | null;
  title: string;
  status: string;
  issuedOn: Date | null;
  issuedPrecision: DatePrecision;
  meetingOn: Date | null;
};

const labelOf = (n: LabelRow) =>
  noticeLabel({
    kind: n.kind,
    number: n.number,
    issuedOn: n.issuedOn ? toIsoDay(n.issuedOn) : null,
    issuedPrecision: n.issuedPrecision,
    meetingOn: n.meetingOn ? toIsoDay(n.meetingOn) : null,
  });

const LABEL_SELECT = {
  id: true,
  kind: true,
  number: true,
  title: true,
  status: true,
  issuedOn: true,
  issuedPrecision: true,
  meetingOn: true,
} as const;

export async function noticeLinks(
  db: Db,
  user: SessionUser,
  notice: { id: number; provinceId: number; number: string | null },
): Promise<NoticeLinks> {
  const [from, to, carriedInRows, carriedOutRows] = await Promise.all([
    db.noticeLink.findMany({ where: { fromNoticeId: notice.id }, include: { to: { select: LABEL_SELECT } } }),
    db.noticeLink.findMany({ where: { toNoticeId: notice.id }, include: { from: { select: LABEL_SELECT } } }),
    db.directive.findMany({
      where: { noticeId: notice.id, carriedFromNoticeId: { not: null } },
      select: { ref: true, carriedFromNoticeId: true },
      orderBy: { position: "asc" },
    }),
    db.directive.findMany({
      where: { carriedFromNoticeId: notice.id },
      select: { ref: true, noticeId: true },
      orderBy: [{ noticeId: "asc" }, { position: "asc" }],
    }),
  ]);
  const readable = (n: { status: string }) => canReadNotice(user, { provinceId: notice.provinceId, status: n.status });
  const links: LinkedNotice[] = [
    ...from
      .filter((l) => readable(l.to))
      .map((l) => ({
        linkId: l.id,
        noticeId: l.to.id,
        label: labelOf(l.to),
        title: l.to.title,
        status: l.to.status,
        relation: l.kind === "continues" ? "Tiếp tục" : "Thay thế",
      })),
    ...to
      .filter((l) => readable(l.from))
      .map((l) => ({
        linkId: l.id,
        noticeId: l.from.id,
        label: labelOf(l.from),
        title: l.from.title,
        status: l.from.status,
        relation: l.kind === "continues" ? "Được tiếp tục bởi" : "Được thay thế bởi",
      })),
  ];
  const ids = [
    ...new Set([...carriedInRows.map((r) => r.carriedFromNoticeId!), ...carriedOutRows.map((r) => r.noticeId)]),
  ];
  const others = ids.length ? await db.notice.findMany({ where: { id: { in: ids } }, select: LABEL_SELECT }) : [];
  const byId = new Map(others.filter(readable).map((n) => [n.id, n]));
  const group = (rows: { ref: string; other: number }[]) => {
    const out = new Map<number, string[]>();
    for (const r of rows) if (byId.has(r.other)) out.set(r.other, [...(out.get(r.other) ?? []), r.ref]);
    return [...out].map(([noticeId, refs]) => ({ noticeId, label: labelOf(byId.get(noticeId)!), refs }));
  };
  let citedBy: LinkedNotice[] = [];
  if (notice.number) {
    // A later notice's citations as written ("Thông báo số 874/TB-VPUBND ngày …"): matched on the number.
    const pattern = `%số ${notice.number.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows = await db.$queryRaw<LabelRow[]>`
      SELECT n.id, n."kind"::text AS "kind", n."number", n."title", n."status"::text AS "status", n."issuedOn",
        n."issuedPrecision"::text AS "issuedPrecision", n."meetingOn"
      FROM "Notice" n WHERE n."provinceId" = ${notice.provinceId} AND n.id <> ${notice.id}
        AND array_to_string(n."citations", ' | ') ILIKE ${pattern}
      ORDER BY n.id DESC LIMIT 20`;
    citedBy = rows.filter(readable).map((n) => ({
      linkId: null,
      noticeId: n.id,
      label: labelOf(n),
      title: n.title,
      status: n.status,
      relation: "Dẫn chiếu thông báo này",
    }));
  }
  return {
    links,
    carriedIn: group(carriedInRows.map((r) => ({ ref: r.ref, other: r.carriedFromNoticeId! }))),
    carriedOut: group(carriedOutRows.map((r) => ({ ref: r.ref, other: r.noticeId }))),
    citedBy,
  };
}

/** The earlier notices a link may point to: those the notice cites, then the province's latest. */
export async function linkChoices(
  db: Db,
  notice: { id: number; provinceId: number },
  citedIds: number[],
): Promise<{ id: number; label: string; title: string }[]> {
  const rows = await db.notice.findMany({
    where: { provinceId: notice.provinceId, id: { not: notice.id }, status: { not: "draft" } },
    select: LABEL_SELECT,
    orderBy: [{ issuedOn: { sort: "desc", nulls: "last" } }, { id: "desc" }],
    take: 40,
  });
  const cited = citedIds.length
    ? await db.notice.findMany({ where: { id: { in: citedIds }, provinceId: notice.provinceId }, select: LABEL_SELECT })
    : [];
  const seen = new Set<number>();
  return [...cited, ...rows]
    .filter((n) => (seen.has(n.id) ? false : (seen.add(n.id), true)))
    .map((n) => ({ id: n.id, label: labelOf(n), title: n.title }));
}
