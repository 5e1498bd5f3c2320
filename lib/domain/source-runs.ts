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

/** What runs each source's ingest, and a note; the compiler asks for a new source here. */
const INGEST_COMMANDS: Record<RunSource, RunBy> = {
  curated: { commands: ["npm run ingest -- curated"], note: "and the first start" },
  huggingface: { commands: ["npm run refresh", "npm run ingest -- hf"], note: "the refresh's Hub adoption snapshot" },
  epoch: { commands: ["npm run ingest -- epoch FILE.csv"], note: "the first start loads the shipped copy" },
  modelsdev: { commands: ["npm run ingest -- modelsdev DIR", "npm run ingest -- scores"], note: "the first start loads the shipped copies" },
  "vllm-recipes": { commands: ["npm run ingest -- vllm-recipes DIR"], note: "the first start loads the shipped copy" },
  "epoch-benchmarks": { commands: ["npm run ingest -- scores"], note: "the first start loads the shipped copy" },
  openrouter: { commands: ["npm run refresh", "npm run ingest -- openrouter --live"], note: "with OPENROUTER_API_KEY; the first start loads the shipped copy" },
  llmfit: { commands: ["npm run ingest -- adoption"], note: "the first start loads the shipped copy" },
};

export interface RunBy {
  commands: string[];
  note?: string;
}

export interface ExpectedRun {
  source: RunSource;
  job: RunJob;
  runBy: RunBy;
}

/** The refresh's steps first (discovery, the Hub snapshot, usage), then the other sources. */
const REFRESH_FIRST: readonly RunSource[] = ["huggingface", "openrouter"];

export const EXPECTED_RUNS: readonly ExpectedRun[] = [
  { source: "huggingface", job: "discover", runBy: { commands: ["npm run refresh", "npm run ingest -- discover"] } },
  ...[...REFRESH_FIRST, ...(Object.keys(INGEST_COMMANDS) as RunSource[]).filter((s) => !REFRESH_FIRST.includes(s))].map((source) => ({
    source,
    job: "ingest" as const,
    runBy: INGEST_COMMANDS[source],
  })),
];

export const JOB_LABELS: Record<RunJob, string> = { ingest: "ingest", discover: "discovery" };
export const STATUS_LABELS: Record<RunStatus, string> = { running: "running", succeeded: "succeeded", failed: "failed", skipped: "skipped" };
