import { describe, expect, it } from "vitest";
import { passwordProblem } from "@/lib/auth/password-policy";

describe("password policy", () => {
  const who = { login: "longan.syt", name: "Nguyễn Văn Khoa" };
  it("refuses short, login-like, name-like and common passwords with a reason", () => {
    expect(passwordProblem("ngan@1", who)).toMatch(/ít nhất 10 ký tự/);
    expect(passwordProblem("longan.syt2024!", who)).toMatch(/tên đăng nhập/);
    expect(passwordProblem("LongAn.SYT-2024", who)).toMatch(/tên đăng nhập/);
    expect(passwordProblem("Khoa@2024nam", who)).toMatch(/họ tên/);
    for (const p of ["password123", "1234567890", "qwertyuiop", "iloveyou12", "matkhau123"]) {
      expect(passwordProblem(p, who), p).toMatch(/phổ biến|dễ đoán/);
    }
  });
  it("accepts a long, uncommon phrase", () => {
    expect(passwordProblem("sông Vàm Cỏ chảy qua Tân An 1975", who)).toBeNull();
    expect(passwordProblem("tram-lua-xanh-bien-gioi", who)).toBeNull();
  });
});
