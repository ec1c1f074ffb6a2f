import { listAgencyTasks, listNotices, listOverdue } from "@/lib/api/v1";
import { agencyBoard } from "@/lib/assignments/board";
import { cachedReader } from "@/lib/db/read-cache";
import { getNotice, noticeFilterOptions, searchNotices } from "@/lib/notices/queries";
import { queueCount } from "@/lib/queues/queues";
import { rankingOf } from "@/lib/ranking/figures";
import { recentNoticeOptions } from "@/lib/reports/filter-labels";
import { agencyTable, noticeProgressPage } from "@/lib/reports/running-totals";
import { listDirectiveGroups, listTasks, overdueSummary } from "@/lib/reports/task-lists";
import { weeklySeries } from "@/lib/reports/weekly-series";

// The reads of the pages many people open again and again, served from the read cache while the
// province's data is unchanged (lib/db/read-cache.ts). Same arguments, same answers as the
// functions they wrap; the bench's "queries alone" calls those functions themselves.
export const cachedReads = {
  overdueSummary: cachedReader("overdueSummary", overdueSummary),
  listDirectiveGroups: cachedReader("listDirectiveGroups", listDirectiveGroups),
  listTasks: cachedReader("listTasks", listTasks),
  agencyTable: cachedReader("agencyTable", agencyTable),
  noticeProgressPage: cachedReader("noticeProgressPage", noticeProgressPage),
  weeklySeries: cachedReader("weeklySeries", weeklySeries),
  recentNoticeOptions: cachedReader("recentNoticeOptions", recentNoticeOptions),
  agencyBoard: cachedReader("agencyBoard", agencyBoard),
  rankingOf: cachedReader("rankingOf", rankingOf),
  searchNotices: cachedReader("searchNotices", searchNotices),
  getNotice: cachedReader("getNotice", getNotice),
  noticeFilterOptions: cachedReader("noticeFilterOptions", noticeFilterOptions),
  listNotices: cachedReader("listNotices", listNotices),
  listAgencyTasks: cachedReader("listAgencyTasks", listAgencyTasks),
  listOverdue: cachedReader("listOverdue", listOverdue),
  /** The menu's figure on every page (the layout). */
  queueCount: cachedReader("queueCount", queueCount),
};
