import { redirect } from "next/navigation";
import { requirePageUser } from "@/lib/auth/session";
import { homePath } from "@/lib/auth/home";

export default async function Home() {
  redirect(homePath(await requirePageUser()));
}
