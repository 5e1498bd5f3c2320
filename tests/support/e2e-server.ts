// The app as the e2e tests see it: `npm start` (the production build) on a database of the tests' own,
// which is dropped afterwards. Playwright starts and stops this process.
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { E2E_DATABASE_FILE } from "./e2e-cli";
import { createTestDatabase } from "./test-database";

const database = await createTestDatabase("e2e");
// Specs that run the command-line tools against the app's database (discover, snapshot) read it here.
mkdirSync("test-results", { recursive: true });
writeFileSync(E2E_DATABASE_FILE, JSON.stringify({ url: database.url }));
const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.resolve("scripts/start.ts")], {
  stdio: "inherit",
  env: { ...process.env, DATABASE_URL: database.url },
});

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  child.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 500));
  await database.drop().catch((e) => console.error(`could not drop the e2e database: ${e}`));
  process.exit(code);
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void stop(0));
child.on("exit", (code) => void stop(code ?? 0));
