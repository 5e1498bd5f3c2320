// `npm start` on the embedded database: the time from the command to the first 200 on /models, the first
// time (the folder is created, migrated and loaded with the curated dataset) and then on the existing folder.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { assertBuilt, waitFor } from "./servers";
import { sleep, step } from "./log";
import { round, summarize } from "./stats";

export interface StartupResult {
  firstStartMs: number;
  /** Starts on the existing folder. */
  existingMs: number[];
  existingMedianMs: number;
}

async function timedStart(dataDir: string, port: number): Promise<number> {
  const env: NodeJS.ProcessEnv = { ...process.env, ATLAS_DATA_DIR: dataDir, PORT: String(port), NEXT_TELEMETRY_DISABLED: "1" };
  delete env.DATABASE_URL;
  const t0 = performance.now();
  // Its own process group, so that npm, the launcher and next stop together (by this group's id only).
  const child = spawn("npm", ["start", "--silent"], { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const keep = (b: Buffer) => (output = (output + b.toString()).slice(-4000));
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  try {
    await waitFor(`http://127.0.0.1:${port}/models`, 180_000, () => child.exitCode === null);
    return round(performance.now() - t0, 0);
  } catch (e) {
    throw new Error(`${(e as Error).message}\n${output}`);
  } finally {
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      // already gone
    }
    // npm may exit before the launcher has closed the database: the launcher's lock file going away is
    // the sign that the folder is free (killing the group any earlier cut the close short).
    const lock = path.join(dataDir, "atlas.lock");
    const deadline = performance.now() + 15_000;
    await Promise.race([exited, sleep(15_000)]);
    while (existsSync(lock) && performance.now() < deadline) await sleep(100);
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // stopped cleanly
    }
  }
}

export async function measureStartup(port: number, repeats: number): Promise<StartupResult> {
  assertBuilt();
  const dir = mkdtempSync(path.join(os.tmpdir(), "atlas-bench-start-"));
  const dataDir = path.join(dir, "pglite");
  try {
    step(`npm start, first time (creates ${dataDir} and loads the curated data)`);
    const firstStartMs = await timedStart(dataDir, port);
    const existingMs: number[] = [];
    for (let i = 0; i < repeats; i++) {
      step(`npm start on the existing folder (${i + 1}/${repeats})`);
      existingMs.push(await timedStart(dataDir, port));
    }
    return { firstStartMs, existingMs, existingMedianMs: summarize(existingMs).p50 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
