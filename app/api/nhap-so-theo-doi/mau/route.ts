import { route } from "@/lib/auth/gate";
import { templateResponse } from "@/lib/imports/files";

// The template of the register of directives (sổ theo dõi): its columns and two example rows.
export const GET = route({ name: "register.template", permission: "notice.create" }, () =>
  templateResponse("directives"),
);
