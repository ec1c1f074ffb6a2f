// Vocabulary of the synthetic load: real province names (the 63 of 2021), the usual provincial
// bodies, made-up district names built from common Vietnamese place-name words, and directive
// wording of the kinds DOMAIN.md describes. Nothing here is copied from the seed documents.

export const PROVINCES = [
  "Hà Nội",
  "Thành phố Hồ Chí Minh",
  "Hải Phòng",
  "Đà Nẵng",
  "Cần Thơ",
  "Thanh Hóa",
  "Nghệ An",
  "Đồng Nai",
  "Bình Dương",
  "An Giang",
  "Hải Dương",
  "Thái Bình",
  "Nam Định",
  "Bắc Giang",
  "Kiên Giang",
  "Đắk Lắk",
  "Gia Lai",
  "Quảng Nam",
  "Bắc Ninh",
  "Tiền Giang",
  "Đồng Tháp",
  "Long An",
  "Quảng Ninh",
  "Hà Tĩnh",
  "Phú Thọ",
  "Thái Nguyên",
  "Bình Định",
  "Sơn La",
  "Khánh Hòa",
  "Lâm Đồng",
  "Vĩnh Phúc",
  "Bến Tre",
  "Quảng Ngãi",
  "Sóc Trăng",
  "Cà Mau",
  "Hưng Yên",
  "Tây Ninh",
  "Bà Rịa - Vũng Tàu",
  "Thừa Thiên Huế",
  "Bình Thuận",
  "Trà Vinh",
  "Vĩnh Long",
  "Ninh Bình",
  "Bình Phước",
  "Hà Nam",
  "Bạc Liêu",
  "Quảng Bình",
  "Lào Cai",
  "Hòa Bình",
  "Yên Bái",
  "Tuyên Quang",
  "Hậu Giang",
  "Phú Yên",
  "Hà Giang",
  "Lạng Sơn",
  "Quảng Trị",
  "Ninh Thuận",
  "Đắk Nông",
  "Điện Biên",
  "Cao Bằng",
  "Kon Tum",
  "Lai Châu",
  "Bắc Kạn",
] as const;

export interface AgencySpec {
  name: string;
  shortName: string;
  kind: "department" | "district" | "police" | "military" | "front" | "media" | "other";
}

export const DEPARTMENTS: AgencySpec[] = [
  ["Sở Y tế", "SYT"],
  ["Sở Giáo dục và Đào tạo", "SGDĐT"],
  ["Sở Lao động - Thương binh và Xã hội", "SLĐTBXH"],
  ["Sở Công Thương", "SCT"],
  ["Sở Giao thông vận tải", "SGTVT"],
  ["Sở Thông tin và Truyền thông", "STTTT"],
  ["Sở Tài chính", "STC"],
  ["Sở Kế hoạch và Đầu tư", "SKHĐT"],
  ["Sở Văn hóa, Thể thao và Du lịch", "SVHTTDL"],
  ["Sở Nội vụ", "SNV"],
  ["Sở Tư pháp", "STP"],
  ["Sở Xây dựng", "SXD"],
  ["Sở Tài nguyên và Môi trường", "STNMT"],
  ["Sở Nông nghiệp và Phát triển nông thôn", "SNNPTNT"],
  ["Sở Khoa học và Công nghệ", "SKHCN"],
  ["Sở Ngoại vụ", "SNgV"],
  ["Thanh tra tỉnh", "TTr"],
  ["Văn phòng UBND tỉnh", "VPUBND"],
  ["Ban Quản lý Khu kinh tế", "BQLKKT"],
  ["Ban Dân tộc tỉnh", "BDT"],
].map(([name, shortName]) => ({ name: name!, shortName: shortName!, kind: "department" as const }));

export const FORCES: AgencySpec[] = [
  { name: "Công an tỉnh", shortName: "CAT", kind: "police" },
  { name: "Bộ Chỉ huy Quân sự tỉnh", shortName: "BCHQS", kind: "military" },
  { name: "Bộ Chỉ huy Bộ đội Biên phòng tỉnh", shortName: "BĐBP", kind: "military" },
];

export const FRONT: AgencySpec[] = [
  { name: "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", shortName: "MTTQ tỉnh", kind: "front" },
  { name: "Liên đoàn Lao động tỉnh", shortName: "LĐLĐ", kind: "front" },
  { name: "Tỉnh đoàn", shortName: "Tỉnh đoàn", kind: "front" },
  { name: "Hội Liên hiệp Phụ nữ tỉnh", shortName: "Hội LHPN", kind: "front" },
];

export const OTHERS: AgencySpec[] = [{ name: "Trung tâm Kiểm soát bệnh tật tỉnh", shortName: "CDC", kind: "other" }];

export function mediaOf(province: string): AgencySpec[] {
  return [
    { name: `Báo ${province}`, shortName: `Báo ${province}`, kind: "media" },
    { name: `Đài Phát thanh và Truyền hình ${province}`, shortName: `Đài PT-TH ${province}`, kind: "media" },
  ];
}

const PLACE_WORDS = [
  "An",
  "Bình",
  "Phú",
  "Tân",
  "Hòa",
  "Thạnh",
  "Vĩnh",
  "Long",
  "Đông",
  "Tây",
  "Nam",
  "Bắc",
  "Sơn",
  "Hải",
  "Lộc",
  "Yên",
  "Phong",
  "Thuận",
  "Mỹ",
  "Cẩm",
  "Trà",
  "Hưng",
  "Định",
  "Quảng",
  "Lạc",
  "Kim",
  "Thủy",
  "Ninh",
  "Xuân",
  "Đức",
  "Minh",
  "Gia",
];

/** `count` distinct district-level units: one city, maybe a town, the rest huyện. */
export function districtsOf(count: number, rand: () => number): AgencySpec[] {
  const names = new Set<string>();
  while (names.size < count) {
    const a = PLACE_WORDS[Math.floor(rand() * PLACE_WORDS.length)]!;
    const b = PLACE_WORDS[Math.floor(rand() * PLACE_WORDS.length)]!;
    if (a !== b) names.add(`${a} ${b}`);
  }
  return [...names].map((place, i) => {
    const type = i === 0 ? "thành phố" : i === 1 && count > 8 ? "thị xã" : "huyện";
    const abbr = type === "thành phố" ? "TP " : type === "thị xã" ? "TX " : "";
    return { name: `UBND ${type} ${place}`, shortName: `UBND ${abbr}${place}`, kind: "district" as const };
  });
}

export const TASKS = [
  "tăng cường kiểm soát người ra vào địa bàn tại các chốt kiểm dịch",
  "tổ chức xét nghiệm sàng lọc SARS-CoV-2 cho người lao động tại các khu, cụm công nghiệp",
  "triển khai tiêm vắc xin phòng COVID-19 cho người từ 18 tuổi trở lên",
  "rà soát, bổ sung phương án thu dung, điều trị người mắc COVID-19",
  "bảo đảm cung ứng lương thực, thực phẩm, nhu yếu phẩm cho người dân trong khu vực cách ly",
  "đẩy mạnh công tác truyền thông về thông điệp 5K",
  "kiểm tra, giám sát việc thực hiện các biện pháp phòng, chống dịch tại cơ sở sản xuất, kinh doanh",
  "xây dựng kế hoạch tổ chức dạy học an toàn, phù hợp với tình hình dịch bệnh",
  "thực hiện chi trả kịp thời chính sách hỗ trợ người lao động gặp khó khăn do đại dịch",
  "bảo đảm lưu thông hàng hóa, vận tải hành khách an toàn",
  "quản lý chặt chẽ người về từ vùng dịch, thực hiện khai báo y tế",
  "kích hoạt các Tổ COVID-19 cộng đồng ở thôn, bản, khu phố",
  "mua sắm vật tư, hóa chất, sinh phẩm xét nghiệm bảo đảm dự phòng",
  "thiết lập bệnh viện dã chiến, khu cách ly tập trung",
  "xử lý nghiêm các trường hợp vi phạm quy định phòng, chống dịch",
  "tổng hợp, báo cáo kết quả thực hiện về Ban Chỉ đạo tỉnh",
];

export const OPENERS = ["Giao", "Yêu cầu", "Đề nghị", "Chỉ đạo"];

export const TITLES = [
  "Kết luận của Chủ tịch UBND tỉnh tại cuộc họp Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh",
  "Về việc tăng cường các biện pháp phòng, chống dịch COVID-19",
  "Kế hoạch triển khai chiến dịch tiêm vắc xin phòng COVID-19",
  "Về việc thực hiện giãn cách xã hội theo Chỉ thị số 16/CT-TTg",
  "Ý kiến chỉ đạo của Thường trực Ban Chỉ đạo tỉnh về công tác phòng, chống dịch",
  "Về việc thích ứng an toàn, linh hoạt, kiểm soát hiệu quả dịch COVID-19",
];
