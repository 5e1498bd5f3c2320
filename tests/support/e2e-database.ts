import os from "node:os";
import path from "node:path";

/**
 * Where the e2e server (tests/support/e2e-server.ts) leaves the address of its database while it runs, so
 * a spec can run a command-line tool against the same data as an operator would (snapshots.spec.ts runs
 * `npm run snapshot`). One file per port: two e2e runs on one machine do not read each other's.
 */
export function e2eDatabaseFile(port: string | number): string {
  return path.join(os.tmpdir(), `atlas-e2e-${port}.database-url`);
}
