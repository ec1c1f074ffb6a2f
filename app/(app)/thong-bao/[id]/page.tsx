import type { Metadata } from "next";
import { page } from "@/lib/auth/gate";
import { db } from "@/lib/db/client";
import { noticeEditView } from "@/lib/notices/edit-history";
import { noticeLife } from "@/lib/notices/life";
import { cachedReads } from "@/lib/db/cached-reads";
import { today } from "@/lib/time/today";
import { NoticeHeader } from "@/components/notices/notice-header";
import { DirectiveCard } from "@/components/notices/directive-card";
import { AddDirectiveForm } from "@/components/notices/edit/add-directive-form";
import { ChangeList } from "@/components/notices/edit/change-list";
import { NoticeLifeSection } from "@/components/notices/notice-life";
import { NoticeLinksSection } from "@/components/notices/life/notice-links";
import { carryCandidates } from "@/lib/notices/carry-over";
import { linkChoices, noticeLinks } from "@/lib/notices/links";

export const metadata: Metadata = { title: "Thông báo" };

/**
 * `?chuyen-tiep=1`: the secretariat asked for the open directives it may carry over (a province-wide
 * query); `?lien-ket=1`: for the province's recent notices to link to (40 titles, otherwise the link
 * form takes a number).
 */
const parseQuery = (raw: Record<string, string | string[] | undefined>) => ({
  carry: raw["chuyen-tiep"] === "1",
  links: raw["lien-ket"] === "1",
});

export default page({ ids: ["id"], query: parseQuery }, async ({ user, params: { id }, query }) => {
  // Versions first, content second: an edit in between makes the version a card's "Sửa" sends
  // older than what the card shows (a conflict the user is told about when the editor opens on
  // the directive as stored now), never newer (a silent overwrite). The editor's data is not in
  // the page: "Sửa" and "Thêm nhiệm vụ" load it (lib/notices/edit-actions.ts).
  const view = await noticeEditView(db(), user, id);
  const day = today();
  const notice = await cachedReads.getNotice(db(), user, id, day);
  const [life, links] = await Promise.all([
    noticeLife(db(), user, id),
    noticeLinks(db(), user, { id: notice.id, provinceId: notice.provinceId, number: notice.number }),
  ]);
  const [choices, candidates] = view.canEdit
    ? await Promise.all([
        query.links
          ? linkChoices(
              db(),
              notice,
              life.citations.flatMap((c) => (c.notice ? [c.notice.id] : [])),
            )
          : null,
        query.carry ? carryCandidates(db(), user, notice, day) : null,
      ])
    : [null, null];
  const editing = view.canEdit
    ? { version: view.noticeVersion, published: notice.status === "published", choices, candidates }
    : null;
  return (
    <>
      <NoticeHeader
        notice={notice}
        today={day}
        editVersion={view.canEdit ? view.noticeVersion : undefined}
        changeCount={view.changes.length}
      />
      <h2 className="mt-8 mb-3 text-lg font-semibold">Các nhiệm vụ ({notice.directives.length})</h2>
      <ol className="grid gap-4">
        {notice.directives.map((d) => {
          const v = view.directives[d.id];
          return (
            <li key={d.id}>
              <DirectiveCard
                directive={d}
                today={day}
                ended={notice.status === "withdrawn"}
                adjustedAt={v?.adjustedAt ?? null}
                editing={view.canEdit && v ? { version: v.version } : undefined}
              />
            </li>
          );
        })}
      </ol>
      {view.canEdit ? (
        <div className="mt-4">
          <AddDirectiveForm noticeId={notice.id} />
        </div>
      ) : null}
      {notice.status === "published" ? <ChangeList changes={view.changes} /> : null}
      <NoticeLinksSection noticeId={notice.id} links={links} editing={editing} />
      <NoticeLifeSection life={life} sourceFile={notice.sourceFile} />
    </>
  );
});
