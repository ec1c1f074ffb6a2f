// The registry a province starts from: the common provincial bodies (DOMAIN.md), its local units
// (districts before the 2025 reform, communes and wards after), and the groups notices address
// ("UBND các huyện, thành phố", "Các sở, ban, ngành", "Thành viên Ban Chỉ đạo tỉnh"…). Used by
// the demo seed and by the system administrator when setting up a province. Pure data.
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
// - A city named like its province (TP Lạng Sơn, TP Lai Châu) gets no bare alias.
import type { AgencyKindName, AgencyRegistry, RegistryAgency, RegistryGroup } from "@/lib/agencies/registry";

export type DistrictType = "thành phố" | "thị xã" | "huyện" | "xã" | "phường" | "đặc khu";

export interface District {
  type: DistrictType;
  name: string;
  extraAliases?: string[]; // OCR typos seen in the seeds
}

export interface ProvinceSpec {
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

const DISTRICT_ABBR: Record<DistrictType, string> = {
  "thành phố": "TP",
  "thị xã": "TX",
  huyện: "",
  xã: "",
  phường: "",
  "đặc khu": "",
};

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

export function agency(name: string, shortName: string, kind: AgencyKindName, aliases: string[]): RegistryAgency {
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

/** A province's registry: the common provincial bodies, its local units, and the usual groups. */
export function buildRegistry(spec: ProvinceSpec): AgencyRegistry {
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
  // Since the 2025 reform the local units are communes and wards: their group is named so.
  const communes =
    spec.districts.length > 0 && spec.districts.every((x) => ["xã", "phường", "đặc khu"].includes(x.type));
  const districtGroupName = communes
    ? "UBND các xã, phường"
    : t
      ? "UBND các huyện, thị xã, thành phố"
      : "UBND các huyện, thành phố";
  const districtGroupAliases = communes
    ? [
        "UBND các xã, phường, đặc khu",
        "Ủy ban nhân dân các xã, phường",
        "UBND cấp xã",
        "Chủ tịch UBND cấp xã",
        "các xã, phường",
        "các địa phương",
      ]
    : [
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
