import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

/**
 * The embedded database: PGlite (Postgres compiled to WebAssembly) persisted in a folder and served on a
 * loopback port, so the app reaches it through the same pg driver as any PostgreSQL server.
 * This is the only place that knows the two modes differ (docs/decisions/002-embedded-database.md).
 */
export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

export class EmbeddedDatabaseError extends Error {}

const LOCK_FILE = "atlas.lock";

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
  // A zombie (exited, not yet reaped: common in containers whose first process reaps nothing) still
  // answers signal 0, but holds nothing: on Linux its state in /proc is Z.
  try {
    return !/^\d+ \(.*\) Z/s.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return true;
  }
}

/** One process at a time: PGlite has no locking of its own, and two writers would corrupt the folder. */
function takeLock(dataDir: string): () => void {
  const lockPath = path.join(dataDir, LOCK_FILE);
  if (existsSync(lockPath)) {
    const pid = Number(readFileSync(lockPath, "utf8").trim());
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isRunning(pid)) {
      throw new EmbeddedDatabaseError(
        `The embedded database folder ${dataDir} is in use by another process (pid ${pid}). ` +
          `Stop that process, or set ATLAS_DATA_DIR to another folder.`,
      );
    }
    // A lock left by a process that died: safe to take over.
  }
  writeFileSync(lockPath, String(process.pid));
  return () => rmSync(lockPath, { force: true });
}

export async function startEmbeddedDatabase(options: { dataDir: string; port?: number; maxConnections?: number }): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (e) {
    throw new EmbeddedDatabaseError(
      `The embedded database folder ${dataDir} cannot be created (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}): ` +
        "a file may be in the way or the parent may not be writable. Set ATLAS_DATA_DIR to a writable folder, or move what is in the way.",
    );
  }
  const releaseLock = takeLock(dataDir);
  const isNew = readdirSync(dataDir).every((f) => f === LOCK_FILE);

  let db: PGlite;
  try {
    // pg_trgm: the name search's indexes need it (prisma/migrations/20261130000000_name_search_trgm).
    db = await PGlite.create(dataDir, { extensions: { pg_trgm } });
    await db.query("SELECT 1");
  } catch (e) {
    releaseLock();
    throw new EmbeddedDatabaseError(
      `The embedded database in ${dataDir} could not be opened (${(e as Error).message ?? e}). ` +
        (isNew
          ? "The folder was empty: check that it is writable and that the disk has space."
          : `Its files may be damaged. Nothing was deleted: move the folder aside (mv ${dataDir} ${dataDir}.broken) ` +
            "and start again to create a fresh database with the curated data, or point ATLAS_DATA_DIR at a backup."),
    );
  }

  const server = new PGLiteSocketServer({
    db,
    host: "127.0.0.1",
    port: options.port ?? 0,
    maxConnections: options.maxConnections ?? 32,
  });
  try {
    await server.start();
  } catch (e) {
    await db.close();
    releaseLock();
    throw new EmbeddedDatabaseError(`The embedded database could not listen on 127.0.0.1:${options.port ?? 0}: ${(e as Error).message}`);
  }
  const url = `postgresql://postgres@${server.getServerConn()}/postgres?sslmode=disable`;
  let stopped = false;
  return {
    url,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await db.close();
      releaseLock();
    },
  };
}
