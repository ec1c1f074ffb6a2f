import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePageUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { getNotice } from "@/lib/notices/queries";
import { today } from "@/lib/time/today";
import { NoticeHeader } from "@/components/notices/notice-header";
import { DirectiveCard } from "@/components/notices/directive-card";

export const metadata: Metadata = { title: "Thông báo" };

export default async function NoticePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const notice = await getNotice(db(), user, id).catch((e: unknown) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const day = today();
  return (
    <>
      <NoticeHeader notice={notice} today={day} />
      <h2 className="mb-3 mt-8 text-lg font-semibold">Các nhiệm vụ ({notice.directives.length})</h2>
      <ol className="grid gap-4">
        {notice.directives.map((d) => (
          <li key={d.id}><DirectiveCard directive={d} today={day} /></li>
        ))}
      </ol>
    </>
  );
}
