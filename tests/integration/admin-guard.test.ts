import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createSessionToken, deriveKey, SESSION_COOKIE } from "@/lib/auth/session";
import { ingestCurated } from "@/lib/ingest/curated/run";
import { IDLE_FORM } from "@/lib/schemas/form-state";
import { resetDatabase, testClient } from "../support/db-helpers";

/**
 * Every page, route handler and server action under app/admin, found by walking the folder (so a new one
 * cannot be forgotten), must refuse a request without a moderator session. The only exceptions are the
 * way in (the login page and the login action), listed here by name and checked for what they do.
 */

// The request as next/headers would give it; each test sets the cookie it wants.
const request = vi.hoisted(() => ({ cookie: undefined as string | undefined, set: [] as { name: string; value: string }[] }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (name === "atlas_admin" && request.cookie !== undefined ? { name, value: request.cookie } : undefined),
    has: (name: string) => name === "atlas_admin" && request.cookie !== undefined,
    set: (name: string, value: string) => void request.set.push({ name, value }),
    delete: (name: string) => void request.set.push({ name, value: "" }),
  }),
  headers: async () => new Headers({ "x-forwarded-proto": "http" }),
}));

const ROOT = path.resolve("app/admin");
const PASSWORD = "test-moderator-password";
/** Open to anonymous requests on purpose: the way in. */
const OPEN_PAGES = ["login/page.tsx"];
const OPEN_ACTIONS = ["actions.ts#login"];

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}
const files = walk(ROOT).filter((f) => /\.(tsx?|jsx?)$/.test(f));
const rel = (f: string) => path.relative(ROOT, f).split(path.sep).join("/");
const isServerActionFile = (f: string) => /^\s*(?:\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*\s*["']use server["']/.test(readFileSync(f, "utf8"));
const pages = files.filter((f) => /(^|\/)page\.(tsx|jsx|ts|js)$/.test(rel(f)));
const routes = files.filter((f) => /(^|\/)route\.(ts|js)$/.test(rel(f)));
const actionFiles = files.filter(isServerActionFile);
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

/** Runs fn and returns where it redirected to (the digest of Next's redirect error), or null. */
async function redirectOf(fn: () => unknown): Promise<string | null> {
  try {
    const result = await fn();
    if (result instanceof Response && result.status >= 300 && result.status < 400) return result.headers.get("location");
    return null;
  } catch (e) {
    const digest = (e as { digest?: unknown }).digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT;")) return digest.split(";").slice(2, -2).join(";");
    throw e;
  }
}

/** Whether a rendered element tree (not rendered further) contains an element of the given component. */
function contains(node: unknown, type: unknown): boolean {
  if (Array.isArray(node)) return node.some((n) => contains(n, type));
  if (!node || typeof node !== "object") return false;
  const el = node as { type?: unknown; props?: { children?: unknown } };
  return el.type === type || contains(el.props?.children, type);
}

// Pages under a dynamic segment ([id]) get the pending candidate's id; the others ignore it.
const pageProps = () => ({ params: Promise.resolve({ id: String(candidateId) }), searchParams: Promise.resolve({}) });
const db = testClient();
let pendingId = 0;
let candidateId = 0;

beforeAll(async () => {
  await resetDatabase(db);
  await ingestCurated(db, path.resolve("tests/fixtures/curated-small"), { today: "2026-11-29" });
  const model = await db.model.findUniqueOrThrow({ where: { slug: "deepseek-v3" }, select: { id: true } });
  const row = await db.correction.create({
    data: {
      submissionId: crypto.randomUUID(), modelId: model.id, field: "contextWindow", currentValue: 131072, proposedValue: 163840,
      evidenceUrl: "https://arxiv.org/abs/2412.19437", clientKey: "k",
    },
  });
  pendingId = row.id;
  const candidate = await db.candidate.create({
    data: { repoId: "deepseek-ai/DeepSeek-V9", author: "deepseek-ai", organizationSlug: "deepseek", proposed: { name: { value: "DeepSeek-V9", url: "https://huggingface.co/deepseek-ai/DeepSeek-V9", basis: "repo-name" } }, missing: ["releaseDate"] },
  });
  candidateId = candidate.id;
});
afterAll(() => db.$disconnect());
beforeEach(() => {
  process.env.ADMIN_PASSWORD = PASSWORD;
  delete process.env.SESSION_SECRET;
  request.cookie = undefined;
  request.set = [];
});
afterEach(() => {
  delete process.env.ADMIN_PASSWORD;
});

/** A hostile action call: the review form filled in to accept the pending correction. */
function hostileForm(): FormData {
  const form = new FormData();
  form.append("decision", "accept");
  form.append("ids", String(pendingId));
  form.append("reason", "anonymous");
  form.append("id", String(candidateId));
  form.append("password", "wrong guess");
  return form;
}
// Every form action starts from the one idle state (lib/schemas/form-state.ts).
const initialState = IDLE_FORM;

async function expectNothingChanged() {
  const row = await db.correction.findUniqueOrThrow({ where: { id: pendingId } });
  expect(row.status).toBe("pending");
  expect((await db.model.findUniqueOrThrow({ where: { slug: "deepseek-v3" } })).contextWindow).toBe(131072);
  expect((await db.candidate.findUniqueOrThrow({ where: { id: candidateId } })).status).toBe("pending");
}

describe("app/admin", () => {
  it("has the pages, actions and exceptions this test expects to find", () => {
    expect(pages.map(rel).sort()).toEqual(expect.arrayContaining(["page.tsx", "login/page.tsx"]));
    expect(actionFiles.map(rel)).toContain("actions.ts");
    for (const open of OPEN_PAGES) expect(pages.map(rel)).toContain(open);
  });

  it("declares server actions only in 'use server' files, where this test finds them", () => {
    // An inline `"use server"` inside a page would be an action this test cannot enumerate.
    const inline = files.filter((f) => !isServerActionFile(f) && /["']use server["']/.test(readFileSync(f, "utf8")));
    expect(inline.map(rel)).toEqual([]);
  });

  describe.each(pages.map((f) => [rel(f), f] as const))("page %s", (name, file) => {
    it(OPEN_PAGES.includes(name) ? "is open (the way in) and shows no moderation data" : "refuses an anonymous request", async () => {
      const page = (await import(/* @vite-ignore */ file)).default as (p: unknown) => unknown;
      if (OPEN_PAGES.includes(name)) {
        const rendered = JSON.stringify(await page(pageProps()));
        expect(rendered).not.toContain("163840");
        expect(rendered).not.toContain("arxiv.org");
        return;
      }
      expect(await redirectOf(() => page(pageProps()))).toBe("/admin/login");
      // A forged or expired session is no better.
      request.cookie = "v1.1.2.abc.forged";
      expect(await redirectOf(() => page(pageProps()))).toBe("/admin/login");
    });

    it("renders for a signed-in moderator (so the refusal above is the session check)", async () => {
      request.cookie = createSessionToken(deriveKey({ adminPassword: PASSWORD }, "session"));
      const page = (await import(/* @vite-ignore */ file)).default as (p: unknown) => unknown;
      const outcome = await redirectOf(() => page(pageProps()));
      // The login page sends a signed-in moderator on to the queue; every other page renders.
      expect(outcome).toBe(name === "login/page.tsx" ? "/admin" : null);
    });
  });

  describe.each(routes.map((f) => [rel(f), f] as const))("route handler %s", (name, file) => {
    it("refuses an anonymous request for every method it exports", async () => {
      const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
      const methods = HTTP_METHODS.filter((m) => typeof mod[m] === "function");
      expect(methods.length).toBeGreaterThan(0);
      for (const method of methods) {
        const handler = mod[method] as (r: Request, c: unknown) => Promise<Response>;
        const req = new Request(`http://localhost/admin/${name}`, { method, body: method === "GET" || method === "HEAD" ? undefined : hostileForm() });
        let refused = false;
        try {
          const res = await handler(req, { params: Promise.resolve({}) });
          refused = res.status === 401 || res.status === 403 || (res.status >= 300 && res.status < 400 && /\/admin(\/login)?$/.test(res.headers.get("location") ?? ""));
        } catch (e) {
          refused = String((e as { digest?: unknown }).digest ?? "").startsWith("NEXT_REDIRECT;replace;/admin/login");
        }
        expect(refused, `${method} ${name}`).toBe(true);
      }
      await expectNothingChanged();
    });
  });

  const actions = actionFiles.flatMap((file) => {
    const names = [...readFileSync(file, "utf8").matchAll(/export\s+(?:async\s+)?function\s+(\w+)|export\s+const\s+(\w+)/g)].map((m) => m[1] ?? m[2]!);
    return names.map((fn) => [`${rel(file)}#${fn}`, file, fn] as const);
  });

  it("finds every exported action (each file's exports are all actions)", async () => {
    for (const file of actionFiles) {
      const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
      const exported = Object.keys(mod).filter((k) => typeof mod[k] === "function");
      expect(actions.filter(([, f]) => f === file).map(([, , fn]) => fn).sort()).toEqual(exported.sort());
    }
  });

  describe.each(actions)("server action %s", (name, file, fn) => {
    it(OPEN_ACTIONS.includes(name) ? "is open (the way in) but grants nothing without the password" : "refuses an anonymous request and changes nothing", async () => {
      const action = (await import(/* @vite-ignore */ file))[fn] as (...args: unknown[]) => Promise<unknown>;
      if (OPEN_ACTIONS.includes(name)) {
        expect(await action(initialState, hostileForm())).toEqual({ status: "error", message: null, fieldErrors: { password: "Wrong password." }, values: {}, attempt: 1 });
        expect(request.set).toEqual([]);
      } else {
        expect(await redirectOf(() => action(initialState, hostileForm()))).toBe("/admin/login");
        request.cookie = "v1.1.2.abc.forged";
        expect(await redirectOf(() => action(initialState, hostileForm()))).toBe("/admin/login");
        expect(request.set).toEqual([]);
      }
      await expectNothingChanged();
    });

    it("refuses everything while moderation is disabled (no ADMIN_PASSWORD)", async () => {
      delete process.env.ADMIN_PASSWORD;
      const action = (await import(/* @vite-ignore */ file))[fn] as (...args: unknown[]) => Promise<unknown>;
      // Even a session cookie made with the old password is worthless now.
      request.cookie = createSessionToken(deriveKey({ adminPassword: PASSWORD }, "session"));
      const form = hostileForm();
      form.set("password", PASSWORD);
      const outcome = await redirectOf(() => action(initialState, form)).catch(() => "threw");
      if (OPEN_ACTIONS.includes(name)) {
        expect(await action(initialState, form)).toEqual({ status: "error", message: null, fieldErrors: { password: expect.stringMatching(/Moderation is disabled: ADMIN_PASSWORD is not set/) }, values: {}, attempt: 1 });
      } else {
        expect(outcome).toBe("/admin");
      }
      expect(request.set).toEqual([]);
      await expectNothingChanged();
    });
  });

  it("lets the right password in with an HttpOnly session cookie that the pages then accept", async () => {
    const { login } = await import("@/app/admin/actions");
    const form = new FormData();
    form.set("password", PASSWORD);
    expect(await redirectOf(() => login(IDLE_FORM, form))).toBe("/admin");
    expect(request.set.map((c) => c.name)).toEqual([SESSION_COOKIE]);
    request.cookie = request.set[0]!.value;
    const page = (await import("@/app/admin/page")).default as (p: unknown) => unknown;
    expect(await redirectOf(() => page(pageProps()))).toBeNull();
  });

  it("shows the disabled notice, and no queue, when ADMIN_PASSWORD is not set", async () => {
    delete process.env.ADMIN_PASSWORD;
    const { ModerationDisabled } = await import("@/components/admin/moderation-disabled");
    for (const file of pages) {
      const page = (await import(/* @vite-ignore */ file)).default as (p: unknown) => unknown;
      const rendered = await page(pageProps());
      expect(contains(rendered, ModerationDisabled), rel(file)).toBe(true);
      expect(JSON.stringify(rendered)).not.toContain("163840");
    }
  });
});
