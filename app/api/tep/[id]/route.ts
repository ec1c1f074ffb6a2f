import { readAttachment } from "@/lib/attachments/store";
import { currentUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { AppError, userMessage } from "@/lib/errors";

// Downloads an evidence file. Who may read it is decided from the report that cites it.
export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const user = await currentUser();
  if (!user)
    return new Response("Vui lòng đăng nhập.", {
      status: 401,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  try {
    const file = await readAttachment(db(), user, Number((await ctx.params).id));
    return new Response(Buffer.from(file.data), {
      headers: {
        "content-type": file.mimeType,
        "content-length": String(file.size),
        "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        "x-content-type-options": "nosniff",
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    const status = error instanceof AppError ? error.status : 500;
    return new Response(userMessage(error, "attachment.download"), {
      status,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
}
