import type { SessionUser } from "@/lib/auth/user";

/** Where each role starts: its own board, the overview (what is overdue first), or the notices to manage. */
export function homePath(user: SessionUser): string {
  switch (user.role) {
    case "agency_staff":
      return user.agencyIds.length > 0 ? `/co-quan/${user.agencyIds[0]}` : "/co-quan";
    case "chairman":
      return "/tong-quan";
    case "secretariat":
    case "admin":
      return "/thong-bao";
  }
}
