import "server-only";
import type { IngestedSource } from "@/lib/domain/sources";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/** Sources that run as ingest runs: the curated load and every ingested source. */
export type IngestRunSource = "curated" | IngestedSource;

export interface RunCounts {
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  disagreements: number;
}

/** What a run does: `ingest` writes values through the write path; `discover` queues new Hub repositories as candidates. */
export type IngestJob = "ingest" | "discover";

export async function startIngestRun(db: PrismaClient, source: IngestRunSource, job: IngestJob = "ingest"): Promise<number> {
  return (await db.ingestRun.create({ data: { source, job }, select: { id: true } })).id;
}

export async function finishIngestRun(db: PrismaClient, id: number, status: "succeeded" | "failed", counts: RunCounts, message: string | null): Promise<void> {
  await db.ingestRun.update({ where: { id }, data: { status, finishedAt: new Date(), ...counts, message } });
}

/**
 * Runs of `source` still marked running were interrupted (killed, crashed): a new run of the same source
 * closes them as failed, so the run history does not show them running forever. Runs of one source are
 * not meant to overlap (docs/decisions/005-ingesters.md). A discovery run and an ingest run of the Hub are two jobs.
 */
export async function closeInterruptedRuns(db: PrismaClient, source: IngestRunSource, job: IngestJob = "ingest"): Promise<number> {
  const { count } = await db.ingestRun.updateMany({
    where: { source, job, status: "running" },
    data: { status: "failed", finishedAt: new Date(), message: "interrupted: the process stopped before the run finished (a later run completes it)" },
  });
  return count;
}
