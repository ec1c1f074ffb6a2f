// Demo agency registries of the four provinces of the seed documents, as plain data.
// Facts: district-level units as they were in 2021 (before the 2025 reform), the common
// provincial bodies of /work/shared/DOMAIN.md, plus the bodies the seed documents assign
// work to (the socio-political organisations, and in Lai Châu the district health centres).
//
// Conventions (judgement calls a reviewer should know):
// - Canonical names follow how the notices write them ("Sở Y tế", "Công an tỉnh",
//   "Ban Quản lý Khu kinh tế"); the real full name, when it differs, is an alias.
// - "Các sở, ban, ngành" = the provincial departments (incl. Văn phòng UBND tỉnh and the
//   Ban Quản lý Khu kinh tế), Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh and Bộ Chỉ huy Bộ đội
//   Biên phòng tỉnh. Not CDC (a unit under Sở Y tế), not the media, not the front bodies.
// - "Thành viên Ban Chỉ đạo tỉnh" = a plausible membership: those departments, police and
//   military, the MTTQ, Liên đoàn Lao động, Tỉnh đoàn, Hội LHPN, the newspaper and the
//   radio-TV station. District chairmen are not members of the provincial committee.
// - Quảng Ninh merged Báo Quảng Ninh and its radio-TV station into "Trung tâm Truyền thông
//   tỉnh Quảng Ninh" in 2019: in 2021 that centre is the one media body, with the old names
//   as aliases.
// - A city named like its province (TP Lạng Sơn, TP Lai Châu) gets no bare alias ("Lạng Sơn"
//   would name the province).
// - Alias matching is meant to be case-insensitive; aliases differing from the name only by
//   case are not repeated.

import type { AgencyRegistry, RegistryAgency } from "../../../lib/agencies/registry";
import { agency, buildRegistry, fold, type District, type DistrictType } from "../../../lib/agencies/template";

export { fold };
import type { DraftAssignment } from "../../../lib/notices/draft";

const d = (type: DistrictType, name: string, extraAliases?: string[]): District => ({ type, name, extraAliases });

// Lai Châu, 001 item 9: "Giao Giám đốc các Trung tâm y tế huyện, thành phố chủ động tham mưu…"
// names the district health centres as the ones who carry the task, so they are tracked there.
const LAI_CHAU_DISTRICTS: District[] = [
  d("thành phố", "Lai Châu"),
  d("huyện", "Tam Đường"),
  d("huyện", "Phong Thổ"),
  d("huyện", "Sìn Hồ"),
  d("huyện", "Mường Tè"),
  d("huyện", "Than Uyên"),
  d("huyện", "Tân Uyên"),
  d("huyện", "Nậm Nhùn"),
];
const LAI_CHAU_HEALTH_CENTRES: RegistryAgency[] = LAI_CHAU_DISTRICTS.map((x) => {
  const place = `${x.type} ${x.name}`;
  const name = `Trung tâm Y tế ${place}`;
  return agency(name, `TTYT ${x.type === "thành phố" ? "TP " : ""}${x.name}`, "other", [
    `TTYT ${place}`,
    `Giám đốc Trung tâm Y tế ${place}`,
  ]);
});

export const REGISTRIES: AgencyRegistry[] = [
  buildRegistry({
    province: "Lạng Sơn",
    newspaper: ["Báo Lạng Sơn"],
    tv: ["Đài Phát thanh và Truyền hình Lạng Sơn", "Đài PT-TH Lạng Sơn", "Đài PTTH Lạng Sơn", "Đài PT&TH Lạng Sơn"],
    mediaShort: ["Báo Lạng Sơn", "Đài PT-TH Lạng Sơn"],
    economicZoneFullName: "Ban Quản lý Khu kinh tế cửa khẩu Đồng Đăng - Lạng Sơn",
    hasTownships: false,
    districts: [
      d("thành phố", "Lạng Sơn"),
      d("huyện", "Tràng Định"),
      d("huyện", "Văn Lãng"),
      d("huyện", "Văn Quan"),
      d("huyện", "Bình Gia"),
      d("huyện", "Bắc Sơn"),
      d("huyện", "Hữu Lũng"),
      d("huyện", "Chi Lăng"),
      d("huyện", "Cao Lộc"),
      d("huyện", "Lộc Bình"),
      d("huyện", "Đình Lập"),
    ],
  }),
  buildRegistry({
    province: "Lai Châu",
    newspaper: ["Báo Lai Châu"],
    tv: ["Đài Phát thanh và Truyền hình Lai Châu", "Đài PT-TH Lai Châu", "Đài PTTH Lai Châu", "Đài PT&TH Lai Châu"],
    mediaShort: ["Báo Lai Châu", "Đài PT-TH Lai Châu"],
    economicZoneFullName: "Ban Quản lý Khu kinh tế tỉnh Lai Châu",
    hasTownships: false,
    districts: LAI_CHAU_DISTRICTS,
    extraAgencies: LAI_CHAU_HEALTH_CENTRES,
    extraGroups: [
      {
        name: "Trung tâm Y tế các huyện, thành phố",
        aliases: [
          "các Trung tâm y tế huyện, thành phố",
          "Giám đốc các Trung tâm y tế huyện, thành phố",
          "TTYT các huyện, thành phố",
          "Trung tâm Y tế cấp huyện",
        ],
        members: LAI_CHAU_HEALTH_CENTRES.map((a) => a.name),
      },
    ],
  }),
  buildRegistry({
    province: "Long An",
    newspaper: ["Báo Long An"],
    tv: ["Đài Phát thanh và Truyền hình Long An", "Đài PT-TH Long An", "Đài PTTH Long An", "Đài PT&TH Long An", "LA34"],
    mediaShort: ["Báo Long An", "Đài PT-TH Long An"],
    economicZoneFullName: "Ban Quản lý Khu kinh tế tỉnh Long An",
    hasTownships: true,
    districts: [
      d("thành phố", "Tân An"),
      d("thị xã", "Kiến Tường"),
      d("huyện", "Bến Lức"),
      d("huyện", "Cần Đước", ["Cần Đức"]),
      d("huyện", "Cần Giuộc"),
      d("huyện", "Châu Thành"),
      d("huyện", "Đức Hòa", ["Đức Hoà"]),
      d("huyện", "Đức Huệ"),
      d("huyện", "Mộc Hóa", ["Mộc Hoá"]),
      d("huyện", "Tân Hưng"),
      d("huyện", "Tân Thạnh"),
      d("huyện", "Tân Trụ"),
      d("huyện", "Thạnh Hóa", ["Thạnh Hoá"]),
      d("huyện", "Thủ Thừa"),
      d("huyện", "Vĩnh Hưng"),
    ],
  }),
  buildRegistry({
    province: "Quảng Ninh",
    newspaper: [
      "Trung tâm Truyền thông tỉnh Quảng Ninh",
      "Trung tâm Truyền thông tỉnh",
      "Báo Quảng Ninh",
      "Đài Phát thanh và Truyền hình Quảng Ninh",
      "Đài PT-TH Quảng Ninh",
      "Đài PTTH Quảng Ninh",
      "QTV",
    ],
    tv: null,
    mediaShort: ["TT Truyền thông QN", null],
    economicZoneFullName: "Ban Quản lý Khu kinh tế tỉnh Quảng Ninh",
    hasTownships: true,
    districts: [
      d("thành phố", "Hạ Long"),
      d("thành phố", "Móng Cái"),
      d("thành phố", "Cẩm Phả"),
      d("thành phố", "Uông Bí"),
      d("thị xã", "Quảng Yên"),
      d("thị xã", "Đông Triều"),
      d("huyện", "Vân Đồn"),
      d("huyện", "Cô Tô"),
      d("huyện", "Tiên Yên"),
      d("huyện", "Bình Liêu"),
      d("huyện", "Đầm Hà"),
      d("huyện", "Hải Hà"),
      d("huyện", "Ba Chẽ"),
    ],
  }),
];

// ───────────── Helpers for the seed documents ─────────────

export function registryOf(province: string): AgencyRegistry {
  const r = REGISTRIES.find((x) => x.province === province);
  if (!r) throw new Error(`Không có danh mục cơ quan của tỉnh ${province}`);
  return r;
}

/** Canonical member names of a group of a province; throws on an unknown group. */
export function groupMembers(province: string, group: string): string[] {
  const g = registryOf(province).groups.find((x) => x.name === group);
  if (!g) throw new Error(`${province}: không có nhóm "${group}"`);
  return g.members;
}

/**
 * Assignments of a directive. Each entry of `lead`/`support` is the canonical name of an
 * agency or of a group of the province's registry; a group becomes one assignment per
 * member with `viaGroup` set. An agency appears once: the first mention wins, leads first.
 */
export function assign(province: string, spec: { lead?: string[]; support?: string[] }): DraftAssignment[] {
  const registry = registryOf(province);
  const out: DraftAssignment[] = [];
  const seen = new Set<string>();
  const push = (agencyName: string, role: DraftAssignment["role"], viaGroup: string | null) => {
    if (seen.has(agencyName)) return;
    seen.add(agencyName);
    out.push({ agency: agencyName, role, viaGroup, isNew: false });
  };
  for (const [role, names] of [
    ["lead", spec.lead ?? []],
    ["support", spec.support ?? []],
  ] as const) {
    for (const name of names) {
      const group = registry.groups.find((g) => g.name === name);
      if (group) {
        for (const m of group.members) push(m, role, group.name);
        continue;
      }
      if (!registry.agencies.some((a) => a.name === name)) {
        throw new Error(`${province}: không có cơ quan hoặc nhóm "${name}"`);
      }
      push(name, role, null);
    }
  }
  return out;
}
