import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { E2E_ADMIN_PASSWORD } from "../support/e2e-admin";
import { signIn } from "../support/e2e-sign-in";
import { E2E_DATABASE_FILE } from "../support/e2e-cli";
import pg from "pg";

// Several app instances on one database, as behind a load balancer (issue 17): two more `npm start`
// processes on the e2e app's DATABASE_URL. A write through one is visible through the other within a
// second, with no stale answer after it, and the sign-in limit is one limit across instances.
const BASE = Number(process.env.E2E_PORT ?? 3210) + 50;
const instances: { url: string; child: ChildProcess }[] = [];
// This test's own client address (both instances trust one proxy), so its wrong passwords count against
// no other test's sign-ins.
const CLIENT = { "x-forwarded-for": "192.0.2.77" };

async function startInstance(port: number): Promise<string> {
  const { url: databaseUrl } = JSON.parse(readFileSync(E2E_DATABASE_FILE, "utf8")) as { url: string };
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.resolve("scripts/start.ts")], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), ADMIN_PASSWORD: E2E_ADMIN_PASSWORD, TRUST_PROXY: "1", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "ignore",
    // Its own process group: `npm start` runs the server as a child, and a kill must reach both.
    detached: true,
  });
  const url = `http://127.0.0.1:${port}`;
  instances.push({ url, child });
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${url}/api/v1/stats`)).ok) return url;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the instance on port ${port} did not start`);
}

/** Signals an instance's whole process group (the start script and the server it runs). */
function signal(child: ChildProcess, sig: NodeJS.Signals) {
  try {
    process.kill(-child.pid!, sig);
  } catch {
    // already gone
  }
}

test.afterAll(async () => {
  for (const { child } of instances) signal(child, "SIGTERM");
  await new Promise((r) => setTimeout(r, 500));
});

async function contextWindowVia(base: string): Promise<{ value: number; etag: string }> {
  const res = await fetch(`${base}/api/v1/models/qwen3-32b`);
  const body = (await res.json()) as { contextWindow: number };
  return { value: body.contextWindow, etag: res.headers.get("etag") ?? "" };
}

/** Proposes a context window for Qwen3-32B through instance `base` and accepts it there as a moderator. */
async function correctThrough(page: Page, base: string, value: string) {
  await page.goto(`${base}/models/qwen3-32b/correct`);
  await page.getByLabel("Context window").fill(value);
  await page.getByLabel("Evidence URL").fill("https://huggingface.co/Qwen/Qwen3-32B");
  await page.getByRole("button", { name: "Send correction" }).click();
  await expect(page).toHaveURL(/\/corrections\//);
  await page.goto(`${base}/admin`);
  const card = page.getByRole("article").filter({ hasText: "Qwen3-32B" });
  await card.getByRole("button", { name: "Accept selected" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Accepted 1 proposed value." })).toBeVisible();
}

test("two instances on one database: a write through one is visible through the other within a second, and the sign-in limit is shared", async ({ browser }) => {
  test.setTimeout(240_000);
  const [a, b] = await Promise.all([startInstance(BASE), startInstance(BASE + 1)]);

  const context = await browser.newContext({ extraHTTPHeaders: CLIENT });
  const page = await context.newPage();
  // Both instances have answered (and cached) the record before the write.
  const before = await contextWindowVia(b);
  expect((await contextWindowVia(b)).etag).toBe(before.etag);
  const original = before.value;

  await signIn(page, a);
  await correctThrough(page, a, String(original * 2));
  const accepted = Date.now();
  // Through the other instance: the new value within a second, and never the old one after it.
  await expect.poll(async () => (await contextWindowVia(b)).value, { timeout: 1_000, intervals: [50] }).toBe(original * 2);
  const seenAfter = Date.now() - accepted;
  expect(seenAfter).toBeLessThan(1_000);
  for (let i = 0; i < 5; i++) expect((await contextWindowVia(b)).value).toBe(original * 2);
  const after = await contextWindowVia(b);
  expect(after.etag).not.toBe(before.etag);
  // A CDN revalidating with the old tag gets the new answer.
  expect((await fetch(`${b}/api/v1/models/qwen3-32b`, { headers: { "if-none-match": before.etag } })).status).toBe(200);

  // Put the value back, through the other instance this time: the session one instance issued is good on
  // every other (cookies ignore the port, and the key is derived the same way everywhere).
  await page.goto(`${b}/admin`);
  await expect(page.getByRole("heading", { level: 1, name: "Moderation" })).toBeVisible();
  await correctThrough(page, b, String(original));
  await expect.poll(async () => (await contextWindowVia(a)).value, { timeout: 1_000, intervals: [50] }).toBe(original);
  await context.close();

  // The sign-in limit is in the database: five wrong passwords through one instance lock the client out of both.
  const guesser = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "192.0.2.78" } });
  const g = await guesser.newPage();
  for (let i = 0; i < 5; i++) {
    await g.goto(`${a}/admin/login`);
    await g.getByLabel("Password").fill(`wrong guess ${i}`);
    await g.getByRole("button", { name: "Sign in" }).click();
    await expect(g.getByText("Wrong password.")).toBeVisible();
  }
  await g.goto(`${b}/admin/login`);
  await g.getByLabel("Password").fill(E2E_ADMIN_PASSWORD);
  await g.getByRole("button", { name: "Sign in" }).click();
  await expect(g.getByText(/Too many wrong passwords from your address: try again in 15 minutes/)).toBeVisible();
  await expect(g).toHaveURL(/\/admin\/login$/);
  await guesser.close();
});

test("kill -9 of an instance in the middle of a moderator's accept leaves nothing of it, and the accept can be made again", async ({ browser }) => {
  test.setTimeout(180_000);
  const c = await startInstance(BASE + 2);
  const instance = instances.find((i) => i.url === c)!;
  const { url: databaseUrl } = JSON.parse(readFileSync(E2E_DATABASE_FILE, "utf8")) as { url: string };
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "192.0.2.79" } });
  const page = await context.newPage();
  await page.goto(`${c}/models/qwen3-8b/correct`);
  const before = (await (await fetch(`${c}/api/v1/models/qwen3-8b`)).json()) as { contextWindow: number };
  await page.getByLabel("Context window").fill(String(before.contextWindow * 4));
  await page.getByLabel("Evidence URL").fill("https://huggingface.co/Qwen/Qwen3-8B");
  await page.getByRole("button", { name: "Send correction" }).click();
  await expect(page).toHaveURL(/\/corrections\//);
  await signIn(page, c);

  // Hold the revision log, so the accept stops after its first writes (the correction marked accepted,
  // the model's value, its source) and before its last; then kill the instance mid-transaction.
  const holder = new pg.Client({ connectionString: databaseUrl });
  await holder.connect();
  await holder.query("BEGIN");
  await holder.query('LOCK TABLE "Revision" IN EXCLUSIVE MODE');
  const card = page.getByRole("article").filter({ hasText: "Qwen3-8B" });
  void card.getByRole("button", { name: "Accept selected" }).click().catch(() => {});
  const waiting = async () => Number((await holder.query(`SELECT count(*) AS n FROM pg_locks WHERE NOT granted AND relation = '"Revision"'::regclass`)).rows[0].n);
  await expect.poll(waiting, { timeout: 15_000 }).toBeGreaterThan(0);
  signal(instance.child, "SIGKILL");
  await holder.query("ROLLBACK");
  await expect.poll(waiting, { timeout: 15_000 }).toBe(0);
  await holder.end();

  // Nothing of it: still pending, the value as it was, no source of kind correction.
  const check = new pg.Client({ connectionString: databaseUrl });
  await check.connect();
  try {
    const { rows } = await check.query(`SELECT c."status", m."contextWindow", (SELECT count(*) FROM "FieldSource" f WHERE f."modelId" = m."id" AND f."sourceKind" = 'correction')::int AS corrected
      FROM "Correction" c JOIN "Model" m ON m."id" = c."modelId" WHERE m."slug" = 'qwen3-8b' ORDER BY c."id" DESC LIMIT 1`);
    expect(rows[0]).toEqual({ status: "pending", contextWindow: before.contextWindow, corrected: 0 });
  } finally {
    await check.end();
  }

  // Through another instance, the same accept goes through.
  const other = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "192.0.2.80" } });
  const page2 = await other.newPage();
  await signIn(page2);
  await page2.getByRole("article").filter({ hasText: "Qwen3-8B" }).getByRole("button", { name: "Accept selected" }).click();
  await expect(page2.getByRole("status").filter({ hasText: "Accepted 1 proposed value." })).toBeVisible();
  expect(((await (await page2.request.get("/api/v1/models/qwen3-8b")).json()) as { contextWindow: number }).contextWindow).toBe(before.contextWindow * 4);
  await context.close();
  await other.close();
});

