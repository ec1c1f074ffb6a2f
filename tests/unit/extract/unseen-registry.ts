// Registries of provinces the demo seed does not know, built the way a province would set one up:
// the common provincial bodies of DOMAIN.md, its district-level units, and three groups. Deliberately
// independent of lib/extract/catalogue.ts, so the tests see what the registry adds.
import type { AgencyRegistry, RegistryAgency } from "@/lib/agencies/registry";

type Level = "huyện" | "thị xã" | "thành phố" | "quận";

const dept = (name: string, aliases: string[] = [], kind: RegistryAgency["kind"] = "department"): RegistryAgency => ({
  name,
  shortName: name,
  kind,
  aliases: [`Giám đốc ${name}`, ...aliases],
});

export const DISTRICTS = "UBND các huyện, thành phố";
export const DEPARTMENTS = "Các sở, ban, ngành";
export const FRONT = "Mặt trận Tổ quốc và các đoàn thể";

export function unseenRegistry(
  province: string,
  districts: [Level, string][],
  extra: RegistryAgency[] = [],
  districtGroup = DISTRICTS,
): AgencyRegistry {
  const departments = [
    dept("Sở Y tế", ["Sở YT", "ngành Y tế"]),
    dept("Sở Giáo dục và Đào tạo", ["Sở GDĐT", "Sở GD&ĐT"]),
    dept("Sở Lao động - Thương binh và Xã hội", ["Sở LĐTBXH", "Sở LĐ-TB&XH"]),
    dept("Sở Công Thương"),
    dept("Sở Giao thông vận tải", ["Sở GTVT"]),
    dept("Sở Thông tin và Truyền thông", ["Sở TT&TT"]),
    dept("Sở Tài chính"),
    dept("Sở Kế hoạch và Đầu tư"),
    dept("Sở Nông nghiệp và Phát triển nông thôn", ["Sở NN&PTNT"]),
    dept("Sở Nội vụ"),
    dept("Văn phòng UBND tỉnh"),
    dept("Công an tỉnh", [], "police"),
    dept("Bộ Chỉ huy Quân sự tỉnh", ["BCH Quân sự tỉnh"], "military"),
    dept("Bộ Chỉ huy Bộ đội Biên phòng tỉnh", [], "military"),
  ];
  const front = [
    {
      name: "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
      shortName: "MTTQ",
      kind: "front" as const,
      aliases: ["Ủy ban MTTQ Việt Nam tỉnh", "Mặt trận Tổ quốc tỉnh"],
    },
    { name: "Liên đoàn Lao động tỉnh", shortName: "LĐLĐ", kind: "front" as const, aliases: [] },
    { name: "Tỉnh đoàn", shortName: "Tỉnh đoàn", kind: "front" as const, aliases: [] },
    { name: "Hội Liên hiệp Phụ nữ tỉnh", shortName: "Hội LHPN", kind: "front" as const, aliases: [] },
  ];
  const others: RegistryAgency[] = [
    { name: "Trung tâm Kiểm soát bệnh tật tỉnh", shortName: "CDC", kind: "other", aliases: ["CDC tỉnh", "CDC"] },
  ];
  const units = districts.map(([level, place]): RegistryAgency => ({
    name: `UBND ${level} ${place}`,
    shortName: `UBND ${place}`,
    kind: "district",
    aliases: [`${level} ${place}`, place, `Chủ tịch UBND ${level} ${place}`],
  }));
  return {
    province,
    agencies: [...departments, ...front, ...others, ...units, ...extra],
    groups: [
      { name: districtGroup, aliases: ["các địa phương"], members: units.map((u) => u.name) },
      { name: DEPARTMENTS, aliases: ["các sở, ngành"], members: departments.map((d) => d.name) },
      { name: FRONT, aliases: ["các tổ chức chính trị - xã hội", "các đoàn thể"], members: front.map((f) => f.name) },
    ],
  };
}
