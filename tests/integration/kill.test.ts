import type { ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { ingestCurated } from "@/lib/ingest/curated/run";
import { fixtureConfig, startHfServer, type HfTestServer } from "../support/hf-server";
import { startScript, type ScriptProcess } from "../support/script-process";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

// kill -9 in the middle of a write, with real processes (issue 17): the command-line tools are killed
// while they write to a database of this test's own; what they leave is checked, and the next run must
// converge. (A moderator's accept runs in the server: tests/e2e/instances.spec.ts kills an instance mid-accept.)
const children: ChildProcess[] = [];
const databases: TestDatabase[] = [];
const clients: PrismaClient[] = [];
let hub: HfTestServer | null = null;

afterEach(async () => {
  for (const c of children.splice(0)) c.kill("SIGKILL");
  await hub?.close();
  hub = null;
});
afterAll(async () => {
  for (const c of clients) await c.$disconnect();
  for (const d of databases) await d.drop();
});

async function freshDatabase(label: string): Promise<{ url: string; db: PrismaClient }> {
  const database = await createTestDatabase(label);
  databases.push(database);
  const db = createPrismaClient(database.url, 2);
  clients.push(db);
  return { url: database.url, db };
}

function run(script: string, args: string[], env: Record<string, string>): ScriptProcess {
  const started = startScript(script, args, env);
  children.push(started.child);
  return started;
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe("kill -9 in the middle of a write", () => {
  it("a curated load killed mid-transaction leaves no record; its run is closed by the next load, which converges", async () => {
    const { url, db } = await freshDatabase("kill_curated");
    const load = run("ingest", ["curated"], { DATABASE_URL: url });
    // Killed while its transaction is open (it writes the whole dataset in one).
    await until("the load's transaction", async () => {
      const rows = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL AND state IN ('active', 'idle in transaction')`;
      return Number(rows[0]!.n) > 0 && (await db.ingestRun.count({ where: { source: "curated", status: "running" } })) === 1;
    });
    await new Promise((r) => setTimeout(r, 300));
    load.child.kill("SIGKILL");
    await load.exited;
    // Nothing half-applied: the transaction is gone with its connection.
    await until("the killed transaction to end", async () => (await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL`)[0]!.n === 0n, 10_000);
    expect({ models: await db.model.count(), sources: await db.fieldSource.count(), developers: await db.modelDeveloper.count(), organizations: await db.organization.count() }).toEqual({ models: 0, sources: 0, developers: 0, organizations: 0 });
    expect(await db.ingestRun.findMany({ select: { status: true } })).toEqual([{ status: "running" }]);

    const next = await ingestCurated(db, path.resolve("data/curated"));
    expect(next.created).toBeGreaterThan(800);
    expect((await db.ingestRun.findMany({ orderBy: { id: "asc" }, select: { status: true, message: true } })).map((r) => r.status)).toEqual(["failed", "succeeded"]);
    // Converged: a further load changes nothing.
    expect(await ingestCurated(db, path.resolve("data/curated"))).toMatchObject({ created: 0, updated: 0 });
  }, 180_000);

  it("a refresh killed while it queues candidates leaves whole candidates and its lock; once the lock expires, the next refresh closes the killed runs and completes the queue", async () => {
    const { url, db } = await freshDatabase("kill_refresh");
    await ingestCurated(db, path.resolve("tests/fixtures/curated-small"));
    // Six new DeepSeek repositories on a slow Hub: the refresh is killed after the first is queued.
    hub = await startHfServer({ empty: true, delayMs: 150 });
    const body = JSON.parse(readFileSync(path.resolve("tests/fixtures/hf/discovery/new-repos.json"), "utf8"))["deepseek-ai/DeepSeek-V4-Flash"];
    const repos = Array.from({ length: 6 }, (_, i) => `deepseek-ai/DeepSeek-Kill-${i}`);
    for (const [i, id] of repos.entries()) {
      hub.setInfo(id, { ...body, _id: `kill-${i}`, id, createdAt: `2026-0${i + 1}-01T00:00:00.000Z` });
      hub.setConfig(id, fixtureConfig("deepseek-ai/DeepSeek-V4-Flash"));
    }
    const env = { DATABASE_URL: url, HF_ENDPOINT: hub.url };
    const first = run("refresh", [], env);
    await until("the first candidate", async () => (await db.candidate.count()) > 0);
    first.child.kill("SIGKILL");
    await first.exited;
    const queued = await db.candidate.findMany();
    expect(queued.length).toBeLessThan(repos.length);
    for (const c of queued) expect(c).toMatchObject({ status: "pending", organizationSlug: "deepseek", proposed: expect.objectContaining({ totalParams: expect.anything() }) });
    expect(await db.jobLock.count()).toBe(1);

    // While the killed refresh's lock lives, another refresh does nothing and says so.
    const blocked = run("refresh", [], env);
    expect(await blocked.exited).toBe(0);
    expect(blocked.output().stdout).toMatch(/another refresh holds the lock/);
    expect(await db.candidate.count()).toBe(queued.length);

    // The lock expires (as 15 minutes would make it): the next refresh converges.
    await db.$executeRaw`UPDATE "JobLock" SET "expiresAt" = now() - interval '1 second'`;
    const next = run("refresh", [], env);
    await next.exited;
    expect(next.output().stdout).toMatch(/discovery +succeeded/);
    expect((await db.candidate.findMany({ select: { repoId: true } })).map((c) => c.repoId).sort()).toEqual([...repos].sort());
    const discoverRuns = await db.ingestRun.findMany({ where: { job: "discover" }, orderBy: { id: "asc" }, select: { status: true } });
    expect(discoverRuns.map((r) => r.status)).toEqual(["failed", "succeeded"]);
    expect(await db.ingestRun.count({ where: { status: "running" } })).toBe(0);
    expect(await db.jobLock.count()).toBe(0);
  }, 180_000);
});
