import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { loadIngestLookup, type MatchableModel } from "@/lib/data/ingest-lookup";
import type { FieldInputs } from "@/lib/data/write-path";
import { todayUtc } from "@/lib/domain/model-rules";
import type { IngestedSource } from "@/lib/domain/sources";
import type { Exclusions } from "./exclusions";
import { similarNames } from "@/lib/domain/naming";
import { recordWrite, type IngestReport } from "./report";
import { withIngestRun } from "./run-loop";
import { checkSourceInputs } from "./sanity";
import { writeSourceValues, type SourceWriteHooks } from "./source-write";

/**
 * The run loop of the file-based cross-check sources (models.dev, vLLM recipes): each source parses its
 * files into items; this matches them to our models (by Hugging Face repo id, else by the same-release
 * entries of data/excluded.yaml), sanity-checks each value against the other sources' values, and writes
 * them through the single write path as values of that source. Nothing here creates a model: these
 * sources name no license, so a missing release is listed as a candidate to curate.
 */
export interface SourceItem {
  /** How reports name it: "models/nvidia/nemotron-3-ultra.toml". */
  item: string;
  /** The file's path as data/excluded.yaml names it. */
  path: string;
  /** The Hugging Face repo id the source links, if any. */
  repoId: string | null;
  name: string;
  inputs: FieldInputs;
  /** What the parser noticed (a month-only date it skipped, a value it could not read). */
  problems: string[];
  /** Benchmark scores the file reports (models.dev's [[benchmarks]]), read by the scores ingester. */
  scores?: ReportedScore[];
  /** The release day the file states, when it states one (a developer's claim is dated by it). */
  releaseDate?: string | null;
}

export interface ReportedScore {
  name: string;
  score: number;
  metric: string | null;
  harness: string | null;
  variant: string | null;
  source: string | null;
}

export interface SourceFolder {
  items: SourceItem[];
  /** Files that could not be read at all: reported as failures, never skipped silently. */
  errors: { item: string; message: string }[];
}

/**
 * Every file `models/<group>/<name>` under `dir` that ends with one of `extensions`, in name order, each
 * parsed by `parse` (null: not an item, e.g. a closed model). `layout` says in the error what a copy of
 * the source looks like.
 */
export async function readSourceFolder(
  dir: string,
  layout: string,
  extensions: readonly string[],
  parse: (group: string, name: string, text: string) => SourceItem | null,
): Promise<SourceFolder> {
  const root = path.join(dir, "models");
  const groups = await readdir(root, { withFileTypes: true }).catch((e: NodeJS.ErrnoException) => {
    throw new Error(`cannot read ${root} (${e.code ?? e.message}): name a copy of ${layout}`);
  });
  const folder: SourceFolder = { items: [], errors: [] };
  for (const group of groups.filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    for (const name of (await readdir(path.join(root, group))).filter((f) => extensions.some((x) => f.endsWith(x))).sort()) {
      try {
        const item = parse(group, name, await readFile(path.join(root, group, name), "utf8"));
        if (item) folder.items.push(item);
      } catch (e) {
        folder.errors.push({ item: `models/${group}/${name}`, message: (e as Error).message });
      }
    }
  }
  return folder;
}

export interface SourceRunOptions {
  source: Extract<IngestedSource, "modelsdev" | "vllm-recipes">;
  items: SourceItem[];
  errors: SourceFolder["errors"];
  exclusions: Exclusions;
  dryRun?: boolean;
  today?: string;
  onProgress?: (done: number, total: number) => void;
  hooks?: SourceWriteHooks;
}

type Match = { kind: "matched"; slug: string; by: "repo" | "listing" } | { kind: "excluded"; rule: string } | { kind: "unmatched"; reason: string; similar: string[] };

/** The model a source's item is of: by repo id, else by data/excluded.yaml's same-release entry. */
export function matchItem(item: SourceItem, models: MatchableModel[], options: Pick<SourceRunOptions, "source" | "exclusions">): Match {
  if (item.repoId) {
    const id = item.repoId.toLowerCase();
    const byRepo = models.find((m) => m.hfRepoId?.toLowerCase() === id);
    if (byRepo) return { kind: "matched", slug: byRepo.slug, by: "repo" };
  }
  const excluded = options.exclusions.forPath(options.source, item.path);
  if (excluded?.rule === "same-release") {
    if (models.some((m) => m.slug === excluded.slug)) return { kind: "matched", slug: excluded.slug!, by: "listing" };
    return { kind: "unmatched", reason: `data/excluded.yaml says it is ${excluded.slug}, which is not in the database`, similar: [] };
  }
  if (excluded) return { kind: "excluded", rule: excluded.rule };
  return {
    kind: "unmatched",
    reason: item.repoId ? `no model has the repo id ${item.repoId}: curate it (data/curated) or list it in data/excluded.yaml` : "no weights link and no entry in data/excluded.yaml",
    similar: similarNames(item.name, models),
  };
}

/**
 * Several items claiming one model. The file that links the model's own repo speaks for it over hosts'
 * listings of the same release (data/excluded.yaml's same-release entries), which may carry the host's
 * date or context limit; otherwise the items are written only when their values agree.
 */
function pickClaim(claims: { item: SourceItem; by: "repo" | "listing" }[]): { inputs: FieldInputs; passedOver: SourceItem[] } | { conflict: string } {
  const byRepo = claims.filter((c) => c.by === "repo");
  if (byRepo.length === 1 && claims.length > 1) return { inputs: byRepo[0]!.item.inputs, passedOver: claims.filter((c) => c.by !== "repo").map((c) => c.item) };
  const merged = mergeClaims(claims.map((c) => c.item));
  return "conflict" in merged ? merged : { ...merged, passedOver: [] };
}

/** Items claiming one model on an equal footing: written only when their values agree. */
function mergeClaims(items: SourceItem[]): { inputs: FieldInputs } | { conflict: string } {
  const merged: Record<string, { value: unknown; url: string }> = {};
  for (const item of items) {
    for (const [field, input] of Object.entries(item.inputs) as [string, { value: unknown; url: string }][]) {
      const held = merged[field];
      if (!held) merged[field] = input;
      else if (JSON.stringify(held.value) !== JSON.stringify(input.value)) {
        return { conflict: `${field}: ${JSON.stringify(held.value)} vs ${JSON.stringify(input.value)}` };
      }
    }
  }
  return { inputs: merged as FieldInputs };
}

export async function runSourceItems(db: PrismaClient, options: SourceRunOptions): Promise<IngestReport> {
  const today = options.today ?? todayUtc();
  const dryRun = options.dryRun ?? false;
  return withIngestRun(db, options.source, dryRun, async (report, batch) => {
    for (const e of options.errors) {
      report.failed++;
      report.failures.push(e);
    }
    const lookup = await loadIngestLookup(db);
    const bySlug = new Map<string, { item: SourceItem; by: "repo" | "listing" }[]>();
    const excludedByRule = new Map<string, number>();
    for (const item of options.items) {
      for (const p of item.problems) report.notes.push(`${item.item}: ${p}`);
      const match = matchItem(item, lookup.models, options);
      if (match.kind === "matched") bySlug.set(match.slug, [...(bySlug.get(match.slug) ?? []), { item, by: match.by }]);
      else if (match.kind === "excluded") excludedByRule.set(match.rule, (excludedByRule.get(match.rule) ?? 0) + 1);
      else report.candidates.push({ item: item.item, reason: match.reason, similar: match.similar });
    }
    report.total = bySlug.size;
    report.notes.push(
      `${options.items.length + options.errors.length} files: ${[...bySlug.values()].reduce((n, l) => n + l.length, 0)} matched to ${bySlug.size} models, ` +
        `${report.candidates.length} unmatched, ${[...excludedByRule.values()].reduce((a, b) => a + b, 0)} excluded by data/excluded.yaml` +
        [...excludedByRule.entries()].map(([rule, n]) => ` (${n} ${rule})`).join(""),
    );

    let done = 0;
    for (const [slug, claims] of bySlug) {
      const label = claims.map((c) => c.item.item).join(" + ");
      try {
        const picked = pickClaim(claims);
        if ("conflict" in picked) {
          report.candidates.push({ item: label, reason: `all claim ${slug} but disagree (${picked.conflict}): none written`, similar: [slug] });
          continue;
        }
        if (picked.passedOver.length) {
          report.notes.push(`${slug}: written from the file that links its repo; hosts' listings of it not written: ${picked.passedOver.map((i) => i.item).join(", ")}`);
        }
        const model = lookup.models.find((m) => m.slug === slug)!;
        const { inputs, refused } = checkSourceInputs(picked.inputs, model, options.source, today);
        report.refused.push(...refused.map((r) => ({ item: label, ...r })));
        const out = await writeSourceValues(db, { slug, inputs, batch, today, dryRun }, options.hooks);
        recordWrite(report, label, slug, out);
      } finally {
        options.onProgress?.(++done, bySlug.size);
      }
    }
  });
}
