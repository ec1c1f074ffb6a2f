import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@/lib/auth/password-limits";
import { foldVi } from "@/lib/deadlines/fold";

export { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH };

// What a password must be: long enough, not the login or the person's name, and not one that
// attackers try first (zxcvbn's lists of common passwords and keyboard patterns, with the app's
// own words added). Pure: the account services call it, the forms show its message.

const APP_WORDS = [
  "matkhau",
  "mat khau",
  "chidao",
  "bancidao",
  "ubnd",
  "covid",
  "covid19",
  "demo@123",
  "vanphong",
  "quantri",
  "admin",
];

const zxcvbn = new ZxcvbnFactory({
  dictionary: { ...common.dictionary, app: APP_WORDS },
  graphs: common.adjacencyGraphs,
});

/** null when acceptable; otherwise the Vietnamese reason. */
export function passwordProblem(password: string, context: { login: string; name?: string }): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Mật khẩu cần ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Mật khẩu dài tối đa ${MAX_PASSWORD_LENGTH} ký tự.`;
  const folded = foldVi(password).replace(/\s+/g, "");
  const login = foldVi(context.login).replace(/\s+/g, "");
  if (login.length >= 3 && folded.includes(login)) return "Mật khẩu không được chứa tên đăng nhập.";
  const nameParts = foldVi(context.name ?? "")
    .split(/\s+/)
    .filter((p) => p.length >= 4);
  if (nameParts.some((p) => folded.includes(p))) return "Mật khẩu không được chứa họ tên của người dùng.";
  const result = zxcvbn.check(password, [context.login, ...(context.name ? [context.name] : [])]);
  if (result.score < 3) return "Mật khẩu quá phổ biến hoặc dễ đoán; hãy dùng một cụm từ dài hơn, ít gặp hơn.";
  return null;
}
