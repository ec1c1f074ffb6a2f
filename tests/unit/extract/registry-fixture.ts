// A small registry of our own (Bình Định), independent of the demo seed data.
import type { AgencyRegistry } from "@/lib/agencies/registry";

const d = (name: string, shortName: string, aliases: string[] = []) => ({
  name,
  shortName,
  kind: "department" as const,
  aliases,
});
const district = (type: string, place: string) => ({
  name: `UBND ${type} ${place}`,
  shortName: `UBND ${place}`,
  kind: "district" as const,
  aliases: [`${type} ${place}`, place, `Chủ tịch UBND ${type} ${place}`],
});

export const BINH_DINH: AgencyRegistry = {
  province: "Bình Định",
  agencies: [
    d("Sở Y tế", "SYT", ["Giám đốc Sở Y tế"]),
    d("Sở Tài chính", "STC"),
    d("Sở Lao động - Thương binh và Xã hội", "SLĐTBXH", ["Sở LĐTBXH"]),
    d("Sở Công Thương", "SCT"),
    { name: "Bộ Chỉ huy Quân sự tỉnh", shortName: "BCHQS", kind: "military", aliases: ["BCH Quân sự tỉnh"] },
    { name: "Công an tỉnh", shortName: "CAT", kind: "police", aliases: [] },
    district("thành phố", "Quy Nhơn"),
    district("thị xã", "Hoài Nhơn"),
    district("thị xã", "An Nhơn"),
    district("huyện", "Phù Mỹ"),
    district("huyện", "Tuy Phước"),
  ],
  groups: [
    {
      name: "UBND các huyện, thị xã, thành phố",
      aliases: ["các địa phương"],
      members: [
        "UBND thành phố Quy Nhơn",
        "UBND thị xã Hoài Nhơn",
        "UBND thị xã An Nhơn",
        "UBND huyện Phù Mỹ",
        "UBND huyện Tuy Phước",
      ],
    },
  ],
};
