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

export async function startIngestRun(db: PrismaClient, source: IngestRunSource): Promise<number> {
  return (await db.ingestRun.create({ data: { source }, select: { id: true } })).id;
}

export async function finishIngestRun(db: PrismaClient, id: number, status: "succeeded" | "failed", counts: RunCounts, message: string | null): Promise<void> {
  await db.ingestRun.update({ where: { id }, data: { status, finishedAt: new Date(), ...counts, message } });
}

/**
 * Runs of `source` still marked running were interrupted (killed, crashed): a new run of the same source
 * closes them as failed, so the run history does not show them running forever. Runs of one source are
 * not meant to overlap (docs/decisions/005-ingesters.md).
 */
export async function closeInterruptedRuns(db: PrismaClient, source: IngestRunSource): Promise<number> {
  const { count } = await db.ingestRun.updateMany({
    where: { source, status: "running" },
    data: { status: "failed", finishedAt: new Date(), message: "interrupted: the process stopped before the run finished (a later run completes it)" },
  });
  return count;
}
