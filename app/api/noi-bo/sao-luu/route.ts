import { publicRoute } from "@/lib/auth/gate";
import { backupFromRunningApp } from "@/lib/server/backup-route";

// POST /api/noi-bo/sao-luu — only for `npm run db:backup` on this machine: while the app holds the
// embedded database, it makes the backup itself. Loopback only, with the token in DATA_DIR/server.json.
export const POST = publicRoute("backup", backupFromRunningApp);
