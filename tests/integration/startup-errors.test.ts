import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync, rmSync, existsSync, readdirSync, readFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedDatabase } from "@/lib/embedded-db";
import { openDatabase } from "@/lib/open-database";
import { readEnv } from "@/lib/env";

// Bad configuration stops the start with a message that says what to do, and never deletes data.
const temp: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(path.join(os.tmpdir(), "atlas-startup-"));
  temp.push(d);
  return d;
};
afterAll(() => temp.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe("start-up errors", () => {
  it("names an unreachable DATABASE_URL without its password", async () => {
    const env = readEnv({ DATABASE_URL: "postgresql://atlas:secret@127.0.0.1:1/atlas" });
    const error = await openDatabase(env).catch((e: Error) => e);
    expect(String(error)).toMatch(/Cannot reach the database at postgresql:\/\/atlas:\*\*\*@127\.0\.0\.1:1\/atlas \(ECONNREFUSED\)/);
    expect(String(error)).not.toContain("secret");
  });

  it("rejects a DATABASE_URL that is not a postgres URL", () => {
    expect(() => readEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL: must be a postgresql:\/\/ connection URL/);
    expect(() => readEnv({ PORT: "70000" })).toThrow(/PORT/);
  });

  it("refuses an embedded folder held by another live process", async () => {
    const dir = tempDir();
    const db = await startEmbeddedDatabase({ dataDir: dir });
    try {
      // Our own pid counts as "us"; the parent of this test process is certainly alive.
      writeFileSync(path.join(dir, "atlas.lock"), String(process.ppid));
      await expect(startEmbeddedDatabase({ dataDir: dir })).rejects.toThrow(/is in use by another process \(pid \d+\)\. Stop that process, or set ATLAS_DATA_DIR/);
    } finally {
      await db.stop();
    }
  });

  it("takes over a lock whose holder exited but was never reaped (a zombie, as in containers without an init)", async () => {
    const dir = tempDir();
    // The shell starts a child in the background and turns into `sleep`, which never reaps it: the child
    // stays a zombie (it still answers signal 0) until the sleep ends. The child exits only once its
    // parent has become `sleep` (it watches the parent's /proc comm): a child that exits at once (`true &`)
    // can be reaped by the shell itself before the exec under load, and then there is no zombie at all.
    // `$$` is the shell's pid in the subshell too, so the loop watches the process that execs.
    const parent = spawn(
      "sh",
      ["-c", 'shell=$$; (until [ "$(cat /proc/$shell/comm)" = sleep ]; do sleep 0.01; done) & echo $!; exec sleep 30'],
      { stdio: ["ignore", "pipe", "ignore"] },
    );
    try {
      const zombie = Number((await new Promise<Buffer>((r) => parent.stdout.once("data", r))).toString().trim());
      await expect.poll(() => readFileSync(`/proc/${zombie}/stat`, "utf8"), { timeout: 5_000 }).toMatch(/^\d+ \(.*\) Z/s);
      writeFileSync(path.join(dir, "atlas.lock"), String(zombie));
      const db = await startEmbeddedDatabase({ dataDir: dir });
      expect(readFileSync(path.join(dir, "atlas.lock"), "utf8").trim()).toBe(String(process.pid));
      await db.stop();
    } finally {
      parent.kill();
    }
  });

  it("reports a damaged embedded folder, says what to do, and deletes nothing", async () => {
    const dir = tempDir();
    const db = await startEmbeddedDatabase({ dataDir: dir });
    await db.stop();
    // Damage the cluster: its version file no longer says what it is.
    writeFileSync(path.join(dir, "PG_VERSION"), "garbage\n");
    const before = readdirSync(dir).sort();
    const error = await startEmbeddedDatabase({ dataDir: dir }).catch((e: Error) => e);
    expect(String(error)).toMatch(/could not be opened .* Nothing was deleted: move the folder aside/s);
    expect(readdirSync(dir).sort()).toEqual(before.filter((f) => f !== "atlas.lock"));
    expect(existsSync(path.join(dir, "atlas.lock"))).toBe(false);
  });

  it("npm start refuses a port in use and names it", async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, "0.0.0.0", () => r()));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const r = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/start.ts", "--dev"], {
        env: { ...process.env, PORT: String(port), DATABASE_URL: "postgresql://postgres@127.0.0.1:1/x" },
        encoding: "utf8",
        timeout: 60_000,
      });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`Port ${port} is already in use`);
      expect(r.stderr).toContain(`PORT=${port + 1} npm start`);
    } finally {
      blocker.close();
    }
  });
});
