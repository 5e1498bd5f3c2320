import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { EXPECTED_RUNS, RUN_JOBS, RUN_STATUSES, type RunBy, type RunJob, type RunStatus } from "@/lib/domain/source-runs";
import { sourceLabel, type RunSource } from "@/lib/domain/sources";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { RunCounts } from "./ingest-runs";

/**
 * Where each source stands (issue 16): its last run, how it ended, its last success, and the review
 * queue's length, for /data-quality and the refresh's summary. Plain objects, ISO timestamps.
 */
export interface RunSummary extends RunCounts {
  id: number;
  status: RunStatus;
  startedAt: string;
  finishedAt: string | null;
  message: string | null;
}

export interface SourceStatus {
  source: string;
  label: string;
  job: RunJob | string;
  /** The commands that run it (null for a source or job the code does not know: an older row). */
  runBy: RunBy | null;
  /** Null: never ran. */
  lastRun: RunSummary | null;
  /** When the last successful run finished (null: never succeeded). */
  lastSucceededAt: string | null;
}

export interface ReviewQueue {
  pending: number;
  /** When the oldest pending candidate was first seen (null: the queue is empty). */
  oldestPendingSince: string | null;
}

// Rows as stored: the status and job columns are plain text with a CHECK, so they are checked on the way out.
const runRowSchema = z.object({
  id: z.number().int(),
  source: z.string(),
  job: z.string(),
  status: z.enum(RUN_STATUSES),
  startedAt: z.date(),
  finishedAt: z.date().nullable(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  failed: z.number().int(),
  disagreements: z.number().int(),
  message: z.string().nullable(),
});

const key = (source: string, job: string) => `${source}\u0000${job}`;

/** Every expected source and job (and any other found in the history), with its last run and last success. */
export async function listSourceStatus(db: PrismaClient = getDb()): Promise<SourceStatus[]> {
  // Runs are inserted as they start: the highest id of a source and job is its latest run.
  const [latest, succeeded] = await Promise.all([
    db.ingestRun.groupBy({ by: ["source", "job"], _max: { id: true } }),
    db.ingestRun.groupBy({ by: ["source", "job"], where: { status: "succeeded" }, _max: { finishedAt: true } }),
  ]);
  const ids = latest.flatMap((g) => (g._max.id ? [g._max.id] : []));
  const rows = await db.ingestRun.findMany({
    where: { id: { in: ids } },
    select: { id: true, source: true, job: true, status: true, startedAt: true, finishedAt: true, created: true, updated: true, unchanged: true, failed: true, disagreements: true, message: true },
  });
  const lastRun = new Map(rows.map((r) => runRowSchema.parse(r)).map((r) => [key(r.source, r.job), r]));
  const lastSuccess = new Map(succeeded.map((g) => [key(g.source, g.job), g._max.finishedAt]));

  const expected = EXPECTED_RUNS.map((e) => ({ source: e.source as string, job: e.job as string, runBy: e.runBy as RunBy | null }));
  const known = new Set(expected.map((e) => key(e.source, e.job)));
  const others = [...lastRun.values()].filter((r) => !known.has(key(r.source, r.job))).map((r) => ({ source: r.source, job: r.job, runBy: null }));
  return [...expected, ...others].map(({ source, job, runBy }) => {
    const r = lastRun.get(key(source, job));
    return {
      source,
      label: sourceLabel(source),
      job,
      runBy,
      lastRun: r
        ? {
            id: r.id, status: r.status, startedAt: r.startedAt.toISOString(), finishedAt: r.finishedAt?.toISOString() ?? null,
            created: r.created, updated: r.updated, unchanged: r.unchanged, failed: r.failed, disagreements: r.disagreements, message: r.message,
          }
        : null,
      lastSucceededAt: lastSuccess.get(key(source, job))?.toISOString() ?? null,
    };
  });
}

/** The moderators' review queue: candidates waiting for a decision. */
export async function getReviewQueue(db: PrismaClient = getDb()): Promise<ReviewQueue> {
  const agg = await db.candidate.aggregate({ where: { status: "pending" }, _count: { _all: true }, _min: { firstSeenAt: true } });
  return { pending: agg._count._all, oldestPendingSince: agg._min.firstSeenAt?.toISOString() ?? null };
}

const runNoteSchema = z.object({
  source: z.string().min(1),
  job: z.enum(RUN_JOBS),
  message: z.string().min(1).max(8000),
});

/** Records a run that had nothing to do (status skipped, started and finished now), with why. */
export async function recordSkippedRun(db: PrismaClient, input: { source: RunSource; job: RunJob; message: string }): Promise<number> {
  const { source, job, message } = runNoteSchema.parse(input);
  const now = new Date();
  const row = await db.ingestRun.create({ data: { source, job, status: "skipped", startedAt: now, finishedAt: now, message }, select: { id: true } });
  return row.id;
}

/** Records a run that failed before it could record itself (status failed, started and finished now), with why. */
export async function recordFailedRun(db: PrismaClient, input: { source: RunSource; job: RunJob; message: string }): Promise<number> {
  const { source, job, message } = runNoteSchema.parse({ ...input, message: input.message.slice(0, 8000) });
  const now = new Date();
  const row = await db.ingestRun.create({ data: { source, job, status: "failed", startedAt: now, finishedAt: now, message }, select: { id: true } });
  return row.id;
}

/** The newest run of a source and job (null: none). */
export async function latestRunId(db: PrismaClient, source: RunSource, job: RunJob): Promise<number | null> {
  const row = await db.ingestRun.findFirst({ where: { source, job }, orderBy: { id: "desc" }, select: { id: true } });
  return row?.id ?? null;
}

/** How a run was recorded to end (null: no such run). */
export async function getRunStatus(db: PrismaClient, id: number): Promise<RunStatus | null> {
  const row = await db.ingestRun.findUnique({ where: { id }, select: { status: true } });
  return row ? z.enum(RUN_STATUSES).parse(row.status) : null;
}
