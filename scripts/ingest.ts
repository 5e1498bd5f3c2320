// npm run ingest -- curated [DIR]          load the curated dataset (default data/curated) through the write path.
// npm run ingest -- hf [--repo ...] ...    Hugging Face Hub (or recorded answers with --from-dir).
// npm run ingest -- discover ...           new releases of the tracked Hub authors, queued for review.
// npm run ingest -- epoch FILE.csv ...     Epoch AI's "Data on AI Models" CSV.
// npm run ingest -- <cross-check> DIR      a copy of a file-based source (models.dev, vLLM recipes: see the source registry).
// Run without arguments for the options.
import path from "node:path";
import { readEnv } from "@/lib/env";
import { ingestCrossCheck } from "@/lib/ingest/cross-check-run";
import { ingestCurated } from "@/lib/ingest/curated/run";
import { discoverReleases } from "@/lib/ingest/discover/run";
import { loadTrackedAuthors } from "@/lib/ingest/discover/tracked";
import { ingestEpoch, readEpochRecords } from "@/lib/ingest/epoch/run";
import { forEachHfRecord, resolveHfTargets, type HfRecord } from "@/lib/ingest/hf/records";
import { ingestHf } from "@/lib/ingest/hf/run";
import { HfRecordedSource, type HfSource } from "@/lib/ingest/hf/source";
import { formatReport, type IngestReport } from "@/lib/ingest/report";
import { parseIngestArgs, UsageError } from "@/lib/schemas/ingest-cli";
import { readFile } from "node:fs/promises";
import { ingestLlmfitSnapshot } from "@/lib/ingest/llmfit/run";
import { fetchLiveDaily, ingestOpenRouter, parseRecordedDaily } from "@/lib/ingest/openrouter/run";
import { ingestScores } from "@/lib/ingest/scores/run";
import { SHIPPED } from "@/lib/ingest/shipped-sources";
import { hubFromEnv, progress, runMain, withDatabase } from "./cli";

function hfSource(cmd: { fromDir?: string; takenAt?: string; concurrency: number }): HfSource {
  if (cmd.fromDir) return new HfRecordedSource(path.resolve(cmd.fromDir), cmd.takenAt ? new Date(cmd.takenAt) : undefined);
  return hubFromEnv(readEnv(), { concurrency: cmd.concurrency });
}

function printReport(r: IngestReport, verbose: boolean): void {
  console.log(formatReport(r, verbose ? Infinity : 25).join("\n"));
}

await runMain(async () => {
  const cmd = parseIngestArgs(process.argv.slice(2));

  if (cmd.source === "curated") {
    const dir = path.resolve(cmd.dir ?? "data/curated");
    await withDatabase(async (db) => {
      const s = await ingestCurated(db, dir, { onProgress: progress("curated") });
      const changes = s.created + s.updated + s.licensesChanged + s.organizationsChanged;
      console.log(
        `curated run #${s.runId}: ${s.created} created, ${s.updated} updated, ${s.unchanged} unchanged ` +
          `(${s.licensesChanged} licenses and ${s.organizationsChanged} organizations changed)` +
          (changes === 0 ? " — no changes" : ""),
      );
    });
    return;
  }

  if (cmd.source === "hf") {
    const source = hfSource(cmd);
    const targets = { repos: cmd.repos, orgs: cmd.orgs, recorded: Boolean(cmd.fromDir) && !cmd.repos.length && !cmd.orgs.length, all: cmd.all };
    if (cmd.json) {
      // No database: parse and print what the ingester would derive.
      const { repoIds, notes, failures } = await resolveHfTargets(source, targets, cmd.minParams);
      const records: HfRecord[] = [];
      const bar = progress("hf");
      let done = 0;
      await forEachHfRecord(source, repoIds, async (id, result) => {
        if ("record" in result) records.push(result.record);
        else failures.push({ item: id, message: result.error });
        bar(++done, repoIds.length);
      });
      console.log(JSON.stringify({ source: source.description, records, failures, notes }, null, 2));
      if (failures.length) process.exitCode = 1;
      return;
    }
    const report = await withDatabase((db) =>
      ingestHf(db, { source, targets, minParams: cmd.minParams, create: cmd.create, dryRun: cmd.dryRun, onProgress: progress("hf") }),
    );
    printReport(report, cmd.verbose);
    if (report.total > 0 && report.failed >= report.total) process.exitCode = 1;
    return;
  }

  if (cmd.source === "discover") {
    const tracked = await loadTrackedAuthors();
    const unknown = cmd.authors.filter((a) => !tracked.some((t) => t.author.toLowerCase() === a.toLowerCase()));
    if (unknown.length) throw new UsageError(`not in data/tracked-orgs.yaml: ${unknown.join(", ")} (add the author there, with its organization)`);
    const authors = cmd.authors.length ? tracked.filter((t) => cmd.authors.some((a) => a.toLowerCase() === t.author.toLowerCase())) : tracked;
    const report = await withDatabase((db) => discoverReleases(db, { source: hfSource(cmd), authors, perAuthor: cmd.limit, dryRun: cmd.dryRun, onProgress: progress("discover") }));
    printReport(report, cmd.verbose);
    if (report.total > 0 && report.failed >= report.total) process.exitCode = 1;
    return;
  }

  if (cmd.source === "scores" || cmd.source === "openrouter" || cmd.source === "adoption") {
    const reports = await withDatabase(async (db): Promise<IngestReport[]> => {
      if (cmd.source === "scores") {
        return ingestScores(db, {
          benchmarks: path.resolve(SHIPPED.benchmarks), epochDir: path.resolve(SHIPPED.epochBenchmarks), epochMap: path.resolve(SHIPPED.epochModelMap),
          modelsdevDir: path.resolve(SHIPPED.modelsdev), cardsDir: path.resolve(SHIPPED.cardScores), exclusions: path.resolve(SHIPPED.exclusions), dryRun: cmd.dryRun,
        });
      }
      if (cmd.source === "openrouter") {
        const env = readEnv();
        if (cmd.live && !env.OPENROUTER_API_KEY) throw new UsageError("--live needs OPENROUTER_API_KEY (an OpenRouter API key) in the environment");
        const days = cmd.live ? await fetchLiveDaily(env.OPENROUTER_ENDPOINT, env.OPENROUTER_API_KEY!) : parseRecordedDaily(await readFile(path.resolve(cmd.file ?? SHIPPED.openrouter), "utf8"));
        return [await ingestOpenRouter(db, { days, mapFile: path.resolve(SHIPPED.openrouterMap), dryRun: cmd.dryRun })];
      }
      return [await ingestLlmfitSnapshot(db, { file: path.resolve(cmd.file ?? SHIPPED.hfAdoption), dryRun: cmd.dryRun })];
    });
    for (const r of reports) printReport(r, cmd.verbose);
    if (reports.some((r) => r.total > 0 && r.failed >= r.total)) process.exitCode = 1;
    return;
  }

  // Left: Epoch, or one of the registry's file-based cross-check sources.
  if (cmd.source !== "epoch") {
    const report = await withDatabase((db) =>
      ingestCrossCheck(db, { source: cmd.source, dir: path.resolve(cmd.dir), exclusions: path.resolve(cmd.exclusions), dryRun: cmd.dryRun, onProgress: progress(cmd.source) }),
    );
    printReport(report, cmd.verbose);
    if (report.total > 0 && report.failed >= report.total) process.exitCode = 1;
    return;
  }

  if (cmd.json) {
    console.log(JSON.stringify(await readEpochRecords(path.resolve(cmd.file)), null, 2));
    return;
  }
  const report = await withDatabase((db) => ingestEpoch(db, { file: path.resolve(cmd.file), create: cmd.create, dryRun: cmd.dryRun, onProgress: progress("epoch") }));
  printReport(report, cmd.verbose);
  if (report.total > 0 && report.failed >= report.total) process.exitCode = 1;
});
