// What any province's notices call their bodies, for when the province's registry does not know
// one (or the province is not set up): such a match becomes a proposed new agency with a clean
// name. Also the bodies that give orders rather than receive them, which are never assignees.
import type { RegistryAgency, RegistryGroup } from "@/lib/agencies/registry";

const dept = (name: string, ...aliases: string[]): RegistryAgency => ({
  name, shortName: name, kind: "department", aliases: [`Giám đốc ${name}`, ...aliases],
});

export const GENERIC_AGENCIES: RegistryAgency[] = [
  dept("Sở Y tế", "Sở YT", "ngành Y tế", "ngành y tế"),
  dept("Sở Giáo dục và Đào tạo", "Sở GDĐT", "Sở GD&ĐT", "Sở GD-ĐT", "ngành Giáo dục"),
  dept("Sở Lao động - Thương binh và Xã hội", "Sở LĐTBXH", "Sở LĐ-TB&XH", "Sở LĐTB&XH", "Sở Lao động Thương binh và Xã hội", "Sở Lao động, Thương binh và Xã hội"),
  dept("Sở Công Thương", "ngành Công Thương"),
  dept("Sở Giao thông vận tải", "Sở GTVT", "Sở Giao thông - Vận tải"),
  dept("Sở Thông tin và Truyền thông", "Sở TT&TT", "Sở TTTT", "Sở TT-TT"),
  dept("Sở Tài chính"),
  dept("Sở Kế hoạch và Đầu tư", "Sở KH&ĐT", "Sở KHĐT"),
  dept("Sở Văn hóa, Thể thao và Du lịch", "Sở VHTTDL", "Sở VH-TT&DL", "Sở VHTT&DL"),
  dept("Sở Nội vụ"),
  dept("Sở Tư pháp"),
  dept("Sở Xây dựng"),
  dept("Sở Tài nguyên và Môi trường", "Sở TN&MT", "Sở TNMT"),
  dept("Sở Nông nghiệp và Phát triển nông thôn", "Sở NN&PTNT", "Sở NNPTNT"),
  dept("Sở Khoa học và Công nghệ", "Sở KH&CN"),
  dept("Sở Ngoại vụ"),
  dept("Thanh tra tỉnh"),
  dept("Văn phòng UBND tỉnh", "VP UBND tỉnh", "Văn phòng Ủy ban nhân dân tỉnh", "Chánh Văn phòng UBND tỉnh"),
  dept("Ban Quản lý Khu kinh tế", "BQL KKT", "BQL Khu kinh tế"),
  // A body of its own in provinces with industrial parks (Bắc Giang, Bắc Ninh, Đồng Nai…).
  dept("Ban Quản lý các khu công nghiệp tỉnh", "Ban Quản lý các khu công nghiệp", "BQL các KCN tỉnh", "BQL các KCN"),
  { name: "Công an tỉnh", shortName: "CAT", kind: "police", aliases: ["Giám đốc Công an tỉnh", "ngành Công an", "CA tỉnh"] },
  { name: "Bộ Chỉ huy Quân sự tỉnh", shortName: "BCHQS", kind: "military", aliases: ["BCH Quân sự tỉnh", "BCH Quân sự", "Bộ CHQS tỉnh", "BCHQS tỉnh", "Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh"] },
  { name: "Bộ Chỉ huy Bộ đội Biên phòng tỉnh", shortName: "BĐBP", kind: "military", aliases: ["Bộ đội Biên phòng tỉnh", "BĐBP tỉnh", "Bộ CHBĐBP tỉnh", "Bộ Chỉ huy BĐBP tỉnh"] },
  { name: "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", shortName: "MTTQ", kind: "front", aliases: ["Ủy ban MTTQ Việt Nam tỉnh", "UBMTTQ tỉnh", "Ủy ban MTTQ tỉnh", "MTTQ tỉnh", "Mặt trận Tổ quốc tỉnh", "Mặt trận Tổ quốc", "Mặt trận Tổ quốc Việt Nam tỉnh"] },
  { name: "Liên đoàn Lao động tỉnh", shortName: "LĐLĐ", kind: "front", aliases: ["LĐLĐ tỉnh"] },
  { name: "Tỉnh đoàn", shortName: "Tỉnh đoàn", kind: "front", aliases: ["Đoàn TNCS Hồ Chí Minh tỉnh"] },
  { name: "Hội Liên hiệp Phụ nữ tỉnh", shortName: "Hội LHPN", kind: "front", aliases: ["Hội LHPN tỉnh"] },
  { name: "Trung tâm Kiểm soát bệnh tật tỉnh", shortName: "CDC", kind: "other", aliases: ["CDC", "CDC tỉnh", "Trung tâm KSBT tỉnh", "TTKSBT tỉnh"] },
  { name: "Bảo hiểm xã hội tỉnh", shortName: "BHXH", kind: "other", aliases: ["BHXH tỉnh"] },
  { name: "Báo tỉnh", shortName: "Báo tỉnh", kind: "media", aliases: [] },
  { name: "Đài Phát thanh và Truyền hình tỉnh", shortName: "Đài PT-TH", kind: "media", aliases: ["Đài PT-TH tỉnh", "Đài PTTH tỉnh"] },
];

/** Group roles the extractor knows, to find a province's group even when its aliases differ. */
export type GroupRole = "districts" | "departments" | "members" | "media" | "front";

export const GENERIC_GROUPS: (RegistryGroup & { role: GroupRole })[] = [
  { role: "districts", name: "UBND các huyện, thị xã, thành phố", members: [], aliases: [
    "UBND các huyện, thành phố", "UBND các huyện", "UBND huyện, thị xã, thành phố", "UBND huyện, thành phố",
    "Ủy ban nhân dân các huyện, thị xã, thành phố", "Ủy ban nhân dân các huyện, thành phố",
    "các huyện, thị xã, thành phố", "các huyện, thành phố", "các địa phương", "địa phương", "chính quyền", "chính quyền địa phương", "cấp xã", "UBND cấp huyện",
    "Chủ tịch UBND các huyện, thị xã, thành phố", "Chủ tịch UBND các huyện, thành phố", "Chủ tịch UBND cấp huyện",
    "Ban Chỉ đạo cấp huyện", "thành viên Ban Chỉ đạo cấp huyện", "Ban Chỉ đạo phòng, chống dịch cấp huyện", "Ban Chỉ đạo các huyện, thành phố",
    "Ban Chỉ đạo phòng, chống dịch COVID-19 các huyện, thành phố", "Ban Chỉ đạo phòng, chống dịch COVID-19 các huyện, thị xã, thành phố",
    "UBND các quận, huyện", "các quận, huyện", "UBND các huyện, thị xã",
  ] },
  { role: "departments", name: "Các sở, ban, ngành", members: [], aliases: [
    "các sở, ban, ngành tỉnh", "các sở, ngành", "các sở, ngành tỉnh", "các sở ban ngành", "các ngành",
    "Thủ trưởng các sở, ban, ngành", "Thủ trưởng các sở, ngành", "các sở, ngành liên quan", "các sở, ban, ngành liên quan",
  ] },
  { role: "members", name: "Thành viên Ban Chỉ đạo tỉnh", members: [], aliases: [
    "các thành viên Ban Chỉ đạo tỉnh", "thành viên Ban Chỉ đạo", "các thành viên Ban Chỉ đạo",
    "thành viên Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh", "các thành viên Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh",
    "Thành viên BCĐ tỉnh",
  ] },
  { role: "media", name: "Các cơ quan báo chí, truyền thông", members: [], aliases: [
    "các cơ quan truyền thông, báo chí", "các cơ quan báo chí", "các cơ quan truyền thông", "Báo, Đài",
  ] },
  { role: "front", name: "Mặt trận Tổ quốc và các đoàn thể", members: [], aliases: [
    "Mặt trận Tổ quốc và các tổ chức đoàn thể", "MTTQ và các đoàn thể", "các đoàn thể", "các tổ chức đoàn thể",
    "các tổ chức chính trị - xã hội",
  ] },
];

/** Who orders rather than carries out: matched so that they are never proposed as assignees. */
export const SUPERIORS: string[] = [
  "UBND tỉnh", "Ủy ban nhân dân tỉnh", "Chủ tịch UBND tỉnh", "Phó Chủ tịch UBND tỉnh", "Tỉnh ủy", "Thường trực Tỉnh ủy",
  "Ban Thường vụ Tỉnh ủy", "Ban cán sự đảng UBND tỉnh", "HĐND tỉnh", "Thường trực HĐND tỉnh", "Ban Chỉ đạo tỉnh",
  "Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh", "Ban Chỉ đạo cấp tỉnh", "Trưởng Ban Chỉ đạo", "Phó Trưởng Ban Chỉ đạo",
  "Trưởng Ban Chỉ đạo tỉnh", "Trưởng Ban Chỉ đạo phòng, chống dịch tỉnh", "Chính phủ", "Thủ tướng Chính phủ", "Văn phòng Chính phủ", "Bộ Y tế",
  "Ban Chỉ đạo Quốc gia", "Bộ Chính trị", "Ban Bí thư", "Trung ương", "UBND các tỉnh, thành phố", "các tỉnh, thành phố",
  "Sở Chỉ huy", "Trung tâm Chỉ huy",
];

/** Titles by which an agency is named through its head: "Giám đốc Sở Y tế" = Sở Y tế. */
export const HEAD_TITLES: string[] = [
  "Giám đốc", "Phó Giám đốc", "Chủ tịch", "Phó Chủ tịch", "Thủ trưởng", "Trưởng ban", "Trưởng", "Chỉ huy trưởng",
  "Lãnh đạo", "Chánh Văn phòng", "Chánh", "Bí thư", "Người đứng đầu", "đồng chí", "các đồng chí",
];
