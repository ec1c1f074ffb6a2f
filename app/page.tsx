import { redirect } from "next/navigation";
import { page } from "@/lib/auth/gate";
import { homePath } from "@/lib/auth/home";

export default page({}, async ({ user }) => redirect(homePath(user)));
