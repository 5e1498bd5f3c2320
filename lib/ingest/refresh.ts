import { randomUUID } from "node:crypto";
import os from "node:os";
import path from "node:path";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { acquireJobLock, releaseJobLock, renewJobLock, type LockHolder } from "@/lib/data/job-lock";
import { getReviewQueue, getRunStatus, latestRunId, recordFailedRun, recordSkippedRun, type ReviewQueue } from "@/lib/data/source-status";
import type { RunJob } from "@/lib/domain/source-runs";
import type { RunSource } from "@/lib/domain/sources";
import { todayUtc } from "@/lib/domain/model-rules";
import { discoverReleases } from "./discover/run";
import { ingestHf } from "./hf/run";
import type { HfSource } from "./hf/source";
import { fetchLiveDaily, ingestOpenRouter, OPENROUTER_MAP_FILE } from "./openrouter/run";
import { summaryLine, type IngestReport } from "./report";

/**
 * The scheduled refresh (`npm run refresh`, issue 16): discovery of new Hub releases, the Hub adoption
 * snapshot (every known repo through the Hugging Face ingester, which also records a dated
 * AdoptionSnapshot), and OpenRouter's usage when a key is set. One process at a time, under a lock in the
 * database (lib/data/job-lock.ts); each step is an IngestRun row; a failing step does not stop the next.
 */
export const REFRESH_LOCK = "refresh";
/** Long enough for no renewal to be missed under load; short enough that a killed run blocks the next for minutes, not hours. */
export const DEFAULT_LOCK_TTL_MS = 15 * 60_000;

export type RefreshStepName = "discover" | "hub-snapshot" | "usage";
export type StepStatus = "succeeded" | "failed" | "skipped";

export interface StepResult {
  step: RefreshStepName;
  status: StepStatus;
  runId: number | null;
  /** One line: what the step did or why it failed. */
  line: string;
  report: IngestReport | null;
}

export type RefreshResult =
  | { ran: false; heldBy: LockHolder; message: string }
  | { ran: true; holder: string; ok: boolean; steps: StepResult[]; notes: string[]; queue: ReviewQueue };

export interface RefreshOptions {
  /** The Hub, for discovery and the snapshot (HfHubSource at HF_ENDPOINT with HF_TOKEN). */
  hub: HfSource;
  /** OpenRouter's API; without a key the usage step is recorded as skipped. */
  openRouter: { endpoint: string; apiKey?: string; fetcher?: typeof fetch };
  openRouterMapFile?: string;
  today?: string;
  /** Who runs it, as the lock and a second refresh's message name it. */
  holder?: string;
  lockTtlMs?: number;
  /** How often the holder extends its lock (default a third of the TTL). */
  renewEveryMs?: number;
  /** A line as each step starts and ends. */
  log?: (line: string) => void;
  onDiscoverProgress?: (done: number, total: number) => void;
  onHubProgress?: (done: number, total: number) => void;
}

/** "user@host pid 1234 #1a2b3c4d": a person can tell who it is, and no two holders are the same. */
export function describeHolder(): string {
  let user = "unknown";
  try {
    user = os.userInfo().username;
  } catch {
    // No passwd entry for this uid (some containers): the host and pid still say who.
  }
  return `${user}@${os.hostname()} pid ${process.pid} #${randomUUID().slice(0, 8)}`;
}

export const STEP_TITLES: Record<RefreshStepName, string> = {
  discover: "discovery",
  "hub-snapshot": "Hub adoption snapshot",
  usage: "usage (OpenRouter)",
};

const STEP_RUNS: Record<RefreshStepName, { source: RunSource; job: RunJob }> = {
  discover: { source: "huggingface", job: "discover" },
  "hub-snapshot": { source: "huggingface", job: "ingest" },
  usage: { source: "openrouter", job: "ingest" },
};

export async function runRefresh(db: PrismaClient, options: RefreshOptions): Promise<RefreshResult> {
  const holder = options.holder ?? describeHolder();
  const ttlMs = options.lockTtlMs ?? DEFAULT_LOCK_TTL_MS;
  const log = options.log ?? (() => {});
  const today = options.today ?? todayUtc();

  const lock = await acquireJobLock(db, { name: REFRESH_LOCK, holder, ttlMs });
  if (!lock.acquired) {
    const h = lock.heldBy;
    return {
      ran: false,
      heldBy: h,
      message: `another refresh holds the lock since ${h.acquiredAt.toISOString()}, started by ${h.holder} (if that process died, the lock expires at ${h.expiresAt.toISOString()}); nothing done`,
    };
  }
  const notes: string[] = [];
  if (lock.tookOver) notes.push(`took over an expired lock of ${lock.tookOver.holder} (held since ${lock.tookOver.acquiredAt.toISOString()}, expired ${lock.tookOver.expiresAt.toISOString()})`);

  // Renewed while the steps run, so a long refresh keeps its lock and a killed one loses it within the TTL.
  let lost = false;
  const renewal = setInterval(() => {
    renewJobLock(db, { name: REFRESH_LOCK, holder, ttlMs }).then(
      (held) => {
        if (!held && !lost) {
          lost = true;
          notes.push("the lock expired during the run and another refresh took it: the two may have overlapped (raise the TTL)");
        }
      },
      (e: unknown) => log(`could not renew the lock: ${(e as Error).message}`),
    );
  }, options.renewEveryMs ?? Math.floor(ttlMs / 3));
  renewal.unref();

  const steps: StepResult[] = [];
  try {
    const step = async (name: RefreshStepName, body: () => Promise<IngestReport | { skipped: string; runId: number }>): Promise<void> => {
      const { source, job } = STEP_RUNS[name];
      log(`${STEP_TITLES[name]}: started`);
      const before = await latestRunId(db, source, job);
      let result: StepResult;
      try {
        const out = await body();
        if ("skipped" in out) {
          result = { step: name, status: "skipped", runId: out.runId, line: `run #${out.runId}: ${out.skipped}`, report: null };
        } else {
          // The status the run was recorded with (a run whose every item failed is a failed run).
          const status = out.runId ? await getRunStatus(db, out.runId) : null;
          result = { step: name, status: status === "failed" ? "failed" : "succeeded", runId: out.runId, line: summaryLine(out), report: out };
        }
      } catch (e) {
        const message = (e as Error).message ?? String(e);
        // Recorded by the step's own run when it got that far; otherwise here, so no failure goes unrecorded.
        const after = await latestRunId(db, source, job);
        const runId = after !== null && after !== before ? after : await recordFailedRun(db, { source, job, message: `npm run refresh: ${message}` });
        result = { step: name, status: "failed", runId, line: `run #${runId}: ${message.split("\n")[0]!}`, report: null };
      }
      steps.push(result);
      log(`${STEP_TITLES[name]}: ${result.status}`);
    };

    await step("discover", () => discoverReleases(db, { source: options.hub, today, onProgress: options.onDiscoverProgress }));
    await step("hub-snapshot", () => ingestHf(db, { source: options.hub, targets: { all: true }, today, onProgress: options.onHubProgress }));
    await step("usage", async () => {
      const { endpoint, apiKey, fetcher } = options.openRouter;
      if (!apiKey) {
        const why = "skipped: OPENROUTER_API_KEY is not set (set it to refresh OpenRouter's daily usage)";
        return { skipped: why, runId: await recordSkippedRun(db, { source: "openrouter", job: "ingest", message: `npm run refresh: ${why}` }) };
      }
      const days = await fetchLiveDaily(endpoint, apiKey, fetcher);
      return ingestOpenRouter(db, { days, mapFile: path.resolve(options.openRouterMapFile ?? OPENROUTER_MAP_FILE) });
    });
  } finally {
    clearInterval(renewal);
    await releaseJobLock(db, { name: REFRESH_LOCK, holder }).catch((e: unknown) => notes.push(`could not release the lock (it expires by itself): ${(e as Error).message}`));
  }

  const queue = await getReviewQueue(db);
  return { ran: true, holder, ok: steps.every((s) => s.status !== "failed"), steps, notes, queue };
}

/** The summary: one line per step, then the queue. */
export function refreshSummary(result: Extract<RefreshResult, { ran: true }>): string[] {
  const width = Math.max(...Object.values(STEP_TITLES).map((t) => t.length));
  const lines = result.steps.map((s) => `${STEP_TITLES[s.step].padEnd(width)}  ${s.status.padEnd(9)}  ${s.line}`);
  for (const n of result.notes) lines.push(`note: ${n}`);
  const q = result.queue;
  lines.push(
    q.pending
      ? `review queue: ${q.pending} candidate${q.pending === 1 ? "" : "s"} pending since ${q.oldestPendingSince!.slice(0, 10)} (moderators: /admin/candidates)`
      : "review queue: empty",
  );
  return lines;
}
