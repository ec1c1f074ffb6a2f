import type { District, DistrictType } from "@/lib/agencies/template";

// The local units a system administrator pastes when setting a province up, one per line, as a
// province's own list writes them: "TP Tân An", "Thị xã Kiến Tường", "huyện Bến Lức" (before the
// 2025 reform) or "xã Mỹ Yên", "phường Tân An", "đặc khu Côn Đảo" (after). Numbering, bullets,
// "UBND" and "Ủy ban nhân dân" in front are left out. Pure.

const TYPES: [RegExp, DistrictType][] = [
  [/^(thành phố|tp\.?)\s+/i, "thành phố"],
  [/^(thị xã|tx\.?)\s+/i, "thị xã"],
  [/^huyện\s+/i, "huyện"],
  [/^phường\s+/i, "phường"],
  [/^xã\s+/i, "xã"],
  [/^đặc khu\s+/i, "đặc khu"],
];

export interface LocalUnitsReading {
  units: District[];
  errors: { line: number; text: string; message: string }[];
}

export function readLocalUnits(pasted: string): LocalUnitsReading {
  const units: District[] = [];
  const errors: LocalUnitsReading["errors"] = [];
  const seen = new Set<string>();
  pasted.split(/\r?\n/).forEach((raw, i) => {
    const text = raw
      .normalize("NFC")
      .replace(/^\s*(?:\d+[.)]|[-–•*+])\s*/, "")
      .replace(/^(ubnd|ủy ban nhân dân|uỷ ban nhân dân)\s+/i, "")
      .replace(/\s+/g, " ")
      .trim()
      .replace(/[;,.]$/, "");
    if (!text) return;
    const hit = TYPES.find(([re]) => re.test(text));
    if (!hit) {
      errors.push({
        line: i + 1,
        text,
        message: "Ghi rõ loại đơn vị: thành phố, thị xã, huyện, xã, phường hoặc đặc khu.",
      });
      return;
    }
    const name = text.replace(hit[0], "").trim();
    if (name.length < 2) {
      errors.push({ line: i + 1, text, message: "Thiếu tên đơn vị." });
      return;
    }
    const key = `${hit[1]} ${name}`.toLocaleLowerCase("vi");
    if (seen.has(key)) {
      errors.push({ line: i + 1, text, message: "Đơn vị này đã có ở dòng trên." });
      return;
    }
    seen.add(key);
    units.push({ type: hit[1], name });
  });
  return { units, errors };
}
