import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db";
import { startEmbeddedDatabase } from "@/lib/embedded-db";
import { acquireJobLock, releaseJobLock } from "@/lib/data/job-lock";
import { listSourceStatus } from "@/lib/data/source-status";
import { ingestCurated } from "@/lib/ingest/curated/run";
import { HfHubSource } from "@/lib/ingest/hf/source";
import { REFRESH_LOCK, refreshSummary, runRefresh, type RefreshOptions } from "@/lib/ingest/refresh";
import { applyMigrations } from "@/lib/migrate";
import { resetDatabase, testClient } from "../support/db-helpers";
import { startHfServer, type HfTestServer } from "../support/hf-server";
import { startScript } from "../support/script-process";

// `npm run refresh` (issue 16) end to end: the local fake Hub of tests/support/hf-server.ts, a local
// stand-in for OpenRouter's Data API, the lock in a real database, and the command as a process.
const TODAY = "2026-11-29";
const KEY = "test-openrouter-key";
const LISTING = "deepseek/deepseek-chat-v3";
const db = testClient();
let hub: HfTestServer;
let openRouter: OpenRouterServer;
let mapDir: string;
const children: ChildProcess[] = [];

interface OpenRouterServer {
  url: string;
  requests: { authorization: string | undefined }[];
  /** The next answers, in order; then 200 with two days of tokens. */
  script: { status?: number; delayMs?: number }[];
  close(): Promise<void>;
}

async function startOpenRouter(): Promise<OpenRouterServer> {
  const state: Omit<OpenRouterServer, "url" | "close"> = { requests: [], script: [] };
  const server = http.createServer(async (req, res) => {
    state.requests.push({ authorization: req.headers.authorization });
    const next = state.script.shift() ?? {};
    if (next.delayMs) await new Promise((r) => setTimeout(r, next.delayMs));
    if (req.url !== "/api/v1/datasets/rankings-daily" || req.headers.authorization !== `Bearer ${KEY}`) return res.writeHead(401).end("no");
    if (next.status && next.status !== 200) return res.writeHead(next.status, { "content-type": "text/plain" }).end("upstream trouble");
    res.writeHead(200, { "content-type": "application/json" }).end(
      JSON.stringify({
        data: [
          { date: "2026-11-27", model_permaslug: LISTING, total_tokens: 1200 },
          { date: "2026-11-28", model_permaslug: LISTING, total_tokens: 3400 },
          { date: "2026-11-28", model_permaslug: "other", total_tokens: 99 },
        ],
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return Object.assign(state, {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

beforeEach(async () => {
  await resetDatabase(db);
  await db.$executeRawUnsafe(`DELETE FROM "JobLock"`);
  await ingestCurated(db, path.resolve("tests/fixtures/curated-small"), { today: TODAY });
  hub = await startHfServer();
  // The two fixture repos without a recorded model-info answer: today's figures, as the Hub gives them.
  hub.setInfo("deepseek-ai/DeepSeek-V3-Base", { id: "deepseek-ai/DeepSeek-V3-Base", downloads: 12_000, likes: 1_700, pipeline_tag: "text-generation" });
  hub.setInfo("meta-llama/Llama-3.1-8B", { id: "meta-llama/Llama-3.1-8B", downloads: 900_000, likes: 1_900, pipeline_tag: "text-generation" });
  openRouter = await startOpenRouter();
  mapDir = mkdtempSync(path.join(os.tmpdir(), "atlas-refresh-"));
  writeFileSync(path.join(mapDir, "openrouter.yaml"), `- permaslug: ${LISTING}\n  model: deepseek-v3\n`);
});
afterEach(async () => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill("SIGKILL");
  await hub.close();
  await openRouter.close();
  rmSync(mapDir, { recursive: true, force: true });
});
afterAll(() => db.$disconnect());

const options = (extra: Partial<RefreshOptions> = {}): RefreshOptions => ({
  hub: new HfHubSource(hub.url, { backoffMs: 5, timeoutMs: 2_000, retries: 2, concurrency: 4 }),
  openRouter: { endpoint: openRouter.url, apiKey: KEY },
  openRouterMapFile: path.join(mapDir, "openrouter.yaml"),
  today: TODAY,
  ...extra,
});
const runs = () => db.ingestRun.findMany({ where: { job: { in: ["ingest", "discover"] }, source: { in: ["huggingface", "openrouter"] } }, orderBy: { id: "asc" }, select: { source: true, job: true, status: true, message: true } });
const lockRows = () => db.$queryRaw<{ holder: string }[]>`SELECT "holder" FROM "JobLock"`;

describe("npm run refresh", () => {
  it("runs discovery, the Hub snapshot and the usage refresh in order, records each run, and releases the lock", async () => {
    const result = await runRefresh(db, options());
    if (!result.ran) throw new Error(result.message);
    expect(result.ok).toBe(true);
    expect(result.steps.map((s) => [s.step, s.status])).toEqual([["discover", "succeeded"], ["hub-snapshot", "succeeded"], ["usage", "succeeded"]]);
    expect((await runs()).map((r) => [r.source, r.job, r.status])).toEqual([
      ["huggingface", "discover", "succeeded"],
      ["huggingface", "ingest", "succeeded"],
      ["openrouter", "ingest", "succeeded"],
    ]);
    // The Hub snapshot: every known repo, each a dated adoption snapshot.
    expect(result.steps[1]!.report?.failures).toEqual([]);
    expect(result.steps[1]!.report).toMatchObject({ total: 4, failed: 0 });
    // (The recorded answers of the other two carry no downloads or likes: nothing to snapshot.)
    expect(await db.adoptionSnapshot.findFirst({ where: { sourceKind: "huggingface", model: { slug: "llama-3.1-8b" } }, select: { downloads: true, likes: true } })).toEqual({ downloads: 900_000, likes: 1_900 });
    expect(await db.adoptionSnapshot.count({ where: { sourceKind: "huggingface" } })).toBe(2);
    // Usage: OpenRouter asked with the key; the mapped listing's days stored.
    expect(openRouter.requests).toEqual([{ authorization: `Bearer ${KEY}` }]);
    expect(await db.usageDay.count({ where: { model: { slug: "deepseek-v3" } } })).toBe(2);
    expect(await lockRows()).toEqual([]);

    const summary = refreshSummary(result);
    expect(summary).toHaveLength(4);
    // Discovery: the fixture Hub's repos of tracked authors (data/tracked-orgs.yaml) that no record knows, queued.
    expect(summary[0]).toMatch(/^discovery +succeeded +huggingface run #\d+: 8 created, 0 updated, 4 unchanged/);
    expect(await db.candidate.count({ where: { status: "pending" } })).toBe(8);
    expect(summary[1]).toMatch(/^Hub adoption snapshot +succeeded +huggingface run #\d+: 0 created, \d+ updated/);
    expect(summary[2]).toMatch(/^usage \(OpenRouter\) +succeeded +openrouter run #\d+: 3 created/);
    expect(summary[3]).toMatch(/^review queue: 8 candidates pending since \d{4}-\d{2}-\d{2} \(moderators: \/admin\/candidates\)$/);

    // Twice in a row: the same steps again, nothing doubled.
    const again = await runRefresh(db, options());
    expect(again).toMatchObject({ ran: true, ok: true, queue: { pending: 8 } });
    expect(again.ran && again.steps[0]!.report).toMatchObject({ created: 0, unchanged: 12 });
    expect(await db.adoptionSnapshot.count({ where: { sourceKind: "huggingface" } })).toBe(2);
    expect(await db.usageDay.count({ where: { model: { slug: "deepseek-v3" } } })).toBe(2);
  });

  it("two refreshes at once: one runs, the other says who holds the lock since when and does nothing", async () => {
    const other = testClient();
    try {
      const [a, b] = await Promise.all([runRefresh(db, options({ holder: "host-a pid 1 #aaaa" })), runRefresh(other, options({ holder: "host-b pid 2 #bbbb" }))]);
      const ran = [a, b].filter((r) => r.ran);
      const refused = [a, b].filter((r) => !r.ran);
      expect(ran).toHaveLength(1);
      expect(refused).toHaveLength(1);
      const winner = ran[0]!.ran ? ran[0]!.holder : "";
      const msg = refused[0]!.ran ? "" : refused[0]!.message;
      expect(msg).toMatch(new RegExp(`^another refresh holds the lock since \\d{4}-\\d{2}-\\d{2}T[\\d:.]+Z, started by ${winner.replace(/[#.]/g, "\\$&")} `));
      // Only one set of runs: the refused refresh recorded nothing.
      expect((await runs()).map((r) => r.job)).toEqual(["discover", "ingest", "ingest"]);
      expect(openRouter.requests).toHaveLength(1);
    } finally {
      await other.$disconnect();
    }
  });

  it("takes over a lock whose holder died (expired), and never one that is alive", async () => {
    await db.$executeRaw`INSERT INTO "JobLock" ("name", "holder", "acquiredAt", "expiresAt") VALUES (${REFRESH_LOCK}, 'cron@old-host pid 4242 #dead', now() - interval '2 hours', now() - interval '1 hour')`;
    const took = await runRefresh(db, options());
    if (!took.ran) throw new Error(took.message);
    expect(took.notes).toEqual([expect.stringMatching(/^took over an expired lock of cron@old-host pid 4242 #dead \(held since .+, expired .+\)$/)]);
    expect(refreshSummary(took)).toContainEqual(expect.stringMatching(/^note: took over an expired lock/));

    await db.$executeRaw`INSERT INTO "JobLock" ("name", "holder", "acquiredAt", "expiresAt") VALUES (${REFRESH_LOCK}, 'ci@runner pid 7 #live', now() - interval '1 minute', now() + interval '10 minutes')`;
    const before = (await runs()).length;
    const refused = await runRefresh(db, options());
    expect(refused.ran).toBe(false);
    if (refused.ran) return;
    expect(refused.message).toMatch(/^another refresh holds the lock since .+, started by ci@runner pid 7 #live \(if that process died, the lock expires at .+\); nothing done$/);
    expect((await runs()).length).toBe(before);
    expect(await lockRows()).toEqual([{ holder: "ci@runner pid 7 #live" }]);
  });

  it("records a failing step, still runs the next ones, and ends not ok", async () => {
    // Every known repo's model info answers 500, three attempts each: the whole Hub snapshot fails.
    for (const repo of ["deepseek-ai/DeepSeek-V3", "deepseek-ai/DeepSeek-V3-Base", "Qwen/Qwen3-235B-A22B", "meta-llama/Llama-3.1-8B"]) {
      hub.script(`/api/models/${repo}`, { status: 500 }, { status: 500 }, { status: 500 });
    }
    const result = await runRefresh(db, options());
    if (!result.ran) throw new Error(result.message);
    expect(result.ok).toBe(false);
    expect(result.steps.map((s) => [s.step, s.status])).toEqual([["discover", "succeeded"], ["hub-snapshot", "failed"], ["usage", "succeeded"]]);
    const recorded = await runs();
    expect(recorded.map((r) => [r.source, r.job, r.status])).toEqual([
      ["huggingface", "discover", "succeeded"],
      ["huggingface", "ingest", "failed"],
      ["openrouter", "ingest", "succeeded"],
    ]);
    expect(recorded[1]!.message).toMatch(/Failed \(4\):/);
    expect(await lockRows()).toEqual([]);
  });

  it("with the Hub down, records discovery and the snapshot as failed with why, and still refreshes usage", async () => {
    // Nothing listens on port 1: every Hub request is refused.
    const result = await runRefresh(db, options({ hub: new HfHubSource("http://127.0.0.1:1", { backoffMs: 5, timeoutMs: 500, retries: 1, concurrency: 4 }) }));
    if (!result.ran) throw new Error(result.message);
    expect(result.ok).toBe(false);
    expect(result.steps.map((s) => [s.step, s.status])).toEqual([["discover", "failed"], ["hub-snapshot", "failed"], ["usage", "succeeded"]]);
    const recorded = await runs();
    expect(recorded.map((r) => [r.job, r.status])).toEqual([["discover", "failed"], ["ingest", "failed"], ["ingest", "succeeded"]]);
    expect(recorded[0]!.message).toMatch(/author deepseek-ai: .*127\.0\.0\.1:1/);
    expect(await db.usageDay.count({ where: { model: { slug: "deepseek-v3" } } })).toBe(2);
  });

  it("records a usage step that failed before its run began (OpenRouter down), with the answer", async () => {
    openRouter.script.push({ status: 503 });
    const result = await runRefresh(db, options());
    if (!result.ran) throw new Error(result.message);
    expect(result.ok).toBe(false);
    expect(result.steps.map((s) => s.status)).toEqual(["succeeded", "succeeded", "failed"]);
    expect(result.steps[2]!.line).toMatch(/^run #\d+: .*rankings-daily answered 503/);
    const usage = (await runs()).at(-1)!;
    expect(usage).toMatchObject({ source: "openrouter", job: "ingest", status: "failed", message: expect.stringMatching(/^npm run refresh: .*answered 503/) });
  });

  it("without OPENROUTER_API_KEY, says so and records the usage step as skipped; the refresh is ok", async () => {
    const result = await runRefresh(db, options({ openRouter: { endpoint: openRouter.url } }));
    if (!result.ran) throw new Error(result.message);
    expect(result.ok).toBe(true);
    expect(result.steps[2]).toMatchObject({ step: "usage", status: "skipped", line: expect.stringContaining("OPENROUTER_API_KEY is not set") });
    expect(openRouter.requests).toEqual([]);
    expect((await runs()).at(-1)).toMatchObject({ source: "openrouter", status: "skipped" });
    const status = (await listSourceStatus(db)).find((s) => s.source === "openrouter" && s.job === "ingest")!;
    expect(status.lastRun).toMatchObject({ status: "skipped", message: expect.stringContaining("OPENROUTER_API_KEY") });
    expect(status.lastSucceededAt).toBeNull();
  });

  it("keeps its lock past the TTL while it works, so a refresh started meanwhile is still refused", async () => {
    // The usage answer takes 2.5 s; the lock lives 1.5 s unless renewed (every 0.3 s).
    openRouter.script.push({ delayMs: 2_500 });
    const long = runRefresh(db, options({ holder: "long pid 1 #long", lockTtlMs: 1_500, renewEveryMs: 300 }));
    await new Promise((r) => setTimeout(r, 2_000));
    const meanwhile = await runRefresh(db, options({ holder: "late pid 2 #late" }));
    expect(meanwhile).toMatchObject({ ran: false, heldBy: { holder: "long pid 1 #long" } });
    expect(await long).toMatchObject({ ran: true, ok: true, notes: [] });
  });
});

describe("the refresh lock", () => {
  it("works the same on the embedded database (PGlite): taken, refused, taken over when expired, released only by its holder", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "atlas-lock-pglite-"));
    const embedded = await startEmbeddedDatabase({ dataDir: dir });
    const client = createPrismaClient(embedded.url, 2);
    try {
      await applyMigrations(embedded.url);
      const a = await acquireJobLock(client, { name: "refresh", holder: "a", ttlMs: 60_000 });
      expect(a).toMatchObject({ acquired: true, tookOver: null });
      expect(await acquireJobLock(client, { name: "refresh", holder: "b", ttlMs: 60_000 })).toMatchObject({ acquired: false, heldBy: { holder: "a" } });
      await client.$executeRaw`UPDATE "JobLock" SET "acquiredAt" = now() - interval '2 minutes', "expiresAt" = now() - interval '1 minute'`;
      expect(await acquireJobLock(client, { name: "refresh", holder: "b", ttlMs: 60_000 })).toMatchObject({ acquired: true, tookOver: { holder: "a" } });
      expect(await releaseJobLock(client, { name: "refresh", holder: "a" })).toBe(false);
      expect(await releaseJobLock(client, { name: "refresh", holder: "b" })).toBe(true);
      expect(await acquireJobLock(client, { name: "refresh", holder: "c", ttlMs: 60_000 })).toMatchObject({ acquired: true, tookOver: null });
    } finally {
      await client.$disconnect();
      await embedded.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe("npm run refresh as a process", () => {
  function refresh(env: Record<string, string>) {
    const run = startScript("refresh", [], { HF_ENDPOINT: hub.url, OPENROUTER_ENDPOINT: openRouter.url, OPENROUTER_API_KEY: KEY, ...env });
    children.push(run.child);
    return run;
  }

  it("a second refresh while one runs exits 0 and names the holder; a failed step makes the first exit 1, one line per step", async () => {
    // The first refresh's usage answer comes late (and is a 500), so it holds the lock while the second starts.
    openRouter.script.push({ delayMs: 8_000, status: 500 });
    const first = refresh({ DATABASE_URL: process.env.DATABASE_URL! });
    const deadline = Date.now() + 60_000;
    while ((await lockRows()).length === 0) {
      if (Date.now() > deadline) throw new Error(`the first refresh never took the lock: ${JSON.stringify(first.output())}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const second = refresh({ DATABASE_URL: process.env.DATABASE_URL! });
    expect(await second.exited, JSON.stringify(second.output())).toBe(0);
    expect(second.output().stdout).toMatch(/^another refresh holds the lock since \S+, started by \S+@\S+ pid \d+ #[0-9a-f]{8} /);

    expect(await first.exited, JSON.stringify(first.output())).toBe(1);
    const lines = first.output().stdout.trimEnd().split("\n");
    expect(lines).toEqual([
      expect.stringMatching(/^discovery +succeeded +huggingface run #\d+: /),
      expect.stringMatching(/^Hub adoption snapshot +succeeded +huggingface run #\d+: /),
      expect.stringMatching(/^usage \(OpenRouter\) +failed +run #\d+: .*answered 500/),
      expect.stringMatching(/^review queue: 8 candidates pending since /),
    ]);
    expect(first.output().stderr).toContain("A step failed");
    expect(await lockRows()).toEqual([]);
  }, 120_000);
});
