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
}

/** What a user account is for, as the header shows it. */
export const USER_ROLE_LABELS: Record<RoleName, string> = {
  admin: "Quản trị hệ thống",
  secretariat: "Văn phòng (thường trực Ban Chỉ đạo)",
  agency_staff: "Cán bộ cơ quan, đơn vị",
  chairman: "Lãnh đạo Ban Chỉ đạo",
};
