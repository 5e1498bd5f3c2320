import type { PrismaClient } from "@/lib/generated/prisma/client";
import { loadIngestLookup, type IngestLookup, type MatchableModel } from "@/lib/data/ingest-lookup";
import type { FieldInputs } from "@/lib/data/write-path";
import type { ModelField } from "@/lib/domain/model-fields";
import { todayUtc } from "@/lib/domain/model-rules";
import { slugSchema } from "@/lib/schemas/common";
import { forEachHfRecord, resolveHfTargets, type HfRecord, type HfTargets } from "./records";
import type { HfSource } from "./source";
import { normalizeName, similarNames, variantFromName } from "@/lib/domain/naming";
import { recordWrite, type IngestReport } from "../report";
import { withIngestRun } from "../run-loop";
import { checkSourceInputs } from "../sanity";
import { writeSourceValues, type SourceWriteHooks } from "../source-write";

/**
 * The Hugging Face ingester (issue 7): repo ids, organizations, or every model of the database that has
 * a repo id -> model-info and config.json -> values of source kind "huggingface" through the write path.
 * Source rules and precedence: docs/decisions/005-ingesters.md.
 */
export interface HfRunOptions {
  source: HfSource;
  targets: Omit<HfTargets, "known"> & { /** Every model of the database that has a repo id. */ all?: boolean };
  /** Size floor for --org listings (safetensors total). */
  minParams?: number;
  create?: boolean;
  dryRun?: boolean;
  today?: string;
  onProgress?: (done: number, total: number) => void;
  hooks?: SourceWriteHooks;
}

export const DEFAULT_MIN_PARAMS = 1_000_000_000;
const TEXT_PIPELINES = new Set(["text-generation", "image-text-to-text"]);

/** The values this source states for a model, as write-path inputs, after sanity checks. */
export function hfFieldInputs(
  rec: HfRecord,
  licenseIds: ReadonlySet<string>,
  model: MatchableModel | null,
  today: string,
): { inputs: FieldInputs; refused: { field: ModelField; value: unknown; reason: string }[] } {
  const values: Partial<Record<ModelField, { value: unknown; url: string }>> = {};
  if (rec.info) {
    const i = rec.info;
    values.releaseDate = { value: i.releaseDate, url: rec.modelUrl };
    values.totalParams = { value: i.totalParams, url: rec.modelUrl };
    values.openWeights = { value: i.downloadable, url: rec.modelUrl };
    values.hfRepoId = { value: i.repoId, url: rec.modelUrl };
    let license = i.licenseId;
    if (license && !licenseIds.has(license)) license = null;
    values.licenseId = { value: license, url: rec.modelUrl };
  }
  // A config that is missing (404) says "no values"; one we could not read or that is not recorded says nothing.
  if (rec.configState === "parsed" || rec.configState === "missing") {
    const c = rec.config;
    for (const field of ["architecture", "routedExperts", "expertsPerToken", "sharedExperts", "maxPositionEmbeddings"] as const) {
      values[field] = { value: c?.[field] ?? null, url: rec.configUrl };
    }
  }
  return checkSourceInputs(values as FieldInputs, model, "huggingface", today);
}

/** The organization of a Hub author: the organization of the models we already list under that author. */
function organizationOfAuthor(author: string, lookup: IngestLookup): string | null {
  const counts = new Map<string, number>();
  for (const m of lookup.models) {
    if (m.hfRepoId?.toLowerCase().startsWith(`${author.toLowerCase()}/`) && m.developers[0]) {
      counts.set(m.developers[0], (counts.get(m.developers[0]) ?? 0) + 1);
    }
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/** A new model from a repo (with --create): only when every required value is known. */
export function hfCreateInputs(rec: HfRecord, lookup: IngestLookup, base: FieldInputs): { slug: string; inputs: FieldInputs } | { reason: string } {
  const i = rec.info;
  if (!i) return { reason: "no model-info answer: cannot create" };
  if (!i.pipelineTag || !TEXT_PIPELINES.has(i.pipelineTag)) return { reason: `pipeline "${i.pipelineTag ?? "unknown"}" is not text generation: not created` };
  const name = rec.repoId.split("/")[1]!;
  const slug = name.toLowerCase();
  if (!slugSchema.safeParse(slug).success) return { reason: `"${slug}" cannot be a slug: not created` };
  if (lookup.models.some((m) => m.slug === slug)) return { reason: `the slug ${slug} is taken by another model: not created` };
  const org = organizationOfAuthor(rec.repoId.split("/")[0]!, lookup);
  if (!org) return { reason: `no organization of ours publishes under "${rec.repoId.split("/")[0]}": add it to data/curated first` };
  if (base.openWeights?.value !== true) return { reason: "the Hub does not say the weights are public: not created" };
  const missing: ModelField[] = (["releaseDate", "licenseId", "architecture"] as const).filter((f) => base[f]?.value == null);
  if (base.architecture?.value === "moe") missing.push(...(["routedExperts", "expertsPerToken"] as const).filter((f) => base[f]?.value == null));
  if (missing.length) return { reason: `unknown ${missing.join(", ")}: not created` };
  const url = rec.modelUrl;
  return {
    slug,
    inputs: {
      ...base,
      name: { value: name, url },
      family: { value: name, url },
      variant: { value: variantFromName(name), url },
      developers: { value: [org], url },
      modalities: { value: i.pipelineTag === "image-text-to-text" ? ["text", "image"] : ["text"], url },
    },
  };
}

export async function ingestHf(db: PrismaClient, options: HfRunOptions): Promise<IngestReport> {
  const today = options.today ?? todayUtc();
  const dryRun = options.dryRun ?? false;
  return withIngestRun(db, "huggingface", dryRun, async (report, batch) => {
    let lookup = await loadIngestLookup(db);
    const known = options.targets.all ? lookup.models.filter((m) => m.hfRepoId).map((m) => m.hfRepoId!) : [];
    const { repoIds, notes, failures } = await resolveHfTargets(options.source, { ...options.targets, known }, options.minParams ?? DEFAULT_MIN_PARAMS);
    report.notes.push(...notes);
    report.failures.push(...failures);
    report.failed += failures.length;
    report.total = repoIds.length;
    const licenseIds = new Set(lookup.licenses.map((l) => l.id));
    let done = 0;

    await forEachHfRecord(options.source, repoIds, async (id, result) => {
      try {
        if ("error" in result) {
          report.failed++;
          report.failures.push({ item: id, message: result.error });
          return;
        }
        const rec = result.record;
        for (const p of rec.problems) report.notes.push(`${rec.repoId}: ${p}`);
        const keys = new Set([rec.requestedId.toLowerCase(), rec.repoId.toLowerCase()]);
        const model = lookup.models.find((m) => m.hfRepoId && keys.has(m.hfRepoId.toLowerCase())) ?? null;
        const { inputs, refused } = hfFieldInputs(rec, licenseIds, model, today);
        report.refused.push(...refused.map((r) => ({ item: rec.repoId, ...r })));

        let slug: string;
        if (model) {
          slug = model.slug;
        } else {
          const repoName = rec.repoId.split("/")[1] ?? rec.repoId;
          const org = rec.repoId.split("/")[0]!.toLowerCase();
          const sameOrg = lookup.models.filter((m) => m.hfRepoId?.toLowerCase().startsWith(`${org}/`));
          const similar = similarNames(repoName, sameOrg.map((m) => ({ slug: m.slug, name: m.hfRepoId!.split("/")[1]! })));
          const exact = sameOrg.filter((m) => normalizeName(m.hfRepoId!.split("/")[1]!) === normalizeName(repoName)).map((m) => m.slug);
          if (!options.create) {
            report.candidates.push({ item: rec.repoId, reason: "no model has this repo id", similar: [...exact, ...similar] });
            return;
          }
          const created = hfCreateInputs(rec, lookup, inputs);
          if ("reason" in created) {
            report.candidates.push({ item: rec.repoId, reason: created.reason, similar: [...exact, ...similar] });
            return;
          }
          slug = created.slug;
          Object.assign(inputs, created.inputs);
        }

        const adoption =
          rec.info && rec.takenAt && (rec.info.downloads != null || rec.info.likes != null)
            ? { downloads: rec.info.downloads, likes: rec.info.likes, takenAt: new Date(rec.takenAt), url: rec.modelUrl }
            : undefined;
        const out = await writeSourceValues(db, { slug, inputs, batch, today, adoption, dryRun }, options.hooks);
        recordWrite(report, rec.repoId, slug, out);
        if (out.outcome === "failed") return;
        // A created model is now matchable (two requested ids may name the same repo).
        if (out.outcome === "created" && !dryRun) lookup = await loadIngestLookup(db);
      } finally {
        options.onProgress?.(++done, repoIds.length);
      }
    });
  });
}
