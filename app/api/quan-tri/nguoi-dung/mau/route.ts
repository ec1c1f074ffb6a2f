import { route } from "@/lib/auth/gate";
import { templateResponse } from "@/lib/imports/files";

// The template of the user list: the import's columns and one example row.
export const GET = route({ name: "users.template", permission: "user.manage" }, () => templateResponse("users"));
