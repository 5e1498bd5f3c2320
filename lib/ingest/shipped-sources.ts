import path from "node:path";
import { CROSS_CHECK_SOURCES, SOURCES } from "@/lib/domain/sources";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { ingestCrossCheck } from "./cross-check-run";
import { ingestCurated } from "./curated/run";
import { ingestEpoch } from "./epoch/run";
import { ingestHf } from "./hf/run";
import { HfRecordedSource } from "./hf/source";
import { ingestLlmfitSnapshot } from "./llmfit/run";
import { ingestOpenRouter, OPENROUTER_MAP_FILE, parseRecordedDaily } from "./openrouter/run";
import { summaryLine } from "./report";
import { EPOCH_MODEL_MAP_FILE, BENCHMARKS_FILE } from "./scores/parse";
import { ingestScores } from "./scores/run";
import { readFile } from "node:fs/promises";

/**
 * What a fresh database gets on first start (issue 13): the curated dataset, then every cross-check
 * source the project ships under data/sources (Epoch AI, models.dev, vLLM recipes, the recorded Hugging
 * Face configs), then the scores, usage and adoption shipped beside them, so that "other sources" on a
 * model page, /data-quality and the capability and usage charts are not empty for a new user.
 * The cross-checks only add values beside the curated ones; none of them creates a model here.
 */
export const SHIPPED = {
  curated: "data/curated",
  epoch: "data/sources/epoch/notable_ai_models_2026-02.csv",
  hfConfigs: "data/sources/hf/configs",
  exclusions: "data/excluded.yaml",
  benchmarks: BENCHMARKS_FILE,
  cardScores: "data/scores",
  epochBenchmarks: "data/sources/epoch-benchmarks",
  epochModelMap: EPOCH_MODEL_MAP_FILE,
  openrouter: "data/sources/openrouter/rankings-daily_2026-05-24_2026-08-21.json",
  openrouterMap: OPENROUTER_MAP_FILE,
  hfAdoption: "data/sources/hf-adoption/llmfit_hf_models_2026-03.json",
  modelsdev: SOURCES.modelsdev.files.shipped,
  /** The day the recorded configs were copied into the project: their retrieval date. */
  hfConfigsTakenAt: new Date("2026-11-29T00:00:00Z"),
} as const;

export async function loadShippedSources(db: PrismaClient, root: string, log: (line: string) => void, progress?: (source: string) => (done: number, total: number) => void): Promise<void> {
  const at = (p: string) => path.join(root, p);
  const curated = await ingestCurated(db, at(SHIPPED.curated), { onProgress: progress?.("curated") });
  log(`loaded ${curated.created} models from the curated dataset`);
  const runs = [
    () => ingestEpoch(db, { file: at(SHIPPED.epoch), onProgress: progress?.("epoch") }),
    // Every file-based cross-check source of the registry, from the copy it ships.
    ...CROSS_CHECK_SOURCES.map((source) => () =>
      ingestCrossCheck(db, { source, dir: at(SOURCES[source].files.shipped), exclusions: at(SHIPPED.exclusions), onProgress: progress?.(source) }),
    ),
    () => ingestHf(db, { source: new HfRecordedSource(at(SHIPPED.hfConfigs), SHIPPED.hfConfigsTakenAt), targets: { repos: [], orgs: [], recorded: true }, onProgress: progress?.("hf") }),
  ];
  for (const run of runs) log(summaryLine(await run()));
  // Scores, usage and adoption (issue 14), from the copies the project ships.
  const scores = await ingestScores(db, {
    benchmarks: at(SHIPPED.benchmarks), epochDir: at(SHIPPED.epochBenchmarks), epochMap: at(SHIPPED.epochModelMap),
    modelsdevDir: at(SOURCES.modelsdev.files.shipped), cardsDir: at(SHIPPED.cardScores), exclusions: at(SHIPPED.exclusions),
  });
  for (const r of scores) log(summaryLine(r));
  const days = parseRecordedDaily(await readFile(at(SHIPPED.openrouter), "utf8"));
  log(summaryLine(await ingestOpenRouter(db, { days, mapFile: at(SHIPPED.openrouterMap) })));
  log(summaryLine(await ingestLlmfitSnapshot(db, { file: at(SHIPPED.hfAdoption) })));
}
