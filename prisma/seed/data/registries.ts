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

import type { AgencyKindName, AgencyRegistry, RegistryAgency, RegistryGroup } from "../../../lib/agencies/registry";
import type { DraftAssignment } from "../../../lib/notices/draft";

type DistrictType = "thành phố" | "thị xã" | "huyện";

interface District {
  type: DistrictType;
  name: string;
  extraAliases?: string[]; // OCR typos seen in the seeds
}

interface ProvinceSpec {
  province: string;
  newspaper: string[]; // [name, ...aliases]
  tv: string[] | null; // null when merged into the newspaper's body
  mediaShort: [string, string | null];
  economicZoneFullName: string;
  districts: District[];
  hasTownships: boolean; // thị xã
  extraAgencies?: RegistryAgency[];
  extraGroups?: RegistryGroup[];
}

const DISTRICT_ABBR: Record<DistrictType, string> = { "thành phố": "TP", "thị xã": "TX", huyện: "" };

function districtAgency(p: string, d: District): RegistryAgency {
  const place = `${d.type} ${d.name}`;
  const abbr = DISTRICT_ABBR[d.type];
  const shortName = abbr ? `UBND ${abbr} ${d.name}` : `UBND ${d.name}`;
  const aliases = [
    shortName,
    `Ủy ban nhân dân ${place}`,
    place,
    `Chủ tịch UBND ${place}`,
    `Chủ tịch Ủy ban nhân dân ${place}`,
    `Ban Chỉ đạo phòng, chống dịch COVID-19 ${place}`,
    `Trưởng Ban Chỉ đạo phòng, chống dịch COVID-19 ${place}`,
  ];
  if (abbr) aliases.push(`${abbr} ${d.name}`, `${abbr}. ${d.name}`);
  // A bare "Lạng Sơn" / "Lai Châu" would name the province.
  if (d.name !== p) aliases.push(d.name);
  for (const typo of d.extraAliases ?? []) {
    aliases.push(`UBND ${d.type} ${typo}`, `${d.type} ${typo}`, typo);
  }
  return { name: `UBND ${place}`, shortName, kind: "district", aliases: dedupe(aliases, `UBND ${place}`) };
}

function dedupe(aliases: string[], name: string): string[] {
  const seen = new Set([fold(name)]);
  const out: string[] = [];
  for (const a of aliases) {
    const k = fold(a);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(a);
  }
  return out;
}

/** Case- and whitespace-insensitive, NFC key used to compare names and aliases. */
export function fold(s: string): string {
  return s.normalize("NFC").toLocaleLowerCase("vi").replace(/\s+/g, " ").trim();
}

function agency(name: string, shortName: string, kind: AgencyKindName, aliases: string[]): RegistryAgency {
  return { name, shortName, kind, aliases: dedupe(aliases, name) };
}

function department(name: string, shortName: string, abbreviations: string[], extra: string[] = []): RegistryAgency {
  return agency(name, shortName, "department", [
    shortName,
    ...abbreviations,
    `Giám đốc ${name}`,
    `Lãnh đạo ${name}`,
    ...extra,
  ]);
}

function buildRegistry(spec: ProvinceSpec): AgencyRegistry {
  const p = spec.province;
  const departments: RegistryAgency[] = [
    department(
      "Sở Y tế",
      "SYT",
      ["Sở YT", `Sở Y tế tỉnh ${p}`],
      ["ngành Y tế", "cơ quan thường trực Ban Chỉ đạo tỉnh"],
    ),
    department(
      "Sở Giáo dục và Đào tạo",
      "SGDĐT",
      ["Sở GDĐT", "Sở GD&ĐT", "Sở GD-ĐT", "Sở Giáo dục - Đào tạo"],
      ["ngành Giáo dục"],
    ),
    department("Sở Lao động - Thương binh và Xã hội", "SLĐTBXH", [
      "Sở LĐTBXH",
      "Sở LĐ-TB&XH",
      "Sở LĐTB&XH",
      "Sở Lao động Thương binh và Xã hội",
      "Sở Lao động, Thương binh và Xã hội",
    ]),
    department("Sở Công Thương", "SCT", ["Sở CT"], ["ngành Công Thương"]),
    department("Sở Giao thông vận tải", "SGTVT", ["Sở GTVT", "Sở Giao thông - Vận tải"], ["ngành Giao thông vận tải"]),
    department(
      "Sở Thông tin và Truyền thông",
      "STTTT",
      ["Sở TT&TT", "Sở TTTT", "Sở TT-TT"],
      ["ngành Thông tin và Truyền thông"],
    ),
    department("Sở Tài chính", "STC", ["Sở TC"]),
    department("Sở Kế hoạch và Đầu tư", "SKHĐT", ["Sở KH&ĐT", "Sở KHĐT", "Sở KH-ĐT"]),
    department("Sở Văn hóa, Thể thao và Du lịch", "SVHTTDL", [
      "Sở VHTTDL",
      "Sở VH-TT&DL",
      "Sở VHTT&DL",
      "Sở Văn hoá, Thể thao và Du lịch",
    ]),
    department("Sở Nội vụ", "SNV", ["Sở NV"]),
    department(
      "Văn phòng UBND tỉnh",
      "VPUBND",
      ["VP UBND tỉnh", "VPUBND tỉnh", "Văn phòng Ủy ban nhân dân tỉnh"],
      ["Chánh Văn phòng UBND tỉnh"],
    ),
    agency("Ban Quản lý Khu kinh tế", "BQLKKT", "department", [
      "BQLKKT",
      "BQL KKT",
      "Ban QLKKT",
      "BQL Khu kinh tế",
      spec.economicZoneFullName,
      "Trưởng Ban Quản lý Khu kinh tế",
    ]),
  ];
  const forces: RegistryAgency[] = [
    agency("Công an tỉnh", "CAT", "police", [
      "CAT",
      "Công an",
      "CA tỉnh",
      "ngành Công an",
      `Công an tỉnh ${p}`,
      "Giám đốc Công an tỉnh",
    ]),
    agency("Bộ Chỉ huy Quân sự tỉnh", "BCHQS", "military", [
      "BCHQS",
      "BCH Quân sự tỉnh",
      "BCHQS tỉnh",
      "Bộ CHQS tỉnh",
      "BCH Quân sự",
      "Bộ Chỉ huy Quân sự",
      `Bộ Chỉ huy Quân sự tỉnh ${p}`,
      "Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh",
    ]),
    agency("Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "BĐBP", "military", [
      "BĐBP",
      "BĐBP tỉnh",
      "BCH BĐBP tỉnh",
      "Bộ CHBĐBP tỉnh",
      "Bộ Chỉ huy BĐBP tỉnh",
      "Bộ đội Biên phòng tỉnh",
      "Biên phòng tỉnh",
      `Bộ Chỉ huy Bộ đội Biên phòng tỉnh ${p}`,
      "Chỉ huy trưởng Bộ Chỉ huy Bộ đội Biên phòng tỉnh",
    ]),
  ];
  const front: RegistryAgency[] = [
    agency("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "MTTQ tỉnh", "front", [
      "Ủy ban MTTQ Việt Nam tỉnh",
      "Ủy ban MTTQVN tỉnh",
      "UBMTTQ tỉnh",
      "UBMTTQVN tỉnh",
      "MTTQ",
      "MTTQ tỉnh",
      "Mặt trận Tổ quốc",
      "Mặt trận Tổ quốc tỉnh",
      "Mặt trận Tổ quốc Việt Nam tỉnh",
      "Chủ tịch Ủy ban MTTQ Việt Nam tỉnh",
      "Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
    ]),
    agency("Liên đoàn Lao động tỉnh", "LĐLĐ", "front", [
      "LĐLĐ",
      "LĐLĐ tỉnh",
      "Công đoàn",
      `Liên đoàn Lao động tỉnh ${p}`,
      "Chủ tịch Liên đoàn Lao động tỉnh",
    ]),
    agency("Tỉnh đoàn", "Tỉnh đoàn", "front", [
      "Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh",
      "Đoàn TNCS Hồ Chí Minh tỉnh",
      `Tỉnh đoàn ${p}`,
      "Bí thư Tỉnh đoàn",
    ]),
    agency("Hội Liên hiệp Phụ nữ tỉnh", "Hội LHPN", "front", [
      "Hội LHPN tỉnh",
      "Hội LHPN",
      "Hội Phụ nữ tỉnh",
      "Chủ tịch Hội Liên hiệp Phụ nữ tỉnh",
    ]),
    agency("Hội Nông dân tỉnh", "Hội ND", "front", ["Hội ND tỉnh", "Chủ tịch Hội Nông dân tỉnh"]),
    agency("Hội Cựu chiến binh tỉnh", "Hội CCB", "front", ["Hội CCB tỉnh", "Chủ tịch Hội Cựu chiến binh tỉnh"]),
  ];
  const [newspaperName, ...newspaperAliases] = spec.newspaper;
  if (!newspaperName) throw new Error(`${p}: newspaper name missing`);
  const media: RegistryAgency[] = [agency(newspaperName, spec.mediaShort[0], "media", newspaperAliases)];
  if (spec.tv) {
    const [tvName, ...tvAliases] = spec.tv;
    if (!tvName) throw new Error(`${p}: TV name missing`);
    media.push(agency(tvName, spec.mediaShort[1] ?? tvName, "media", tvAliases));
  }
  const others: RegistryAgency[] = [
    agency("Trung tâm Kiểm soát bệnh tật tỉnh", "CDC", "other", [
      "CDC",
      "CDC tỉnh",
      `CDC ${p}`,
      "TTKSBT tỉnh",
      "Trung tâm KSBT tỉnh",
      `Trung tâm Kiểm soát bệnh tật tỉnh ${p}`,
      "Giám đốc Trung tâm Kiểm soát bệnh tật tỉnh",
    ]),
  ];
  const districts = spec.districts.map((d) => districtAgency(p, d));

  const agencies = [
    ...departments,
    ...forces,
    ...front,
    ...media,
    ...others,
    ...districts,
    ...(spec.extraAgencies ?? []),
  ];

  const t = spec.hasTownships;
  const districtGroupName = t ? "UBND các huyện, thị xã, thành phố" : "UBND các huyện, thành phố";
  const districtGroupAliases = [
    "UBND các huyện, thành phố",
    "Ủy ban nhân dân các huyện, thành phố",
    "UBND huyện, thành phố",
    "các huyện, thành phố",
    "Chủ tịch UBND các huyện, thành phố",
    "Trưởng Ban Chỉ đạo phòng, chống dịch COVID-19 các huyện, thành phố",
    "Ban Chỉ đạo phòng, chống dịch COVID-19 các huyện, thành phố",
    ...(t
      ? [
          "Ủy ban nhân dân các huyện, thị xã, thành phố",
          "UBND huyện, thị xã, thành phố",
          "các huyện, thị xã, thành phố",
          "Chủ tịch UBND các huyện, thị xã, thành phố",
          "Trưởng Ban Chỉ đạo phòng, chống dịch COVID-19 các huyện, thị xã, thành phố",
          "Ban Chỉ đạo các huyện, thị xã, thành phố",
        ]
      : []),
    "UBND các huyện",
    "các địa phương",
    "UBND cấp huyện",
    "Chủ tịch UBND cấp huyện",
    "Ban Chỉ đạo cấp huyện",
    "Ban Chỉ đạo phòng, chống dịch cấp huyện",
    "Ban Chỉ đạo các địa phương",
  ];
  const departmentLike = [...departments, ...forces].map((a) => a.name);
  const groups: RegistryGroup[] = [
    {
      name: districtGroupName,
      aliases: dedupe(districtGroupAliases, districtGroupName),
      members: districts.map((a) => a.name),
    },
    {
      name: "Các sở, ban, ngành",
      aliases: [
        "các sở, ban, ngành tỉnh",
        "các sở, ngành",
        "các sở, ngành tỉnh",
        "Thủ trưởng các sở, ngành tỉnh",
        "Thủ trưởng các sở, ban, ngành",
        "Thủ trưởng các sở, ban, ngành tỉnh",
        "lãnh đạo các sở, ngành",
        "các ngành",
      ],
      members: departmentLike,
    },
    {
      name: "Thành viên Ban Chỉ đạo tỉnh",
      aliases: [
        "các thành viên Ban Chỉ đạo tỉnh",
        "Thành viên BCĐ tỉnh",
        "Thành viên BCD tỉnh",
        "TV BCĐ PC dịch Covid tỉnh",
        "thành viên Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh",
        "các thành viên Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh",
        "thành viên Ban Chỉ đạo phòng, chống dịch bệnh Covid-19 cấp tỉnh",
        "các sở, ngành thành viên Ban Chỉ đạo tỉnh",
        "các thành viên và các sở, ngành thành viên Ban Chỉ đạo tỉnh",
        "lãnh đạo các sở, ban, ngành là thành viên Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh",
      ],
      members: [
        ...departmentLike,
        "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
        "Liên đoàn Lao động tỉnh",
        "Tỉnh đoàn",
        "Hội Liên hiệp Phụ nữ tỉnh",
        ...media.map((a) => a.name),
      ],
    },
    {
      name: "Các cơ quan báo chí, truyền thông",
      aliases: [
        "các cơ quan truyền thông, báo chí",
        "các cơ quan báo chí",
        "các cơ quan truyền thông",
        "cơ quan báo chí, truyền thông",
        "Báo, Đài",
      ],
      members: media.map((a) => a.name),
    },
    {
      name: "Mặt trận Tổ quốc và các đoàn thể",
      aliases: [
        "Mặt trận Tổ quốc và các tổ chức đoàn thể",
        "Mặt trận Tổ quốc và các tổ chức chính trị - xã hội",
        "MTTQ và các đoàn thể",
        "MTTQ và các tổ chức đoàn thể",
        "các đoàn thể",
        "các tổ chức đoàn thể",
        "các tổ chức chính trị - xã hội",
        "các đoàn thể tỉnh",
      ],
      members: front.map((a) => a.name),
    },
    ...(spec.extraGroups ?? []),
  ];
  return { province: p, agencies, groups };
}

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
