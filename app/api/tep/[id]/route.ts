import { readAttachment } from "@/lib/attachments/store";
import { route } from "@/lib/auth/gate";
import { db } from "@/lib/db/client";

// GET /api/tep/:id — an evidence file. Who may read it is decided from the report that cites it.
export const GET = route({ name: "attachment.download", ids: ["id"] }, async ({ user, params }) => {
  const file = await readAttachment(db(), user, params.id);
  return new Response(Buffer.from(file.data), {
    headers: {
      "content-type": file.mimeType,
      "content-length": String(file.size),
      "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    },
  });
});
