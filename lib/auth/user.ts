export const ROLE_NAMES = ["admin", "secretariat", "agency_staff", "chairman"] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

/** Who is acting, as every permission check sees it; loaded fresh from the database per request. */
export interface SessionUser {
  id: number;
  username: string;
  name: string;
  role: RoleName;
  provinceId: number | null;
  provinceName: string | null;
  agencyIds: number[];
  /** An administrator set the password: nothing opens until the user has changed it. */
  mustChangePassword?: boolean;
  /**
   * Set when the request came with an API token (lib/api/gate.ts): the actor is that token, not
   * an account (`id` is then 0), and its writes are audited as the token.
   */
  apiTokenId?: number;
}

/** The account acting, for columns that name a user (author, creator): none for an API token. */
export function accountIdOf(user: SessionUser | null): number | null {
  return user && user.apiTokenId === undefined ? user.id : null;
}

/** What a user account is for, as the header shows it. */
export const USER_ROLE_LABELS: Record<RoleName, string> = {
  admin: "Quản trị hệ thống",
  secretariat: "Văn phòng (thường trực Ban Chỉ đạo)",
  agency_staff: "Cán bộ cơ quan, đơn vị",
  chairman: "Lãnh đạo Ban Chỉ đạo",
};
