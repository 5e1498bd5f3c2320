import "server-only";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * A lock held in the database (table JobLock, prisma/migrations/20261205100000_refresh): one row per
 * job name while a process runs the job. Taken in one statement, only when there is no row or the row has
 * expired; renewed by its holder while it works; deleted at the end. A holder that is killed leaves its row
 * behind, and the next run takes it over once it expires. Times are the database's clock.
 *
 * Not a session advisory lock: Prisma's pool may run two statements of one process on two connections,
 * and the embedded database is reached the same way as a server.
 */
export interface LockHolder {
  holder: string;
  acquiredAt: Date;
  expiresAt: Date;
}

export type LockAttempt =
  | { acquired: true; holder: string; expiresAt: Date; /** The expired lock this one replaced, when there was one. */ tookOver: LockHolder | null }
  | { acquired: false; heldBy: LockHolder };

const lockInputSchema = z.object({
  name: z.string().regex(/^[a-z][a-z0-9-]{0,62}$/, "a lock name is lower-case letters, digits and dashes"),
  holder: z.string().min(1).max(500),
  ttlMs: z.number().int().min(1_000).max(7 * 24 * 3_600_000),
});

const holderRowSchema = z.object({ holder: z.string(), acquiredAt: z.date(), expiresAt: z.date() });

async function currentHolder(db: PrismaClient, name: string): Promise<LockHolder | null> {
  const rows = await db.$queryRaw<unknown[]>`SELECT "holder", "acquiredAt", "expiresAt" FROM "JobLock" WHERE "name" = ${name}`;
  return rows[0] ? holderRowSchema.parse(rows[0]) : null;
}

/** Takes the lock `name` for `ttlMs` if it is free or expired; otherwise says who holds it since when. */
export async function acquireJobLock(db: PrismaClient, input: { name: string; holder: string; ttlMs: number }): Promise<LockAttempt> {
  const { name, holder, ttlMs } = lockInputSchema.parse(input);
  // Two attempts: the holder seen as blocking us may release between our INSERT and our SELECT.
  for (let attempt = 0; attempt < 2; attempt++) {
    const before = await currentHolder(db, name);
    const rows = await db.$queryRaw<unknown[]>`
      INSERT INTO "JobLock" ("name", "holder", "acquiredAt", "expiresAt")
      VALUES (${name}, ${holder}, now(), now() + ${ttlMs}::integer * interval '1 millisecond')
      ON CONFLICT ("name") DO UPDATE SET "holder" = EXCLUDED."holder", "acquiredAt" = EXCLUDED."acquiredAt", "expiresAt" = EXCLUDED."expiresAt"
      WHERE "JobLock"."expiresAt" < now()
      RETURNING "holder", "acquiredAt", "expiresAt"`;
    const won = rows[0] ? holderRowSchema.parse(rows[0]) : null;
    if (won) return { acquired: true, holder, expiresAt: won.expiresAt, tookOver: before && before.holder !== holder ? before : null };
    const heldBy = await currentHolder(db, name);
    if (heldBy) return { acquired: false, heldBy };
  }
  throw new Error(`the lock "${name}" could not be taken or read: it changed hands twice during the attempt`);
}

/** Extends the holder's lock by `ttlMs` from now. False: the lock is no longer ours (it expired and was taken over). */
export async function renewJobLock(db: PrismaClient, input: { name: string; holder: string; ttlMs: number }): Promise<boolean> {
  const { name, holder, ttlMs } = lockInputSchema.parse(input);
  const count = await db.$executeRaw`
    UPDATE "JobLock" SET "expiresAt" = now() + ${ttlMs}::integer * interval '1 millisecond' WHERE "name" = ${name} AND "holder" = ${holder}`;
  return count === 1;
}

/** Releases the lock if `holder` still holds it (never someone else's). */
export async function releaseJobLock(db: PrismaClient, input: { name: string; holder: string }): Promise<boolean> {
  const { name, holder } = lockInputSchema.pick({ name: true, holder: true }).parse(input);
  const count = await db.$executeRaw`DELETE FROM "JobLock" WHERE "name" = ${name} AND "holder" = ${holder}`;
  return count === 1;
}
