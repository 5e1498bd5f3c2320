import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

/** Where tests/support/e2e-server.ts leaves the URL of the database the e2e app runs on. */
export const E2E_DATABASE_FILE = path.resolve("test-results/e2e-database.json");

/**
 * Runs one of the project's command-line scripts (as `npm run <script>` does) against the e2e app's
 * database, the way an operator would: `await runScript("ingest", ["discover", "--author", "deepseek-ai"], env)`.
 * Asynchronous, so that servers of the test's own process (a fake Hub) keep answering meanwhile.
 */
export function runScript(script: "ingest" | "export" | "snapshot" | "refresh", args: string[], env: Record<string, string> = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const { url } = JSON.parse(readFileSync(E2E_DATABASE_FILE, "utf8")) as { url: string };
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.resolve(`scripts/${script}.ts`), ...args], {
    env: { ...process.env, DATABASE_URL: url, ...env },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 120_000);
    child.on("error", reject);
    child.on("close", (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}
