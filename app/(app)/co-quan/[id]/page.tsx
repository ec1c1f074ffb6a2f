import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { agencyBoard, boardAgencies } from "@/lib/assignments/board";
import { requirePageUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { today } from "@/lib/time/today";
import { formatDay } from "@/lib/time/format";
import { BoardColumns } from "@/components/board/board-columns";
import { AgencySwitcher } from "@/components/board/agency-switcher";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Bảng việc" };

export default async function BoardPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const board = await agencyBoard(db(), user, id).catch((e: unknown) => {
    // Another agency's board answers as if it did not exist: nothing about it leaks.
    if (e instanceof NotFoundError || e instanceof ForbiddenError) notFound();
    throw e;
  });
  const mine = user.role === "agency_staff" ? await boardAgencies(db(), user) : [];
  const day = today();
  return (
    <>
      <PageHeader
        title={board.agency.name}
        subtitle={<>{board.items.length} nhiệm vụ được giao · tính đến ngày {formatDay(day)}</>}
        actions={mine.length > 1 ? <AgencySwitcher agencies={mine} current={board.agency.id} /> : null}
      />
      <BoardColumns items={board.items} today={day} />
    </>
  );
}
