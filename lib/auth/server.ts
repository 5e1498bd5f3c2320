import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { readEnv } from "@/lib/env";
import { clientAddress, clientKey } from "./client-key";
import { createSessionToken, deriveKey, passwordMatches, SESSION_COOKIE, SESSION_TTL_SECONDS, verifySessionToken } from "./session";

/**
 * The moderator's session as the app's pages, route handlers and server actions see it. Every one of
 * them under app/admin calls `requireAdmin()` itself (tests/integration/admin-guard.test.ts checks that
 * each refuses an anonymous request); nothing relies on a proxy or on a page having been rendered.
 */
export type AdminConfig = { enabled: false } | { enabled: true; password: string; sessionKey: Buffer };

export const MODERATION_DISABLED_MESSAGE =
  "Moderation is disabled: ADMIN_PASSWORD is not set. Set it (12 characters or more) in the app's environment and restart the app.";

export function adminConfig(): AdminConfig {
  const env = readEnv();
  if (!env.ADMIN_PASSWORD) return { enabled: false };
  return {
    enabled: true,
    password: env.ADMIN_PASSWORD,
    sessionKey: deriveKey({ adminPassword: env.ADMIN_PASSWORD, sessionSecret: env.SESSION_SECRET }, "session"),
  };
}

export async function isAdmin(): Promise<boolean> {
  const config = adminConfig();
  if (!config.enabled) return false;
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  return verifySessionToken(token, config.sessionKey).ok;
}

/** Ends the request unless a moderator is signed in: to /admin (which explains) when moderation is off, else to the login. */
export async function requireAdmin(): Promise<void> {
  if (!adminConfig().enabled) redirect("/admin");
  if (!(await isAdmin())) redirect("/admin/login");
}

async function isHttps(): Promise<boolean> {
  return (await headers()).get("x-forwarded-proto") === "https";
}

/** Checks the password and sets the session cookie. Only from a server action or route handler. */
export async function startAdminSession(password: string): Promise<"ok" | "wrong-password" | "disabled"> {
  const config = adminConfig();
  if (!config.enabled) return "disabled";
  if (!passwordMatches(password, config.password)) return "wrong-password";
  (await cookies()).set(SESSION_COOKIE, createSessionToken(config.sessionKey), {
    httpOnly: true,
    sameSite: "strict",
    secure: await isHttps(),
    path: "/",
    maxAge: SESSION_TTL_SECONDS,
  });
  return "ok";
}

export async function endAdminSession(): Promise<void> {
  (await cookies()).set(SESSION_COOKIE, "", { httpOnly: true, sameSite: "strict", secure: await isHttps(), path: "/", maxAge: 0 });
}

// Used when no secret is configured: the hash is then only a pseudonym (and without TRUST_PROXY every
// client shares one bucket anyway, so there is no address to protect).
const UNKEYED = Buffer.from("open-model-atlas unkeyed client key v1");

/** The rate-limiting key of the current request's client (a keyed hash; never the address). */
export async function requestClientKey(): Promise<string> {
  const env = readEnv();
  const address = clientAddress((await headers()).get("x-forwarded-for"), env.TRUST_PROXY);
  const key = env.ADMIN_PASSWORD || env.SESSION_SECRET
    ? deriveKey({ adminPassword: env.ADMIN_PASSWORD ?? "", sessionSecret: env.SESSION_SECRET }, "client-key")
    : UNKEYED;
  return clientKey(address, key);
}
