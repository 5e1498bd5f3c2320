import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedDatabase } from "@/lib/embedded-db";
import { readEnv } from "@/lib/env";
import { openDatabase } from "@/lib/open-database";

// The embedded database folder locked by another process, missing, or missing its files: each start
// says what happened in words a user can act on, through `npm start` itself where it matters.
// (startup-errors.test.ts covers a faked lock and a damaged version file.)
const temp: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(path.join(os.tmpdir(), "atlas-folder-"));
  temp.push(d);
  return d;
};
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
  temp.forEach((d) => rmSync(d, { recursive: true, force: true }));
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** `npm start` (the launcher, in dev mode so that no build is needed) on an embedded folder. */
async function launch(dataDir: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, ATLAS_DATA_DIR: dataDir, PORT: String(await freePort()) };
  delete env.DATABASE_URL;
  return spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/start.ts", "--dev"], { env, encoding: "utf8", timeout: 60_000 });
}

describe("the embedded database folder", () => {
  it("held by a running process: npm start refuses it, names that process, and leaves it alone", async () => {
    const dir = path.join(tempDir(), "pglite");
    const holder = spawn(process.execPath, ["--import", "tsx", "tests/support/hold-embedded-db.ts", dir], { stdio: ["ignore", "pipe", "inherit"] });
    children.push(holder);
    await new Promise<void>((resolve, reject) => {
      holder.stdout!.on("data", (b: Buffer) => b.toString().includes("ready") && resolve());
      holder.once("exit", (code) => reject(new Error(`the holder exited with ${code}`)));
    });
    const r = await launch(dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`The embedded database folder ${dir} is in use by another process (pid ${holder.pid}).`);
    expect(r.stderr).toContain("Stop that process, or set ATLAS_DATA_DIR to another folder.");
    // The refused start took nothing: the lock is still the holder's.
    expect(readFileSync(path.join(dir, "atlas.lock"), "utf8").trim()).toBe(String(holder.pid));
    const exited = new Promise((r) => holder.once("exit", r));
    holder.kill("SIGTERM");
    await exited;
    expect(existsSync(path.join(dir, "atlas.lock"))).toBe(false);
  });

  it("missing: it is created (parents too), migrated, and the log names it", async () => {
    const dir = path.join(tempDir(), "not", "there", "yet");
    const lines: string[] = [];
    const db = await openDatabase(readEnv({ ATLAS_DATA_DIR: dir }), (l) => lines.push(l));
    try {
      expect(db.mode).toBe("embedded");
      expect(lines[0]).toBe(`starting the embedded database in ${dir}`);
      expect(lines.some((l) => l.startsWith("applying migration"))).toBe(true);
      expect(existsSync(path.join(dir, "PG_VERSION"))).toBe(true);
    } finally {
      await db.close();
    }
  });

  it("that cannot be created (a file in the way): npm start stops with a message naming the folder", async () => {
    const parent = tempDir();
    writeFileSync(path.join(parent, "file"), "not a folder");
    const dir = path.join(parent, "file", "pglite");
    const r = await launch(dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/cannot be created \(ENOTDIR\).*Set ATLAS_DATA_DIR to a writable folder/);
    expect(r.stderr).toContain(dir);
    expect(readFileSync(path.join(parent, "file"), "utf8")).toBe("not a folder");
  });

  it("missing its control file: reported as damaged, with what to do, and nothing deleted", async () => {
    const dir = tempDir();
    const db = await startEmbeddedDatabase({ dataDir: dir });
    await db.stop();
    rmSync(path.join(dir, "global", "pg_control"));
    const before = readdirSync(dir).sort();
    const error = await startEmbeddedDatabase({ dataDir: dir }).catch((e: Error) => e);
    expect(String(error)).toMatch(/could not be opened .* Nothing was deleted: move the folder aside/s);
    // Nothing deleted (the failed open may leave PGlite's postmaster.pid behind).
    expect(readdirSync(dir)).toEqual(expect.arrayContaining(before));
    expect(existsSync(path.join(dir, "global"))).toBe(true);
    expect(existsSync(path.join(dir, "atlas.lock"))).toBe(false);
  });
});
