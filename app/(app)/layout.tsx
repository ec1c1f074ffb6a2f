import { layoutUser } from "@/lib/auth/gate";
import { db } from "@/lib/db/client";
import { reminderBadge } from "@/lib/reminders/list";
import { today } from "@/lib/time/today";
import { AppShell } from "@/components/layout/app-shell";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await layoutUser();
  const reminders = await reminderBadge(db(), user, today());
  return (
    <AppShell user={user} reminders={reminders}>
      {children}
    </AppShell>
  );
}
