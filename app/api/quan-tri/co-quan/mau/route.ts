import { route } from "@/lib/auth/gate";
import { templateResponse } from "@/lib/imports/files";

// The template of the agencies list: the import's columns and one example row.
export const GET = route({ name: "agencies.template", permission: "agency.manage" }, () =>
  templateResponse("agencies"),
);
