import { route } from "@/lib/auth/gate";
import { userExportResponse } from "@/lib/imports/files";

// The province's accounts as XLSX (no passwords), in the columns the import reads.
export const GET = route({ name: "users.export", permission: "user.manage" }, ({ user }) => userExportResponse(user));
