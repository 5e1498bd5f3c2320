import path from "node:path";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { loadIngestLookup, type IngestLookup } from "@/lib/data/ingest-lookup";
import { replaceScores, syncBenchmarks, type ScoreRow } from "@/lib/data/write-path";
import { scoreInputSchema } from "@/lib/schemas/measures";
import { loadExclusions, type Exclusions } from "../exclusions";
import { readModelsDevDir } from "../modelsdev/parse";
import type { IngestReport } from "../report";
import { withIngestRun } from "../run-loop";
import { matchItem } from "../source-run";
import {
  emptyParsedScores,
  loadBenchmarkRegistry,
  loadEpochModelMap,
  readEpochExternal,
  readEpochRuns,
  readEpochVersionRepos,
  readCardScores,
  readModelsDevScores,
  type ParsedScores,
  type RawScore,
} from "./parse";

/**
 * The scores ingester (`npm run ingest -- scores`): Epoch AI's benchmark data (its own runs and the scores
 * it compiled) as source `epoch-benchmarks`, and the [[benchmarks]] of models.dev's files as source
 * `modelsdev`. Each runs in its own IngestRun; each source's set of scores replaces what it held, in one
 * transaction, so a killed run leaves the previous set whole. Scores of models the atlas has no record of
 * are counted, not stored.
 */
export interface ScoresOptions {
  /** data/benchmarks.yaml */
  benchmarks: string;
  /** data/sources/epoch-benchmarks */
  epochDir: string;
  /** data/mappings/epoch-models.yaml */
  epochMap: string;
  /** data/sources/modelsdev */
  modelsdevDir: string;
  /** data/scores: scores read from developers' own model cards */
  cardsDir: string;
  exclusions: string;
  dryRun?: boolean;
}

/** Who a raw score is of (a slug), or why it is of nobody we hold. */
function resolveModel(s: RawScore, lookup: IngestLookup, epochMap: Map<string, string>, versionRepos: Map<string, string>, exclusions: Exclusions): string | { unmatched: string } {
  if (s.ref.kind === "slug") {
    const slug = s.ref.slug;
    return lookup.models.some((m) => m.slug === slug) ? slug : { unmatched: `data/scores names ${slug}, which is not in the database` };
  }
  if (s.ref.kind === "epoch-version") {
    const mapped = epochMap.get(s.ref.id);
    if (mapped) return lookup.models.some((m) => m.slug === mapped) ? mapped : { unmatched: `data/mappings/epoch-models.yaml maps to ${mapped}, which is not in the database` };
    const repo = versionRepos.get(s.ref.id)?.toLowerCase();
    const byRepo = repo ? lookup.models.find((m) => m.hfRepoId?.toLowerCase() === repo) : undefined;
    return byRepo ? byRepo.slug : { unmatched: "Epoch model version with no atlas record (data/mappings/epoch-models.yaml)" };
  }
  const match = matchItem(s.ref.item, lookup.models, { source: "modelsdev", exclusions });
  return match.kind === "matched" ? match.slug : { unmatched: "models.dev file of a model with no atlas record" };
}

/** Raw scores -> rows to store: matched, attributed (independent or the developer's own), deduplicated. */
export function toScoreRows(parsed: ParsedScores, lookup: IngestLookup, epochMap: Map<string, string>, versionRepos: Map<string, string>, exclusions: Exclusions, report: IngestReport): ScoreRow[] {
  const orgName = new Map(lookup.organizations.map((o) => [o.slug, o.name]));
  const developersOf = new Map(lookup.models.map((m) => [m.slug, m.developers]));
  const unmatched = new Map<string, number>();
  const rows = new Map<string, ScoreRow>();
  for (const s of parsed.scores) {
    const slug = resolveModel(s, lookup, epochMap, versionRepos, exclusions);
    if (typeof slug !== "string") {
      unmatched.set(slug.unmatched, (unmatched.get(slug.unmatched) ?? 0) + 1);
      continue;
    }
    const developers = developersOf.get(slug) ?? [];
    let measuredBy: ScoreRow["measuredBy"];
    let evaluator: string;
    if (s.evaluator.independent) {
      measuredBy = "independent";
      evaluator = s.evaluator.name;
    } else if (s.evaluator.org === null) {
      // A developer's own claim (a model card or announcement): credited to the primary developer.
      measuredBy = "developer";
      evaluator = orgName.get(developers[0] ?? "") ?? developers[0] ?? "the developer";
    } else {
      // A paper's authors ran it: their own model's score is a developer claim, a baseline's is not.
      measuredBy = developers.includes(s.evaluator.org) ? "developer" : "independent";
      evaluator = s.evaluator.name ?? orgName.get(s.evaluator.org) ?? s.evaluator.org;
    }
    const row: ScoreRow = { slug, benchmarkId: s.benchmarkId, value: s.value, metric: s.metric, setting: s.setting, measuredBy, evaluator, publishedOn: s.publishedOn, sourceUrl: s.sourceUrl };
    const checked = scoreInputSchema.safeParse({ benchmarkId: row.benchmarkId, value: row.value, metric: row.metric, setting: row.setting, measuredBy, evaluator, publishedOn: row.publishedOn, sourceUrl: row.sourceUrl });
    if (!checked.success) {
      report.failed++;
      report.failures.push({ item: `${slug} ${s.benchmarkId}`, message: checked.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") });
      continue;
    }
    const key = [slug, row.benchmarkId, evaluator, row.setting].join("\u0000");
    const held = rows.get(key);
    // The same score twice (two Epoch ids of one release, two files of one model): the newer is kept.
    if (held) report.notes.push(`${slug} ${row.benchmarkId}: two scores by ${evaluator} with one setting; kept the ${held.publishedOn >= row.publishedOn ? "first" : "newer"} (${held.publishedOn >= row.publishedOn ? held.value : row.value})`);
    if (!held || row.publishedOn > held.publishedOn) rows.set(key, row);
  }
  for (const [reason, n] of [...unmatched].sort((a, b) => b[1] - a[1])) report.notes.push(`${n} scores not stored: ${reason}`);
  return [...rows.values()];
}

async function runOne(db: PrismaClient, source: "epoch-benchmarks" | "modelsdev" | "curated", parsed: ParsedScores, ctx: { epochMap: Map<string, string>; versionRepos: Map<string, string>; exclusions: Exclusions; benchmarks: Awaited<ReturnType<typeof loadBenchmarkRegistry>>; dryRun: boolean }): Promise<IngestReport> {
  return withIngestRun(db, source, ctx.dryRun, async (report, batch) => {
    for (const e of parsed.errors) {
      report.failed++;
      report.failures.push(e);
    }
    for (const [reason, n] of parsed.skipped) report.notes.push(`${n} rows skipped: ${reason}`);
    const lookup = await loadIngestLookup(db);
    const rows = toScoreRows(parsed, lookup, ctx.epochMap, ctx.versionRepos, ctx.exclusions, report);
    report.total = rows.length;
    if (ctx.dryRun) return;
    const counts = await db.$transaction(
      async (tx) => {
        await syncBenchmarks(tx, ctx.benchmarks.benchmarks.map((b) => ({ id: b.id, name: b.name, test: b.test, category: b.category, unit: b.unit, higherIsBetter: b.higherIsBetter, setting: b.setting, description: b.description, url: b.url })));
        return replaceScores(tx, batch, rows);
      },
      { timeout: 120_000 },
    );
    report.created += counts.created;
    report.updated += counts.updated;
    report.unchanged += counts.unchanged;
    if (counts.deleted) report.notes.push(`${counts.deleted} scores this source no longer holds were removed`);
    report.notes.push(`${new Set(rows.map((r) => r.slug)).size} models, ${new Set(rows.map((r) => r.benchmarkId)).size} benchmarks`);
  });
}

export async function ingestScores(db: PrismaClient, options: ScoresOptions): Promise<IngestReport[]> {
  const benchmarks = await loadBenchmarkRegistry(options.benchmarks);
  const ctx = {
    benchmarks,
    epochMap: await loadEpochModelMap(options.epochMap),
    versionRepos: await readEpochVersionRepos(options.epochDir),
    exclusions: await loadExclusions(options.exclusions),
    dryRun: options.dryRun ?? false,
  };
  const epoch = emptyParsedScores();
  await readEpochRuns(options.epochDir, benchmarks, epoch);
  await readEpochExternal(options.epochDir, benchmarks, epoch);
  const modelsdev = emptyParsedScores();
  const folder = await readModelsDevDir(path.resolve(options.modelsdevDir));
  modelsdev.errors.push(...folder.errors);
  readModelsDevScores(folder.items, benchmarks, modelsdev);
  const cards = emptyParsedScores();
  await readCardScores(options.cardsDir, benchmarks, cards);
  return [await runOne(db, "epoch-benchmarks", epoch, ctx), await runOne(db, "modelsdev", modelsdev, ctx), await runOne(db, "curated", cards, ctx)];
}
