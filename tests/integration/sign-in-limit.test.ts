import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { claimSignInAttempt, SIGN_IN_LIMITS } from "@/lib/data/sign-in";
import { IDLE_FORM } from "@/lib/schemas/form-state";
import { resetDatabase, testClient } from "../support/db-helpers";

// The moderators' sign-in, through its server action, with the request's headers as next/headers gives them.
const request = vi.hoisted(() => ({ address: "203.0.113.1", set: [] as string[] }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, has: () => false, set: (name: string) => void request.set.push(name), delete: () => undefined }),
  headers: async () => new Headers({ "x-forwarded-for": request.address, "x-forwarded-proto": "http" }),
}));

const PASSWORD = "test-moderator-password";
const db = testClient();

async function signIn(password: string): Promise<string> {
  const { login } = await import("@/app/admin/actions");
  const form = new FormData();
  form.set("password", password);
  try {
    const state = await login(IDLE_FORM, form);
    return state.status === "error" ? (state.fieldErrors.password ?? "") : "";
  } catch (e) {
    const digest = String((e as { digest?: unknown }).digest ?? "");
    if (digest.startsWith("NEXT_REDIRECT;")) return `redirect ${digest.split(";")[2]}`;
    throw e;
  }
}

afterAll(() => db.$disconnect());
beforeEach(async () => {
  await resetDatabase(db);
  process.env.ADMIN_PASSWORD = PASSWORD;
  process.env.TRUST_PROXY = "1";
  request.address = "203.0.113.1";
});
afterEach(() => {
  delete process.env.ADMIN_PASSWORD;
  delete process.env.TRUST_PROXY;
});

describe("the limit on sign-in attempts", () => {
  it("refuses the attempt after the fifth wrong password of a client, even with the right one, and says when to try again", async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.perClient; i++) expect(await signIn(`guess ${i}`)).toBe("Wrong password.");
    expect(await signIn(PASSWORD)).toBe("Too many wrong passwords from your address: try again in 15 minutes. Nothing was checked.");
    // A refused attempt is not stored: the announced wait stays exact.
    expect(await db.signInAttempt.count()).toBe(SIGN_IN_LIMITS.perClient);
    // Another client is not locked out.
    request.address = "198.51.100.7";
    expect(await signIn(PASSWORD)).toBe("redirect /admin");
  });

  it("does not count successful sign-ins", async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.perClient + 2; i++) expect(await signIn(PASSWORD)).toBe("redirect /admin");
  });

  it("pauses sign-in for everyone after too many wrong passwords overall, and resumes when the window passes", async () => {
    const now = new Date("2026-12-01T12:00:00Z");
    const earlier = new Date(now.getTime() - 10 * 60_000);
    await db.signInAttempt.createMany({ data: Array.from({ length: SIGN_IN_LIMITS.overall }, (_, i) => ({ clientKey: `client-${i}`, attemptedAt: earlier })) });
    expect(await claimSignInAttempt("someone-new", now)).toEqual({ ok: false, scope: "everyone", retryAfterSeconds: 5 * 60 });
    const later = new Date(now.getTime() + 5 * 60_000 + 1000);
    expect(await claimSignInAttempt("someone-new", later)).toMatchObject({ ok: true });
    // Rows older than the window are gone.
    expect(await db.signInAttempt.count()).toBe(1);
  });

  it("lets no more than the limit through when a client guesses many times at once", async () => {
    const results = await Promise.all(Array.from({ length: 12 }, () => claimSignInAttempt("burst")));
    expect(results.filter((r) => r.ok)).toHaveLength(SIGN_IN_LIMITS.perClient);
  });
});
