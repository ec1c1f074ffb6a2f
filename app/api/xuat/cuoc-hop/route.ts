import { route } from "@/lib/auth/gate";
import { db } from "@/lib/db/client";
import { fromSearchParams } from "@/lib/reports/list-query";
import { meetingAgenda } from "@/lib/meetings/agenda";
import { agendaDocx } from "@/lib/meetings/agenda-docx";
import { parseAgendaQuery } from "@/lib/meetings/agenda-query";
import { docxResponse, exportFileName } from "@/lib/exports/respond";
import { today } from "@/lib/time/today";

// GET /api/xuat/cuoc-hop?ngay=dd/MM/yyyy&theo=co-quan|thong-bao : the meeting agenda as a Word
// document (a day that does not parse is today; the grouping defaults to agencies).
export const GET = route(
  {
    name: "export.meetingAgenda",
    permission: "meeting.prepare",
    query: (params) => parseAgendaQuery(fromSearchParams(params)),
  },
  async ({ user, query }) => {
    const now = today();
    const day = query.ngay ?? now;
    const agenda = await meetingAgenda(db(), user, day, query.theo);
    return docxResponse(await agendaDocx(agenda, now), exportFileName("Danh muc cuoc hop", day, "docx"));
  },
);
