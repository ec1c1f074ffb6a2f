"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/auth/gate";
import { db } from "@/lib/db/client";
import { createApiToken, revokeApiToken } from "@/lib/api/tokens";
import { ZCreateApiToken, ZRevokeApiToken } from "@/lib/api/token-schemas";

// The province administrator's API tokens (/quan-tri/api); the service checks the role and province.

export const createApiTokenAction = formAction<typeof ZCreateApiToken, { tokenId: number; secret: string }>(
  { name: "apiToken.create", input: ZCreateApiToken },
  async (input, { user }) => {
    const { id, secret } = await createApiToken(db(), user, input);
    revalidatePath("/quan-tri/api");
    return {
      ok: true,
      message: `Đã tạo mã truy cập "${input.name}". Hãy sao chép mã ngay: mã chỉ hiện một lần này.`,
      tokenId: id,
      secret,
    };
  },
);

export const revokeApiTokenAction = formAction<typeof ZRevokeApiToken, object>(
  { name: "apiToken.revoke", input: ZRevokeApiToken },
  async (input, { user }) => {
    const { name } = await revokeApiToken(db(), user, input.tokenId);
    revalidatePath("/quan-tri/api");
    return { ok: true, message: `Đã thu hồi mã truy cập "${name}": các yêu cầu dùng mã này bị từ chối từ bây giờ.` };
  },
);
