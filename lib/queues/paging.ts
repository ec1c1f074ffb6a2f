// How much of a work queue shows (/cho-xu-ly): each list its first QUEUE_FIRST items among the
// others; opened on its own (`?xem=<kind>&trang=<n>`), QUEUE_PAGE_SIZE a page. Shared by the
// queries (lib/queues/queues.ts) and the lists' pagers (components/queues).
export const QUEUE_FIRST = 20;
export const QUEUE_PAGE_SIZE = 50;
