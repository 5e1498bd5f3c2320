import { readFile } from "node:fs/promises";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { loadIngestLookup, type IngestLookup, type MatchableModel } from "@/lib/data/ingest-lookup";
import type { FieldInputs } from "@/lib/data/write-path";
import type { ModelField } from "@/lib/domain/model-fields";
import { todayUtc } from "@/lib/domain/model-rules";
import { slugSchema } from "@/lib/schemas/common";
import { EPOCH_URL, epochScope, modalitiesFromDomain, parseEpochCsv, type EpochRecord } from "./parse";
import { matchEpochRecord } from "./match";
import { OrganizationMatcher } from "./orgs";
import { slugFromName, variantFromName } from "@/lib/domain/naming";
import { recordWrite, type IngestReport } from "../report";
import { withIngestRun } from "../run-loop";
import { checkSourceInputs, type Refusal } from "../sanity";
import { writeSourceValues, type SourceWriteHooks } from "../source-write";

/**
 * The Epoch AI ingester (issue 7): rows of Epoch's CSV in our scope -> matched to our models (by Hugging
 * Face repo id, then by normalized name and organization) -> values of source kind "epoch" through the
 * write path. Unmatched rows are candidates, created only with --create. docs/decisions/005-ingesters.md.
 */
export interface EpochRunOptions {
  file: string;
  create?: boolean;
  dryRun?: boolean;
  today?: string;
  onProgress?: (done: number, total: number) => void;
  hooks?: SourceWriteHooks;
}

/** Epoch's values for a matched model, after sanity checks against the other sources' values. */
export function epochFieldInputs(
  r: EpochRecord,
  model: MatchableModel | null,
  licenses: ReadonlyMap<string, string>,
  today: string,
): { inputs: FieldInputs; refused: { field: ModelField; value: unknown; reason: string }[] } {
  const refused: Refusal[] = [];
  const url = EPOCH_URL;
  let licenseId: string | null = null;
  if (r.licenseId) {
    const category = licenses.get(r.licenseId);
    if (category === undefined) {
      refused.push({ field: "licenseId", value: r.licenseId, reason: "not in the license table" });
    } else if (r.licenseCategory && category !== r.licenseCategory) {
      refused.push({ field: "licenseId", value: r.licenseId, reason: `Epoch files the model as ${r.licenseCategory} but its notes name a ${category} license` });
    } else {
      licenseId = r.licenseId;
    }
  }
  const checked = checkSourceInputs(
    {
      totalParams: { value: r.totalParams, url },
      activeParams: { value: r.activeParams, url },
      announcedDate: { value: r.publicationDate, url },
      openWeights: { value: r.openWeights, url },
      licenseId: { value: licenseId, url },
      contextWindow: { value: r.contextWindow, url },
    },
    model,
    "epoch",
    today,
  );
  return { inputs: checked.inputs, refused: [...refused, ...checked.refused] };
}

/** A new model from a row (with --create): only when every required value is known. */
export function epochCreateInputs(r: EpochRecord, orgSlugs: string[], lookup: IngestLookup, base: FieldInputs): { slug: string; inputs: FieldInputs } | { reason: string } {
  const slug = slugFromName(r.name);
  if (!slugSchema.safeParse(slug).success) return { reason: `"${slug}" cannot be a slug: not created` };
  if (lookup.models.some((m) => m.slug === slug)) return { reason: `the slug ${slug} is taken by another model: not created` };
  if (!orgSlugs.length) return { reason: `none of its organizations (${r.organizations.join(", ") || "none"}) is one of ours: not created` };
  if (!r.publicationDate) return { reason: "no publication date: not created" };
  if (base.licenseId?.value == null) return { reason: "the license is unknown (Epoch's notes name none we can use): not created" };
  if (r.architecture === "moe") {
    return { reason: "a mixture of experts (Epoch has no expert counts): not created; create it from Hugging Face (hf --repo ... --create), or curate it" };
  }
  if (r.architecture !== "dense") {
    return { reason: "Epoch does not say whether it is dense or a mixture of experts: not created; create it from Hugging Face (hf --repo ... --create), or curate it" };
  }
  const url = EPOCH_URL;
  const repo = r.hfRepoIds.length === 1 && !lookup.models.some((m) => m.hfRepoId?.toLowerCase() === r.hfRepoIds[0]!.toLowerCase()) ? r.hfRepoIds[0]! : null;
  return {
    slug,
    inputs: {
      ...base,
      name: { value: r.name, url },
      family: { value: r.name, url },
      variant: { value: variantFromName(r.name), url },
      developers: { value: orgSlugs, url },
      releaseDate: { value: r.publicationDate, url },
      architecture: { value: "dense", url },
      modalities: { value: modalitiesFromDomain(r.domains), url },
      hfRepoId: { value: repo, url },
    },
  };
}

export async function ingestEpoch(db: PrismaClient, options: EpochRunOptions): Promise<IngestReport> {
  const today = options.today ?? todayUtc();
  const dryRun = options.dryRun ?? false;
  const text = await readFile(options.file, "utf8").catch((e: NodeJS.ErrnoException) => {
    throw new Error(`cannot read ${options.file} (${e.code ?? e.message})`);
  });
  return withIngestRun(db, "epoch", dryRun, async (report, batch) => {
    const file = parseEpochCsv(text);
    for (const e of file.errors) {
      report.failed++;
      report.failures.push({ item: `line ${e.line}`, message: e.message });
    }
    const skipped = new Map<string, number>();
    const kept: EpochRecord[] = [];
    for (const r of file.records) {
      const scope = epochScope(r);
      if (scope === "kept") kept.push(r);
      else skipped.set(scope, (skipped.get(scope) ?? 0) + 1);
    }
    report.notes.push(
      `${file.records.length + file.errors.length} rows: ${kept.length} in scope (language, open weights, 2023 on)` +
        [...skipped.entries()].map(([why, n]) => `, ${n} ${why}`).join(""),
    );
    report.total = kept.length;

    let lookup = await loadIngestLookup(db);
    const orgs = new OrganizationMatcher(lookup.organizations);
    const orgCountry = new Map(lookup.organizations.map((o) => [o.slug, o.country]));
    const licenses = new Map(lookup.licenses.map((l) => [l.id, l.category]));
    const item = (r: EpochRecord) => `${r.name} (line ${r.line})`;

    // Match first, so that two rows claiming one model are both held back (writing both would flip-flop).
    const matched = kept.map((r) => {
      const orgSlugs = [...new Set(r.organizations.map((o) => orgs.match(o)).filter((s): s is string => s !== null))];
      return { r, orgSlugs, match: matchEpochRecord(r, lookup.models, orgSlugs) };
    });
    const claims = new Map<string, EpochRecord[]>();
    for (const m of matched) if (m.match.kind === "matched") claims.set(m.match.slug, [...(claims.get(m.match.slug) ?? []), m.r]);

    let done = 0;
    for (const { r, orgSlugs, match } of matched) {
      try {
        for (const p of r.problems) report.notes.push(`${item(r)}: ${p}`);
        let slug: string;
        let model: MatchableModel | null = null;
        if (match.kind === "matched" && claims.get(match.slug)!.length > 1) {
          const others = claims.get(match.slug)!.filter((x) => x !== r).map(item);
          report.candidates.push({ item: item(r), reason: `matches ${match.slug}, as do ${others.join(", ")}: none of them written`, similar: [match.slug] });
          continue;
        }
        if (match.kind === "ambiguous") {
          report.candidates.push({ item: item(r), reason: `matches several models by ${match.by === "hf-id" ? "repo id" : "name"}: not written`, similar: match.slugs });
          continue;
        }
        if (match.kind === "matched") {
          slug = match.slug;
          model = lookup.models.find((m) => m.slug === slug)!;
          // Country: an organization-level fact; a difference is reported, not stored on the model.
          const primary = model.developers[0]!;
          const at = r.organizations.findIndex((o) => orgs.match(o) === primary);
          const theirs = at >= 0 ? r.countries.perOrganization?.[at] : null;
          if (theirs && orgCountry.get(primary) && theirs !== orgCountry.get(primary)) {
            report.notes.push(`${item(r)}: Epoch places ${primary} in ${theirs}, we in ${orgCountry.get(primary)}`);
          }
        }
        const { inputs, refused } = epochFieldInputs(r, model, licenses, today);
        report.refused.push(...refused.map((x) => ({ item: item(r), ...x })));
        if (match.kind === "unmatched") {
          if (!options.create) {
            report.candidates.push({ item: item(r), reason: match.reason, similar: match.similar });
            continue;
          }
          if (match.similar.length) {
            report.candidates.push({ item: item(r), reason: `${match.reason}; not created, it may be one of the similar models`, similar: match.similar });
            continue;
          }
          const created = epochCreateInputs(r, orgSlugs, lookup, inputs);
          if ("reason" in created) {
            report.candidates.push({ item: item(r), reason: created.reason, similar: [] });
            continue;
          }
          slug = created.slug;
          Object.assign(inputs, created.inputs);
        } else {
          slug = match.slug;
        }

        const out = await writeSourceValues(db, { slug, inputs, batch, today, dryRun }, options.hooks);
        recordWrite(report, item(r), slug, out);
        if (out.outcome === "failed") continue;
        if (out.outcome === "created" && !dryRun) lookup = await loadIngestLookup(db);
      } finally {
        options.onProgress?.(++done, matched.length);
      }
    }
  });
}

/** For --json: the parsed records of the file, without a database. */
export async function readEpochRecords(file: string): Promise<{ records: (EpochRecord & { scope: ReturnType<typeof epochScope> })[]; errors: { line: number; message: string }[] }> {
  const parsed = parseEpochCsv(await readFile(file, "utf8"));
  return { records: parsed.records.map((r) => ({ ...r, scope: epochScope(r) })), errors: parsed.errors };
}
