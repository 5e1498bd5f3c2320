import { readFileSync } from "node:fs";
import path from "node:path";
import { startScript } from "./script-process";

/** Where tests/support/e2e-server.ts leaves the URL of the database the e2e app runs on. */
export const E2E_DATABASE_FILE = path.resolve("test-results/e2e-database.json");

/**
 * Runs one of the project's command-line scripts (as `npm run <script>` does) against the e2e app's
 * database, the way an operator would: `await runScript("ingest", ["discover", "--author", "deepseek-ai"], env)`.
 * Asynchronous, so that servers of the test's own process (a fake Hub) keep answering meanwhile.
 */
export async function runScript(script: "ingest" | "export" | "snapshot" | "refresh", args: string[], env: Record<string, string> = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const { url } = JSON.parse(readFileSync(E2E_DATABASE_FILE, "utf8")) as { url: string };
  const run = startScript(script, args, { DATABASE_URL: url, ...env });
  const timer = setTimeout(() => run.child.kill("SIGKILL"), 120_000);
  try {
    const status = await run.exited;
    return { status, ...run.output() };
  } finally {
    clearTimeout(timer);
  }
}
