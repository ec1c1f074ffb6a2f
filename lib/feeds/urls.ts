// Where a feed is read: /api/lich/<secret>.ics on the app's address (lib/env.ts appBaseUrl).

export const FEED_PATH = "/api/lich/";

export function feedUrl(secret: string, baseUrl: string): string {
  return new URL(`${FEED_PATH}${secret}.ics`, baseUrl).toString();
}

/** The same address for the calendar apps that subscribe through webcal:// (iPhone, Outlook). */
export function webcalUrl(url: string): string {
  return url.replace(/^https?:\/\//, "webcal://");
}
