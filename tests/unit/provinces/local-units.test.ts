import { describe, expect, it } from "vitest";
import { readLocalUnits } from "@/lib/provinces/local-units";

describe("local units pasted as a list", () => {
  it("reads districts before the reform and communes after, as provinces write them", () => {
    const r = readLocalUnits(
      "1. TP Quy Nhơn\n2) Thị xã An Nhơn\n- huyện Tuy Phước;\n\nUBND huyện Phù Cát\nxã Mỹ Hiệp\nphường Quy Nhơn Nam\nđặc khu Côn Đảo",
    );
    expect(r.errors).toEqual([]);
    expect(r.units).toEqual([
      { type: "thành phố", name: "Quy Nhơn" },
      { type: "thị xã", name: "An Nhơn" },
      { type: "huyện", name: "Tuy Phước" },
      { type: "huyện", name: "Phù Cát" },
      { type: "xã", name: "Mỹ Hiệp" },
      { type: "phường", name: "Quy Nhơn Nam" },
      { type: "đặc khu", name: "Côn Đảo" },
    ]);
  });

  it("says which line it cannot read and why", () => {
    const r = readLocalUnits("huyện Tây Sơn\nVân Canh\nhuyện Tây Sơn\nxã");
    expect(r.units).toHaveLength(1);
    expect(r.errors.map((e) => [e.line, e.text])).toEqual([
      [2, "Vân Canh"],
      [3, "huyện Tây Sơn"],
      [4, "xã"],
    ]);
    expect(r.errors[0]!.message).toMatch(/Ghi rõ loại đơn vị/);
  });
});
