import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { getReviewQueue, listSourceStatus } from "@/lib/data/source-status";
import { EXPECTED_RUNS } from "@/lib/domain/source-runs";
import { resetDatabase, testClient } from "../support/db-helpers";

// What /data-quality says of each source's runs and of the review queue (issue 16).
const db = testClient();
afterAll(() => db.$disconnect());
beforeEach(() => resetDatabase(db));

const at = (iso: string) => new Date(iso);

describe("where each source stands", () => {
  it("says never ran for every expected source and job on an empty history, with the command that runs it", async () => {
    const status = await listSourceStatus(db);
    expect(status.map((s) => `${s.source}/${s.job}`)).toEqual(EXPECTED_RUNS.map((e) => `${e.source}/${e.job}`));
    expect(status.slice(0, 3).map((s) => [s.label, s.job])).toEqual([["Hugging Face", "discover"], ["Hugging Face", "ingest"], ["OpenRouter", "ingest"]]);
    for (const s of status) expect(s, `${s.source}/${s.job}`).toMatchObject({ lastRun: null, lastSucceededAt: null, runBy: { commands: expect.arrayContaining([expect.stringMatching(/^npm run /)]) } });
  });

  it("shows the last run as it ended and, separately, when the source last succeeded; the two jobs of the Hub apart", async () => {
    await db.ingestRun.createMany({
      data: [
        { source: "huggingface", job: "ingest", status: "succeeded", startedAt: at("2026-12-01T04:00:00Z"), finishedAt: at("2026-12-01T04:05:00Z"), updated: 3 },
        { source: "huggingface", job: "ingest", status: "failed", startedAt: at("2026-12-02T04:00:00Z"), finishedAt: at("2026-12-02T04:01:00Z"), failed: 4, message: "Failed (4):\n  a: HTTP 500" },
        { source: "huggingface", job: "discover", status: "succeeded", startedAt: at("2026-12-02T03:59:00Z"), finishedAt: at("2026-12-02T04:00:00Z"), created: 2 },
        { source: "openrouter", job: "ingest", status: "skipped", startedAt: at("2026-12-02T04:02:00Z"), finishedAt: at("2026-12-02T04:02:00Z"), message: "npm run refresh: skipped: OPENROUTER_API_KEY is not set" },
        { source: "epoch", job: "ingest", status: "running", startedAt: at("2026-12-02T05:00:00Z") },
      ],
    });
    const byKey = Object.fromEntries((await listSourceStatus(db)).map((s) => [`${s.source}/${s.job}`, s]));
    expect(byKey["huggingface/ingest"]).toMatchObject({
      lastRun: { status: "failed", startedAt: "2026-12-02T04:00:00.000Z", finishedAt: "2026-12-02T04:01:00.000Z", failed: 4, updated: 0, message: "Failed (4):\n  a: HTTP 500" },
      lastSucceededAt: "2026-12-01T04:05:00.000Z",
    });
    expect(byKey["huggingface/discover"]).toMatchObject({ lastRun: { status: "succeeded", created: 2 }, lastSucceededAt: "2026-12-02T04:00:00.000Z" });
    expect(byKey["openrouter/ingest"]).toMatchObject({ lastRun: { status: "skipped" }, lastSucceededAt: null });
    expect(byKey["epoch/ingest"]).toMatchObject({ lastRun: { status: "running", finishedAt: null }, lastSucceededAt: null });
    expect(byKey["modelsdev/ingest"]).toMatchObject({ lastRun: null });
  });

  it("counts the candidates waiting for a moderator, and since when", async () => {
    expect(await getReviewQueue(db)).toEqual({ pending: 0, oldestPendingSince: null });
    const base = { author: "deepseek-ai", organizationSlug: "deepseek", proposed: {} };
    await db.candidate.createMany({
      data: [
        { ...base, repoId: "deepseek-ai/A", firstSeenAt: at("2026-12-03T04:00:00Z") },
        { ...base, repoId: "deepseek-ai/B", firstSeenAt: at("2026-12-01T04:00:00Z") },
        { ...base, repoId: "deepseek-ai/C", firstSeenAt: at("2026-11-01T04:00:00Z"), status: "dismissed", reviewedAt: at("2026-11-02T00:00:00Z"), reviewReason: "a quantized copy" },
      ],
    });
    expect(await getReviewQueue(db)).toEqual({ pending: 2, oldestPendingSince: "2026-12-01T04:00:00.000Z" });
  });
});
