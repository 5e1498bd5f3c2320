import { createHash, createHmac, randomBytes, scryptSync, timingSafeEqual } from "node:crypto";

/**
 * Moderator sessions without server-side state: the cookie holds its own issue and expiry times, signed
 * with HMAC-SHA256 under a key every app instance derives the same way from the environment. So any
 * instance accepts a session that another one issued, and changing ADMIN_PASSWORD (or SESSION_SECRET)
 * signs everyone out. See docs/decisions/006-corrections.md.
 */
export const SESSION_COOKIE = "atlas_admin";
export const SESSION_TTL_SECONDS = 8 * 60 * 60;
const VERSION = "v1";

export interface SecretSource {
  adminPassword: string;
  sessionSecret?: string;
}

// Derived keys, memoized per secret: scrypt is slow on purpose and the inputs never change in a process.
// A cache of configuration, not of sessions (nothing here differs between instances).
const derived = new Map<string, Buffer>();

/**
 * The signing key. With SESSION_SECRET: HMAC of the password under it (unguessable, and bound to the
 * password). Without: scrypt of the password, so that a stolen cookie is no fast oracle for guessing it.
 */
export function deriveKey(source: SecretSource, purpose: "session" | "client-key"): Buffer {
  const id = createHash("sha256").update(`${purpose}\0${source.sessionSecret ?? ""}\0${source.adminPassword}`).digest("hex");
  const hit = derived.get(id);
  if (hit) return hit;
  const key = source.sessionSecret
    ? createHmac("sha256", source.sessionSecret).update(`open-model-atlas ${purpose} ${VERSION}\0${source.adminPassword}`).digest()
    : scryptSync(source.adminPassword, `open-model-atlas ${purpose} ${VERSION}`, 32, { N: 1 << 14, r: 8, p: 1 });
  derived.set(id, key);
  return key;
}

const sign = (key: Buffer, payload: string) => createHmac("sha256", key).update(payload).digest("base64url");

/** `v1.<issued s>.<expires s>.<random>.<signature>` */
export function createSessionToken(key: Buffer, now: Date = new Date()): string {
  const issued = Math.floor(now.getTime() / 1000);
  const payload = `${VERSION}.${issued}.${issued + SESSION_TTL_SECONDS}.${randomBytes(12).toString("base64url")}`;
  return `${payload}.${sign(key, payload)}`;
}

export type SessionCheck = { ok: true; expiresAt: Date } | { ok: false; reason: "missing" | "malformed" | "bad-signature" | "expired" };

export function verifySessionToken(token: string | undefined, key: Buffer, now: Date = new Date()): SessionCheck {
  if (!token) return { ok: false, reason: "missing" };
  if (token.length > 200) return { ok: false, reason: "malformed" };
  const parts = token.split(".");
  if (parts.length !== 5 || parts[0] !== VERSION) return { ok: false, reason: "malformed" };
  const [, issuedText, expiresText, , signature] = parts as [string, string, string, string, string];
  if (!/^\d{1,12}$/.test(issuedText) || !/^\d{1,12}$/.test(expiresText)) return { ok: false, reason: "malformed" };
  const expected = Buffer.from(sign(key, parts.slice(0, 4).join(".")));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "bad-signature" };
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const issued = Number(issuedText);
  const expires = Number(expiresText);
  // A token from the future (clock skew beyond a minute) or living longer than the TTL was not made here.
  if (expires <= nowSeconds || issued > nowSeconds + 60 || expires - issued > SESSION_TTL_SECONDS) return { ok: false, reason: "expired" };
  return { ok: true, expiresAt: new Date(expires * 1000) };
}

/** Constant-time comparison of a typed password with the configured one (compares digests, so lengths may differ). */
export function passwordMatches(given: string, expected: string): boolean {
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}
