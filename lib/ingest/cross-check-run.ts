import type { PrismaClient } from "@/lib/generated/prisma/client";
import { loadExclusions } from "./exclusions";
import { readModelsDevDir } from "./modelsdev/parse";
import type { IngestReport } from "./report";
import { runSourceItems } from "./source-run";
import type { SourceWriteHooks } from "./source-write";
import { readRecipesDir } from "./vllm-recipes/parse";

/** The file-based cross-check sources and the reader of each one's folder. */
const READERS = { modelsdev: readModelsDevDir, "vllm-recipes": readRecipesDir } as const;
export type CrossCheckSource = keyof typeof READERS;

export async function ingestCrossCheck(
  db: PrismaClient,
  options: { source: CrossCheckSource; dir: string; exclusions: string; dryRun?: boolean; today?: string; onProgress?: (done: number, total: number) => void; hooks?: SourceWriteHooks },
): Promise<IngestReport> {
  const [{ items, errors }, exclusions] = await Promise.all([READERS[options.source](options.dir), loadExclusions(options.exclusions)]);
  return runSourceItems(db, { ...options, items, errors, exclusions });
}
