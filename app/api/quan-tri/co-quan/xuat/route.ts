import { route } from "@/lib/auth/gate";
import { agencyExportResponse } from "@/lib/imports/files";

// The province's agency registry as XLSX, in the columns the import reads.
export const GET = route({ name: "agencies.export", permission: "agency.manage" }, ({ user }) =>
  agencyExportResponse(user),
);
