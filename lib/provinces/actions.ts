"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/auth/gate";
import { db } from "@/lib/db/client";
import { updateProvinceSettings, ZProvinceSettings } from "@/lib/provinces/settings";
import { createProvince, ZCreateProvince } from "@/lib/provinces/setup";

// The system administrator's action: setting a province up (the service checks the role).
export const createProvinceAction = formAction<
  typeof ZCreateProvince,
  { provinceId: number; adminLogin: string; temporaryPassword: string; agencies: number; groups: number }
>({ name: "province.create", input: ZCreateProvince, pastedText: ["units"] }, async (input, { user }) => {
  const r = await createProvince(db(), user, input);
  revalidatePath("/quan-tri/tinh");
  return {
    ok: true,
    message: `Đã tạo tỉnh ${input.name}: ${r.agencies} cơ quan, ${r.groups} nhóm và tài khoản quản trị ${r.adminLogin}.`,
    ...r,
  };
});

/** The province administrator's settings: reminder days and the ongoing tasks' reporting period. */
export const updateProvinceSettingsAction = formAction<typeof ZProvinceSettings, object>(
  { name: "province.settings", input: ZProvinceSettings },
  async (input, { user }) => {
    await updateProvinceSettings(db(), user, input);
    revalidatePath("/quan-tri/cai-dat");
    return { ok: true, message: "Đã lưu cài đặt của tỉnh." };
  },
);
