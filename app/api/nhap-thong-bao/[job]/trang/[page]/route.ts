import { route } from "@/lib/auth/gate";
import { db } from "@/lib/db/client";
import { intakeJobPageImage } from "@/lib/intake/jobs";

// GET /api/nhap-thong-bao/:job/trang/:page — a recognised page's image, for the review screen.
export const GET = route(
  { name: "intake.jobPage", ids: ["job", "page"], permission: "notice.create" },
  async ({ user, params }) => {
    const image = await intakeJobPageImage(db(), user, params.job, params.page);
    return new Response(Buffer.from(image.bytes), {
      headers: {
        "content-type": image.mime,
        "content-length": String(image.bytes.byteLength),
        "x-content-type-options": "nosniff",
        "cache-control": "private, max-age=3600",
      },
    });
  },
);
