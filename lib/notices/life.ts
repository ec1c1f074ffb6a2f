import "server-only";
import { AUDIT_ACTOR_SELECT, auditActorName } from "@/lib/audit/log";
import { canReadNotice } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/user";
import type { Db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { noticeLabel } from "@/lib/notices/notice-label";
import { toIsoDay } from "@/lib/time/calendar";

// The notice's own life for its page: the full original text, and its history from the audit log
// (entered, edited, published, and any later row written about the notice itself), oldest first.
// The directives' edits after publication are listed in detail by edit-history's change list;
// here each edit is one line of the notice's history.

export interface NoticeEvent {
  id: string;
  at: string;
  actorName: string | null;
  action: string;
  label: string;
}

/** A document the notice cites, as written, and the stored notice of the province it names (if any). */
export interface NoticeCitation {
  text: string;
  notice: { id: number; number: string; title: string } | null;
}

export interface NoticeLife {
  sourceText: string;
  history: NoticeEvent[];
  citations: NoticeCitation[];
}

const CITED_NUMBER = /số\s+(\d+\/[\p{L}\d.-]+)/iu;
const CITED_DAY = /ngày\s+(\d{1,2})\/(\d{1,2})\/(\d{4})/u;

/** "Thông báo số 874/TB-VPUBND ngày 30/5/2021" → its number and day (ISO), when written. */
export function citedNumberAndDay(text: string): { number: string; day: string | null } | null {
  const n = CITED_NUMBER.exec(text);
  if (!n) return null;
  const d = CITED_DAY.exec(text);
  const day = d ? `${d[3]}-${d[2]!.padStart(2, "0")}-${d[1]!.padStart(2, "0")}` : null;
  return { number: n[1]!.replace(/[.-]+$/u, ""), day };
}

/** Each citation resolved to the province's stored, readable notice of that number (and day, when both are known). */
async function resolveCitations(
  db: Db,
  user: SessionUser,
  provinceId: number,
  selfId: number,
  citations: string[],
): Promise<NoticeCitation[]> {
  const out: NoticeCitation[] = [];
  for (const text of citations) {
    const cited = citedNumberAndDay(text);
    let notice: NoticeCitation["notice"] = null;
    if (cited) {
      const found = await db.notice.findMany({
        where: { provinceId, id: { not: selfId }, number: { equals: cited.number, mode: "insensitive" } },
        select: { id: true, number: true, title: true, status: true, provinceId: true, issuedOn: true },
        orderBy: { id: "asc" },
        take: 5,
      });
      const match = found.find(
        (n) =>
          canReadNotice(user, n) &&
          (cited.day === null || n.issuedOn === null || n.issuedOn.toISOString().slice(0, 10) === cited.day),
      );
      if (match) notice = { id: match.id, number: match.number ?? cited.number, title: match.title };
    }
    out.push({ text, notice });
  }
  return out;
}

const NOTICE_LABELS: Record<string, string> = {
  "notice.create": "Nhập thông báo vào hệ thống",
  "notice.publish": "Ban hành thông báo",
  "notice.delete": "Xóa bản nháp",
  "notice.withdraw": "Thu hồi thông báo",
  "notice.link": "Thêm liên kết với thông báo khác",
  "notice.unlink": "Bỏ liên kết với thông báo khác",
  "notice.carryIn": "Nhận nhiệm vụ chuyển tiếp",
  "notice.carryOut": "Chuyển nhiệm vụ sang thông báo khác",
  "notice.import": "Nhập từ sổ theo dõi",
};

const LINK_WORDS: Record<string, Record<string, string>> = {
  from: { continues: "tiếp tục", replaces: "thay thế" },
  to: { continues: "được tiếp tục bởi", replaces: "được thay thế bởi" },
};

/** What a row about the notice itself adds to its label: the reason, the other notice, the items moved. */
function noticeDetail(
  r: { action: string; before: Prisma.JsonValue | null; after: Prisma.JsonValue | null },
  other: string | null,
): string {
  const a = obj(r.after);
  const b = obj(r.before);
  const refs = Array.isArray(a.refs) ? ` (mục ${(a.refs as string[]).join(", ")})` : "";
  switch (r.action) {
    case "notice.withdraw":
      return typeof a.reason === "string" ? `: ${a.reason}` : "";
    case "notice.link": {
      const word = LINK_WORDS[String(a.side)]?.[String(a.kind)];
      return word && other ? `: ${word} ${other}` : other ? `: ${other}` : "";
    }
    case "notice.unlink":
      return other ? `: ${other}${b.kind === "replaces" ? " (thay thế)" : " (tiếp tục)"}` : "";
    case "notice.carryIn":
      return other ? ` từ ${other}${refs}` : refs;
    case "notice.carryOut":
      return other ? ` ${other}${refs}` : refs;
    case "notice.import":
      return typeof a.fileName === "string" ? ` ${a.fileName}` : "";
    default:
      return "";
  }
}

const EDIT_LABELS: Record<string, string> = {
  "directive.update": "Sửa nhiệm vụ",
  "directive.delete": "Xóa nhiệm vụ",
  "directive.create": "Thêm nhiệm vụ",
  "assignment.create": "Giao thêm cơ quan",
  "assignment.delete": "Bỏ cơ quan khỏi nhiệm vụ",
  "assignment.role": "Đổi vai trò cơ quan",
};
const EDIT_ACTIONS = Object.keys(EDIT_LABELS).filter((a) => a !== "directive.create");
const MAX_EVENTS = 500;

type Json = Record<string, unknown>;
const obj = (v: Prisma.JsonValue | null): Json => (v && typeof v === "object" && !Array.isArray(v) ? (v as Json) : {});

export async function noticeLife(db: Db, user: SessionUser, noticeId: number): Promise<NoticeLife> {
  const notice = await db.notice.findUnique({
    where: { id: noticeId },
    select: { id: true, provinceId: true, status: true, sourceText: true, citations: true },
  });
  if (!notice || !canReadNotice(user, notice)) throw new NotFoundError("Thông báo");
  const rows = await db.auditLog.findMany({
    where: {
      provinceId: notice.provinceId,
      OR: [
        { entityType: "Notice", entityId: notice.id },
        { action: { in: EDIT_ACTIONS }, after: { path: ["noticeId"], equals: notice.id } },
        { action: { in: EDIT_ACTIONS }, before: { path: ["noticeId"], equals: notice.id } },
        {
          action: "directive.create",
          AND: [{ after: { path: ["added"], equals: true } }, { after: { path: ["noticeId"], equals: notice.id } }],
        },
      ],
    },
    orderBy: { id: "asc" },
    take: MAX_EVENTS,
    select: {
      id: true,
      createdAt: true,
      action: true,
      entityType: true,
      before: true,
      after: true,
      ...AUDIT_ACTOR_SELECT,
    },
  });
  const otherIds = [
    ...new Set(
      rows
        .filter((r) => r.entityType === "Notice")
        .map((r) => obj(r.after).otherNoticeId ?? obj(r.before).otherNoticeId)
        .filter((v): v is number => typeof v === "number"),
    ),
  ];
  const others = otherIds.length
    ? await db.notice.findMany({
        where: { id: { in: otherIds }, provinceId: notice.provinceId },
        select: { id: true, kind: true, number: true, issuedOn: true, issuedPrecision: true, meetingOn: true },
      })
    : [];
  const otherLabel = new Map(
    others.map((o) => [
      o.id,
      noticeLabel({
        ...o,
        issuedOn: o.issuedOn ? toIsoDay(o.issuedOn) : null,
        meetingOn: o.meetingOn ? toIsoDay(o.meetingOn) : null,
      }),
    ]),
  );
  const history: NoticeEvent[] = [];
  for (const r of rows) {
    let label: string;
    if (r.entityType === "Notice") {
      const otherId = obj(r.after).otherNoticeId ?? obj(r.before).otherNoticeId;
      const other = typeof otherId === "number" ? (otherLabel.get(otherId) ?? null) : null;
      label = (NOTICE_LABELS[r.action] ?? `Thay đổi thông báo (${r.action})`) + noticeDetail(r, other);
    } else {
      const ref = obj(r.after).ref ?? obj(r.before).ref;
      label = `${EDIT_LABELS[r.action] ?? "Sửa thông báo"}${typeof ref === "string" && ref ? ` ${ref}` : ""}`;
    }
    // The rows of one edit (a directive added with its agencies: one transaction, one instant)
    // are one line, named by its first row.
    const last = history.at(-1);
    if (last && last.at === r.createdAt.toISOString() && r.entityType !== "Notice") continue;
    history.push({
      id: r.id.toString(),
      at: r.createdAt.toISOString(),
      actorName: auditActorName(r),
      action: r.action,
      label,
    });
  }
  const citations = await resolveCitations(db, user, notice.provinceId, notice.id, notice.citations);
  return { sourceText: notice.sourceText, history, citations };
}
