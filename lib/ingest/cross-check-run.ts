import type { CrossCheckSource } from "@/lib/domain/sources";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { loadExclusions } from "./exclusions";
import { readModelsDevDir } from "./modelsdev/parse";
import type { IngestReport } from "./report";
import { runSourceItems } from "./source-run";
import type { SourceWriteHooks } from "./source-write";
import { readRecipesDir } from "./vllm-recipes/parse";

/** The reader of each file-based cross-check source's folder (the sources are in the registry). */
const READERS: Record<CrossCheckSource, typeof readModelsDevDir> = { modelsdev: readModelsDevDir, "vllm-recipes": readRecipesDir };

export async function ingestCrossCheck(
  db: PrismaClient,
  options: { source: CrossCheckSource; dir: string; exclusions: string; dryRun?: boolean; today?: string; onProgress?: (done: number, total: number) => void; hooks?: SourceWriteHooks },
): Promise<IngestReport> {
  const [{ items, errors }, exclusions] = await Promise.all([READERS[options.source](options.dir), loadExclusions(options.exclusions)]);
  return runSourceItems(db, { ...options, items, errors, exclusions });
}
