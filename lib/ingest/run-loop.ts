import type { PrismaClient } from "@/lib/generated/prisma/client";
import { closeInterruptedRuns, startIngestRun, type IngestJob } from "@/lib/data/ingest-runs";
import type { SourceBatch } from "@/lib/data/write-path";
import { SOURCES, type RunSource } from "@/lib/domain/sources";
import { emptyReport, finishReport, type IngestReport } from "./report";

/**
 * The skeleton every ingested source runs in: an IngestRun row (earlier interrupted runs of the source
 * closed as failed), the batch its values are written with, and the report closed as succeeded or failed
 * whatever the body does. A dry run records no run. The body only matches and writes.
 */
export async function withIngestRun(
  db: PrismaClient,
  source: RunSource,
  dryRun: boolean,
  body: (report: IngestReport, batch: SourceBatch) => Promise<void>,
  job: IngestJob = "ingest",
): Promise<IngestReport> {
  const report = emptyReport(source, dryRun);
  if (!dryRun) {
    const closed = await closeInterruptedRuns(db, source, job);
    if (closed) report.notes.push(`${closed} earlier run(s) had been interrupted and are now marked failed`);
    report.runId = await startIngestRun(db, source, job);
  }
  const batch: SourceBatch = { kind: source, retrievedAt: new Date(), reason: `${SOURCES[source].label} ingest`, ...(report.runId ? { ingestRunId: report.runId } : {}) };
  try {
    await body(report, batch);
  } catch (e) {
    await finishReport(db, report, e);
    throw e;
  }
  await finishReport(db, report);
  return report;
}
