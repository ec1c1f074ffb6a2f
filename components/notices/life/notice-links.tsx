import Link from "next/link";
import type { CarryCandidate } from "@/lib/notices/carry-over";
import type { LinkedNotice, NoticeLinks } from "@/lib/notices/links";
import { Badge } from "@/components/ui/badge";
import { CarryOverForm } from "@/components/notices/life/carry-over-form";
import { LinkForm, UnlinkButton } from "@/components/notices/life/link-form";

export interface LinkEditing {
  version: number;
  published: boolean;
  /** Null until asked for (`?lien-ket=1`): the province's recent notices, to choose one from. */
  choices: { id: number; label: string; title: string }[] | null;
  /** Null until asked for (`?chuyen-tiep=1`): finding them reads the whole province's open business. */
  candidates: CarryCandidate[] | null;
}

/** The notice's links to other notices, the directives carried in and out, and (for editors) the forms. */
export function NoticeLinksSection({
  noticeId,
  links,
  editing,
}: {
  noticeId: number;
  links: NoticeLinks;
  editing: LinkEditing | null;
}) {
  const empty = links.links.length + links.carriedIn.length + links.carriedOut.length + links.citedBy.length === 0;
  if (empty && !editing) return null;
  return (
    <section aria-labelledby="lien-ket" className="mt-8">
      <h2 id="lien-ket" className="mb-3 text-lg font-semibold">
        Liên kết với thông báo khác
      </h2>
      {empty ? <p className="text-sm text-slate-600">Chưa có liên kết nào.</p> : null}
      <ul className="grid gap-2 text-sm" data-testid="notice-links">
        {links.links.map((l) => (
          <LinkRow key={`l${l.linkId}`} link={l} unlink={editing && l.linkId !== null ? l.linkId : null} />
        ))}
        {links.citedBy.map((l) => (
          <LinkRow key={`c${l.noticeId}`} link={l} unlink={null} />
        ))}
        {links.carriedIn.map((c) => (
          <li key={`in${c.noticeId}`} className="text-slate-800">
            Nhận chuyển tiếp từ{" "}
            <Link href={`/thong-bao/${c.noticeId}`} className="text-brand-800 underline">
              {c.label}
            </Link>
            : mục {c.refs.join(", ")}
          </li>
        ))}
        {links.carriedOut.map((c) => (
          <li key={`out${c.noticeId}`} className="text-slate-800">
            Đã chuyển tiếp sang{" "}
            <Link href={`/thong-bao/${c.noticeId}`} className="text-brand-800 underline">
              {c.label}
            </Link>
            : mục {c.refs.join(", ")}
          </li>
        ))}
      </ul>
      {editing ? (
        <>
          <LinkForm noticeId={noticeId} choices={editing.choices} published={editing.published} />
          {!editing.published ? null : editing.candidates === null ? (
            <p className="mt-3 text-sm">
              <Link
                href={`/thong-bao/${noticeId}?chuyen-tiep=1#lien-ket`}
                className="font-medium text-brand-800 underline"
                data-testid="carry-open"
              >
                Chuyển tiếp nhiệm vụ còn mở của các thông báo trước…
              </Link>
            </p>
          ) : editing.candidates.length > 0 ? (
            <CarryOverForm noticeId={noticeId} version={editing.version} candidates={editing.candidates} />
          ) : (
            <p className="mt-3 text-sm text-slate-600" data-testid="carry-none">
              Không có nhiệm vụ còn mở nào của các thông báo trước để chuyển tiếp.
            </p>
          )}
        </>
      ) : null}
    </section>
  );
}

function LinkRow({ link, unlink }: { link: LinkedNotice; unlink: number | null }) {
  return (
    <li className="flex flex-wrap items-center gap-x-2 gap-y-1">
      <span className="text-slate-600">{link.relation}</span>
      <Link href={`/thong-bao/${link.noticeId}`} className="min-w-0 font-medium break-words text-brand-800 underline">
        {link.label}
      </Link>
      <span className="min-w-0 break-words text-slate-700">{link.title}</span>
      {link.status === "withdrawn" ? <Badge tone="neutral">Đã thu hồi</Badge> : null}
      {unlink !== null ? <UnlinkButton linkId={unlink} /> : null}
    </li>
  );
}
