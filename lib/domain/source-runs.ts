import type { RunSource } from "./sources";

/**
 * What the run history (table IngestRun) holds, and the runs /data-quality expects to see: one line per
 * source and job, each with the command that runs it, so a source that never ran says how to run it.
 */
export const RUN_JOBS = ["ingest", "discover"] as const;
/** ingest: values into the write path; discover: new Hub repositories into the review queue. */
export type RunJob = (typeof RUN_JOBS)[number];

/** skipped: a refresh step that had nothing to do (the usage refresh without OPENROUTER_API_KEY). */
export const RUN_STATUSES = ["running", "succeeded", "failed", "skipped"] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** How each source's ingest runs; the compiler asks for a new source here. */
const INGEST_COMMANDS: Record<RunSource, string> = {
  curated: "npm run ingest -- curated (and the first start)",
  huggingface: "npm run refresh (the Hub adoption snapshot), npm run ingest -- hf",
  epoch: "npm run ingest -- epoch FILE.csv (the first start loads the shipped copy)",
  modelsdev: "npm run ingest -- modelsdev DIR, npm run ingest -- scores (the first start loads the shipped copies)",
  "vllm-recipes": "npm run ingest -- vllm-recipes DIR (the first start loads the shipped copy)",
  "epoch-benchmarks": "npm run ingest -- scores (the first start loads the shipped copy)",
  openrouter: "npm run refresh with OPENROUTER_API_KEY, npm run ingest -- openrouter --live (the first start loads the shipped copy)",
  llmfit: "npm run ingest -- adoption (the first start loads the shipped copy)",
};

export interface ExpectedRun {
  source: RunSource;
  job: RunJob;
  runBy: string;
}

/** The refresh's steps first (discovery, the Hub snapshot, usage), then the other sources. */
const REFRESH_FIRST: readonly RunSource[] = ["huggingface", "openrouter"];

export const EXPECTED_RUNS: readonly ExpectedRun[] = [
  { source: "huggingface", job: "discover", runBy: "npm run refresh, npm run ingest -- discover" },
  ...[...REFRESH_FIRST, ...(Object.keys(INGEST_COMMANDS) as RunSource[]).filter((s) => !REFRESH_FIRST.includes(s))].map((source) => ({
    source,
    job: "ingest" as const,
    runBy: INGEST_COMMANDS[source],
  })),
];

export const JOB_LABELS: Record<RunJob, string> = { ingest: "ingest", discover: "discovery" };
export const STATUS_LABELS: Record<RunStatus, string> = { running: "running", succeeded: "succeeded", failed: "failed", skipped: "skipped" };
