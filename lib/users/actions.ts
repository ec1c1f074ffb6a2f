"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/auth/gate";
import { db } from "@/lib/db/client";
import { createAccount, resetPassword, updateAccount, type AccountView } from "@/lib/users/accounts";
import { changeOwnPassword, updateOwnProfile } from "@/lib/users/own-account";
import { ZChangePassword, ZCreateUser, ZOwnProfile, ZUpdateUser, ZUserTarget } from "@/lib/users/schemas";

// Server actions of the account pages, each through the gate: the administrator's (the service
// checks "user.manage" on the stored account's province) and everyone's own account.

export const createAccountAction = formAction<typeof ZCreateUser, { account: AccountView; temporaryPassword: string }>(
  { name: "user.create", input: ZCreateUser, permission: "user.manage" },
  async (input, { user }) => {
    const r = await createAccount(db(), user, input);
    revalidatePath("/quan-tri/nguoi-dung");
    return { ok: true, message: `Đã tạo tài khoản ${r.account.username}.`, ...r };
  },
);

export const updateAccountAction = formAction<typeof ZUpdateUser, { account: AccountView }>(
  { name: "user.update", input: ZUpdateUser, permission: "user.manage" },
  async (input, { user }) => {
    const account = await updateAccount(db(), user, input);
    revalidatePath(`/quan-tri/nguoi-dung/${account.id}`);
    revalidatePath("/quan-tri/nguoi-dung");
    const message = account.active
      ? "Đã lưu tài khoản."
      : "Đã lưu; tài khoản bị khóa và mọi phiên đăng nhập của nó đã kết thúc.";
    return { ok: true, message, account };
  },
);

export const resetPasswordAction = formAction<typeof ZUserTarget, { temporaryPassword: string; username: string }>(
  { name: "user.resetPassword", input: ZUserTarget, permission: "user.manage" },
  async (input, { user }) => {
    const r = await resetPassword(db(), user, input);
    revalidatePath(`/quan-tri/nguoi-dung/${r.account.id}`);
    return {
      ok: true,
      message: `Đã cấp mật khẩu tạm cho ${r.account.username}; ${r.sessionsEnded} phiên đăng nhập đã kết thúc.`,
      temporaryPassword: r.temporaryPassword,
      username: r.account.username,
    };
  },
);

export const changeOwnPasswordAction = formAction<typeof ZChangePassword, { otherSessionsEnded: number }>(
  { name: "account.changePassword", input: ZChangePassword, beforePasswordChange: true },
  async (input, { user, sessionId }) => {
    const r = await changeOwnPassword(db(), user, input, await sessionId());
    const others = r.otherSessionsEnded > 0 ? ` ${r.otherSessionsEnded} phiên đăng nhập khác đã kết thúc.` : "";
    return { ok: true, message: `Đã đổi mật khẩu.${others}`, ...r };
  },
);

export const updateOwnProfileAction = formAction<typeof ZOwnProfile, object>(
  { name: "account.profile", input: ZOwnProfile },
  async (input, { user }) => {
    await updateOwnProfile(db(), user, input);
    revalidatePath("/tai-khoan");
    return { ok: true, message: "Đã lưu thông tin tài khoản." };
  },
);
