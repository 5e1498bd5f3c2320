import "server-only";
import type { listScoresForExport } from "@/lib/data/measures";
import { csvLines } from "@/lib/domain/csv";

/** The columns of /api/v1/scores.csv: one row per score, with who measured it and where it was read. */
export const SCORE_CSV_COLUMNS = [
  "model_slug", "model_name", "country", "open_weights", "benchmark_id", "benchmark_name", "unit", "value", "metric", "setting",
  "measured_by", "evaluator", "published_on", "source_kind", "source_url",
] as const;

export function scoresCsv(rows: Awaited<ReturnType<typeof listScoresForExport>>): string {
  return csvLines([
    [...SCORE_CSV_COLUMNS],
    ...rows.map((s) => [s.slug, s.name, s.country, s.openWeights, s.benchmark.id, s.benchmark.name, s.benchmark.unit, s.value, s.metric, s.setting, s.measuredBy, s.evaluator, s.publishedOn, s.sourceKind, s.sourceUrl]),
  ]);
}
