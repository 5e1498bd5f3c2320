import type { ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { ingestCurated } from "@/lib/ingest/curated/run";
import { ingestHf } from "@/lib/ingest/hf/run";
import { HfHubSource } from "@/lib/ingest/hf/source";
import { resetDatabase, testClient } from "../support/db-helpers";
import { startHfServer, type HfTestServer } from "../support/hf-server";
import { startScript } from "../support/script-process";

// `npm run ingest` as a process: its JSON mode without a database, and a run killed midway.
const TODAY = "2026-11-29";
const db = testClient();
let server: HfTestServer;
const children: ChildProcess[] = [];

afterAll(() => db.$disconnect());
beforeEach(async () => {
  await resetDatabase(db);
  await ingestCurated(db, path.resolve("tests/fixtures/curated-small"), { today: TODAY });
  server = await startHfServer();
});
afterEach(async () => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill("SIGKILL");
  await server.close();
});

function ingest(args: string[], env: Record<string, string | undefined>) {
  const run = startScript("ingest", args, env);
  children.push(run.child);
  return run;
}

async function until(check: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("npm run ingest -- hf", () => {
  it("prints derived records as JSON without a database (--json)", async () => {
    // An unreachable DATABASE_URL proves the database is never opened.
    const run = ingest(["hf", "--from-dir", "tests/fixtures/hf", "--json"], { DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none" });
    expect(await run.exited).toBe(0);
    const out = JSON.parse(run.output().stdout) as { records: { repoId: string; info: { totalParams: number } | null; config: { routedExperts: number } | null }[]; failures: unknown[] };
    expect(out.failures).toEqual([]);
    expect(out.records).toHaveLength(31);
    const v3 = out.records.find((r) => r.repoId === "deepseek-ai/DeepSeek-V3")!;
    expect(v3.info?.totalParams).toBe(684_531_386_000);
    expect(v3.config?.routedExperts).toBe(256);
  });

  it("says what is wrong with its arguments and exits non-zero", async () => {
    const run = ingest(["hf", "--repo", "not-a-repo"], {});
    expect(await run.exited).toBe(1);
    expect(run.output().stderr).toMatch(/--repo\.0: must be a Hugging Face repo id like org\/name/);
  });

  it("killed midway, leaves every model whole or untouched; a re-run completes the work", async () => {
    // The first two repos answer at once; the third never does, so the process is stopped while waiting for it.
    server.script("/api/models/meta-llama/Llama-3.1-8B", { hang: true });
    const repos = ["deepseek-ai/DeepSeek-V3", "Qwen/Qwen3-235B-A22B", "meta-llama/Llama-3.1-8B"];
    const run = ingest(["hf", "--repo", ...repos], { HF_ENDPOINT: server.url, DATABASE_URL: process.env.DATABASE_URL });
    const hfModels = async () =>
      (await db.fieldSource.groupBy({ by: ["modelId"], where: { sourceKind: "huggingface" } })).length;
    await until(async () => (await hfModels()) === 2 || run.child.exitCode !== null);
    expect(run.child.exitCode, run.output().stderr).toBeNull();
    run.child.kill("SIGKILL");
    await run.exited;

    expect(await db.ingestRun.findFirstOrThrow({ where: { source: "huggingface" } })).toMatchObject({ status: "running" });
    const written = await db.fieldSource.groupBy({ by: ["modelId"], where: { sourceKind: "huggingface" }, _count: true });
    expect(written.map((w) => w._count).sort()).toEqual([5, 7]); // DeepSeek-V3 whole (7 values), Qwen3 whole (5: no safetensors, no shared-expert key)
    expect(await db.fieldSource.count({ where: { sourceKind: "huggingface", model: { slug: "llama-3.1-8b" } } })).toBe(0);

    server.setInfo("meta-llama/Llama-3.1-8B", { id: "meta-llama/Llama-3.1-8B" });
    const rerun = await ingestHf(db, { source: new HfHubSource(server.url, { backoffMs: 5, timeoutMs: 1_000 }), targets: { repos }, today: TODAY });
    expect(rerun).toMatchObject({ unchanged: 2, updated: 1, failed: 0 });
    expect(rerun.notes).toContain("1 earlier run(s) had been interrupted and are now marked failed");
    expect(await db.fieldSource.count({ where: { sourceKind: "huggingface", model: { slug: "llama-3.1-8b" } } })).toBeGreaterThan(0);
  });
});
