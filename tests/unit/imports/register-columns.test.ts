import { describe, expect, it } from "vitest";
import {
  deadlineCellText,
  guessMapping,
  kindOfNumber,
  readCellDate,
  readState,
  splitNumberAndDate,
} from "@/lib/imports/register-columns";
import { RegisterAgencyFinder, type RegisterRegistry } from "@/lib/imports/register-agencies";

// How a register's cells read: dates as written or as Excel's day numbers, state words, numbers
// with their date, headers provinces write, and agency cells cut at their commas without cutting
// a name that holds one.

describe("register cells", () => {
  it("reads dates written by hand and Excel's day numbers, and refuses days that do not exist", () => {
    expect(readCellDate("30/5/2021")).toBe("2021-05-30");
    expect(readCellDate("30-05-2021")).toBe("2021-05-30");
    expect(readCellDate("2021-05-30")).toBe("2021-05-30");
    expect(readCellDate("44346")).toBe("2021-05-30");
    expect(readCellDate("ngày 06/9/2021")).toBe("2021-09-06");
    expect(readCellDate("31/02/2022")).toBeNull();
    expect(readCellDate("tháng 5")).toBeNull();
    expect(readCellDate("12345")).toBeNull();
    expect(deadlineCellText("44592")).toBe("31/01/2022");
    expect(deadlineCellText("Trước ngày 15/6/2021")).toBe("Trước ngày 15/6/2021");
  });

  it("knows the state words and the kind a number names", () => {
    expect(readState("Đã hoàn thành")).toBe("completed");
    expect(readState("HOÀN THÀNH QUÁ HẠN")).toBe("completed");
    expect(readState("dang thuc hien")).toBe("in_progress");
    expect(readState("Chưa thực hiện")).toBe("not_started");
    expect(readState("")).toBeUndefined();
    expect(readState("Tạm dừng")).toBeNull();
    expect(kindOfNumber("875/TB-VPUBND")).toBe("TB");
    expect(kindOfNumber("15-CV/BCĐ")).toBe("CV");
    expect(kindOfNumber("120/KH-UBND")).toBe("KH");
    expect(kindOfNumber("07/CĐ-UBND")).toBe("CD");
    expect(kindOfNumber("12")).toBe("TB");
    expect(splitNumberAndDate("875/TB-VPUBND ngày 30/5/2021")).toEqual({ number: "875/TB-VPUBND", date: "2021-05-30" });
    expect(splitNumberAndDate("875/TB-VPUBND, 30/05/2021")).toEqual({ number: "875/TB-VPUBND", date: "2021-05-30" });
    expect(splitNumberAndDate("875/TB-VPUBND")).toEqual({ number: "875/TB-VPUBND", date: null });
  });

  it("guesses each column's field from the headers provinces write", () => {
    expect(
      guessMapping([
        "STT",
        "Số, ký hiệu",
        "Ngày ban hành",
        "Nội dung chỉ đạo",
        "Cơ quan chủ trì",
        "CƠ QUAN PHỐI HỢP",
        "Thời hạn hoàn thành",
        "Tình hình thực hiện",
        "Ngày hoàn thành",
        "Ghi chú",
      ]),
    ).toEqual(["", "number", "date", "content", "lead", "support", "deadline", "state", "completedOn", ""]);
  });
});

describe("agency cells", () => {
  const registry: RegisterRegistry = {
    provinceName: "Long An",
    agencies: [
      { id: 1, name: "Sở Y tế", shortName: "SYT", aliases: [], active: true },
      { id: 2, name: "Sở Văn hóa, Thể thao và Du lịch", shortName: "SVHTTDL", aliases: [], active: true },
      { id: 3, name: "Công an tỉnh", shortName: "CA", aliases: [], active: true },
      { id: 4, name: "UBND huyện Bến Lức", shortName: "Bến Lức", aliases: [], active: true },
      { id: 5, name: "Sở Cũ", shortName: "SC", aliases: [], active: false },
    ],
    groups: [{ id: 9, name: "UBND các huyện, thị xã, thành phố", aliases: [], memberIds: [4] }],
  };

  it("finds names with and without diacritics, keeps a name that holds a comma whole, and expands groups", () => {
    const finder = new RegisterAgencyFinder(registry, {});
    const r = finder.read("so y te, Sở Văn hóa, Thể thao và Du lịch; UBND các huyện, thị xã, thành phố, SYT");
    expect(r.targets).toEqual([
      { agencyIds: [1], viaGroup: null },
      { agencyIds: [2], viaGroup: null },
      { agencyIds: [4], viaGroup: "UBND các huyện, thị xã, thành phố" },
      { agencyIds: [1], viaGroup: null },
    ]);
    expect(r.unknown).toEqual([]);
  });

  it("waits for a choice on a name it lacks (an inactive agency too), then follows it", () => {
    const open = new RegisterAgencyFinder(registry, {}).read("Công an tỉnh; Sở Cũ; Phòng Y tế huyện");
    expect(open.unknown.map((u) => u.text)).toEqual(["Sở Cũ", "Phòng Y tế huyện"]);
    const keys = open.unknown.map((u) => u.key);
    const chosen = new RegisterAgencyFinder(registry, { [keys[0]!]: 0, [keys[1]!]: 1 }).read(
      "Công an tỉnh; Sở Cũ; Phòng Y tế huyện",
    );
    expect(chosen).toEqual({
      targets: [
        { agencyIds: [3], viaGroup: null },
        { agencyIds: [1], viaGroup: null },
      ],
      unknown: [],
      skipped: ["Sở Cũ"],
      lacking: open.unknown,
    });
    // A choice naming an agency the registry does not have (or no longer has) is no choice.
    expect(new RegisterAgencyFinder(registry, { [keys[0]!]: 5 }).read("Sở Cũ").unknown).toHaveLength(1);
  });
});
