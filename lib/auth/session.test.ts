import { describe, expect, it } from "vitest";
import { createSessionToken, deriveKey, passwordMatches, SESSION_TTL_SECONDS, verifySessionToken } from "./session";

const password = "correct horse battery staple";
const key = deriveKey({ adminPassword: password }, "session");
const NOW = new Date("2026-11-29T12:00:00Z");

describe("admin session tokens", () => {
  it("verify when signed with the same key and not expired", () => {
    const token = createSessionToken(key, NOW);
    const check = verifySessionToken(token, key, new Date(NOW.getTime() + 60_000));
    expect(check).toEqual({ ok: true, expiresAt: new Date(NOW.getTime() + SESSION_TTL_SECONDS * 1000) });
  });

  it("are valid on any instance: the key is derived, not stored", () => {
    const token = createSessionToken(key, NOW);
    const sameKeyElsewhere = deriveKey({ adminPassword: password }, "session");
    expect(verifySessionToken(token, sameKeyElsewhere, NOW).ok).toBe(true);
  });

  it("are refused once the password or the secret changes", () => {
    const token = createSessionToken(key, NOW);
    expect(verifySessionToken(token, deriveKey({ adminPassword: `${password}!` }, "session"), NOW)).toEqual({ ok: false, reason: "bad-signature" });
    const withSecret = deriveKey({ adminPassword: password, sessionSecret: "s".repeat(32) }, "session");
    expect(verifySessionToken(token, withSecret, NOW)).toEqual({ ok: false, reason: "bad-signature" });
    const otherSecret = deriveKey({ adminPassword: password, sessionSecret: "t".repeat(32) }, "session");
    expect(verifySessionToken(createSessionToken(withSecret, NOW), otherSecret, NOW).ok).toBe(false);
  });

  it("use different keys for sessions and client hashes", () => {
    expect(deriveKey({ adminPassword: password }, "session").equals(deriveKey({ adminPassword: password }, "client-key"))).toBe(false);
  });

  it("expire after the TTL", () => {
    const token = createSessionToken(key, NOW);
    expect(verifySessionToken(token, key, new Date(NOW.getTime() + SESSION_TTL_SECONDS * 1000))).toEqual({ ok: false, reason: "expired" });
  });

  it("refuse tampering, forgery and junk", () => {
    const token = createSessionToken(key, NOW);
    const [v, issued, expires, nonce, sig] = token.split(".");
    // A later expiry with the old signature.
    expect(verifySessionToken([v, issued, Number(expires) + 86_400, nonce, sig].join("."), key, NOW)).toEqual({ ok: false, reason: "bad-signature" });
    expect(verifySessionToken(undefined, key, NOW)).toEqual({ ok: false, reason: "missing" });
    expect(verifySessionToken("", key, NOW)).toEqual({ ok: false, reason: "missing" });
    for (const junk of ["v1", "v1.a.b.c.d", "v2.1.2.3.4", "x".repeat(500), `${token}.extra`]) {
      expect(verifySessionToken(junk, key, NOW).ok).toBe(false);
    }
  });

  it("refuse a token whose lifetime exceeds the TTL, even if correctly signed", async () => {
    const { createHmac } = await import("node:crypto");
    const issued = Math.floor(NOW.getTime() / 1000);
    const payload = `v1.${issued}.${issued + 30 * 86_400}.abc`;
    const sig = createHmac("sha256", key).update(payload).digest("base64url");
    expect(verifySessionToken(`${payload}.${sig}`, key, NOW)).toEqual({ ok: false, reason: "expired" });
  });
});

describe("passwordMatches", () => {
  it("compares exactly, whatever the lengths", () => {
    expect(passwordMatches(password, password)).toBe(true);
    expect(passwordMatches(`${password} `, password)).toBe(false);
    expect(passwordMatches("", password)).toBe(false);
    expect(passwordMatches("x".repeat(10_000), password)).toBe(false);
  });
});
