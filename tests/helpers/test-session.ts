import type { SessionUser } from "@/lib/auth/user";

// Who the gate sees as signed in, in unit and integration tests (tests/helpers/test-setup.ts
// puts this in place of next-auth's session, which needs a real request). null: nobody.
export const testSession: { user: SessionUser | null } = { user: null };

export function signInAs(user: SessionUser | null): void {
  testSession.user = user;
}

/** Paths the actions asked Next to refresh since the last clear. */
export const revalidated: string[] = [];
