import { layoutUser } from "@/lib/auth/gate";
import { db } from "@/lib/db/client";
import { cachedReads } from "@/lib/db/cached-reads";
import { unreadNotifications } from "@/lib/notifications/inbox";
import { reminderBadge } from "@/lib/reminders/list";
import { today } from "@/lib/time/today";
import { AppShell } from "@/components/layout/app-shell";
import { DemoBanner } from "@/components/layout/demo-banner";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await layoutUser();
  const day = today();
  const [reminders, unread, waiting] = await Promise.all([
    reminderBadge(db(), user, day),
    unreadNotifications(db(), user),
    cachedReads.queueCount(db(), user),
  ]);
  return (
    <>
      <DemoBanner />
      <AppShell user={user} reminders={reminders + unread} waiting={waiting}>
        {children}
      </AppShell>
    </>
  );
}
