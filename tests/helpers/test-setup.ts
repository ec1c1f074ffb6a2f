import { vi } from "vitest";
import { revalidated, testSession } from "@/tests/helpers/test-session";

// For every unit and integration test file: the session is the one the test chose (signInAs),
// and Next's cache refresh is recorded instead of needing a running Next server. Everything
// else the gate does (parsing, permissions, error mapping) runs for real.
vi.mock("@/lib/auth/session", () => ({
  currentUser: async () => testSession.user,
  currentSessionId: async () => null,
}));
vi.mock("next/cache", () => ({ revalidatePath: (path: string) => void revalidated.push(path) }));
