import "server-only";
import { getDb } from "@/lib/db";

/**
 * The limit on moderators' sign-in attempts (issue 17): at most `perClient` failed attempts per client
 * and `overall` for everyone in a sliding window, counted in the database so that every app instance
 * enforces the same limit. An attempt over the limit is refused before the password is looked at and is
 * not stored, so the wait it announces is exact. Attempts are serialized by a transaction lock, so
 * simultaneous guesses cannot slip past the count.
 */
export const SIGN_IN_LIMITS = { windowMs: 15 * 60_000, perClient: 5, overall: 50 } as const;

export type SignInClaim = { ok: true; attemptId: number } | { ok: false; scope: "client" | "everyone"; retryAfterSeconds: number };

// A fixed key for pg_advisory_xact_lock: every sign-in attempt takes it for the few statements below.
const LOCK_KEY = 7_301_026;

export async function claimSignInAttempt(clientKey: string, now: Date = new Date()): Promise<SignInClaim> {
  const since = new Date(now.getTime() - SIGN_IN_LIMITS.windowMs);
  return getDb().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_KEY})`;
    await tx.signInAttempt.deleteMany({ where: { attemptedAt: { lt: since } } });
    const failed = { succeeded: false, attemptedAt: { gte: since } };
    const [mine, everyone] = await Promise.all([
      tx.signInAttempt.findMany({ where: { ...failed, clientKey }, orderBy: { attemptedAt: "asc" }, select: { attemptedAt: true }, take: SIGN_IN_LIMITS.perClient }),
      tx.signInAttempt.findMany({ where: failed, orderBy: { attemptedAt: "asc" }, select: { attemptedAt: true }, take: SIGN_IN_LIMITS.overall }),
    ]);
    const wait = (oldest: Date) => Math.max(1, Math.ceil((oldest.getTime() + SIGN_IN_LIMITS.windowMs - now.getTime()) / 1000));
    if (mine.length >= SIGN_IN_LIMITS.perClient) return { ok: false as const, scope: "client" as const, retryAfterSeconds: wait(mine[0]!.attemptedAt) };
    if (everyone.length >= SIGN_IN_LIMITS.overall) return { ok: false as const, scope: "everyone" as const, retryAfterSeconds: wait(everyone[0]!.attemptedAt) };
    const row = await tx.signInAttempt.create({ data: { clientKey, attemptedAt: now }, select: { id: true } });
    return { ok: true as const, attemptId: row.id };
  });
}

/** A successful sign-in does not count against the limit. */
export async function markSignInSucceeded(attemptId: number): Promise<void> {
  await getDb().signInAttempt.update({ where: { id: attemptId }, data: { succeeded: true } });
}

export function signInRefusal(claim: Extract<SignInClaim, { ok: false }>): string {
  const minutes = Math.ceil(claim.retryAfterSeconds / 60);
  const when = `try again in ${minutes} minute${minutes === 1 ? "" : "s"}`;
  return claim.scope === "client"
    ? `Too many wrong passwords from your address: ${when}. Nothing was checked.`
    : `Too many wrong passwords were tried on this site in the last ${SIGN_IN_LIMITS.windowMs / 60_000} minutes: sign-in is paused for everyone; ${when}.`;
}
