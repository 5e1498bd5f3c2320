import type { PrismaClient } from "@/lib/generated/prisma/client";
import { loadDiscoveryKnown, queueCandidate, renameCandidate, type Proposals } from "@/lib/data/candidates";
import { loadIngestLookup, type IngestLookup } from "@/lib/data/ingest-lookup";
import { REQUIRED_FIELDS, type ModelField } from "@/lib/domain/model-fields";
import { todayUtc } from "@/lib/domain/model-rules";
import { loadExclusions } from "../exclusions";
import { forEachHfRecord, type HfRecord } from "../hf/records";
import { hfFieldInputs } from "../hf/run";
import type { HfSource } from "../hf/source";
import { similarNames, slugFromName, variantFromName } from "@/lib/domain/naming";
import { withIngestRun } from "../run-loop";
import type { IngestReport } from "../report";
import { classifyRepo, SKIP_RULES, type SkipRule } from "./rules";
import { loadTrackedAuthors, type TrackedAuthor } from "./tracked";

/**
 * Discovery (issue 16): each tracked author's newest repositories on the Hub -> the ones no record,
 * exclusion or earlier candidate knows, that the rules do not filter as copies -> model info and
 * config.json read -> a candidate in the review queue, with every value it could read, its source, and
 * what is still missing. Nothing is published: a moderator decides (/admin/candidates).
 *
 * Safe to repeat and to interrupt: a repo is queued in one row or not at all (a unique index on its name
 * and on the Hub's id), so two runs, or a run after a crash, queue each repo once; a repo whose fetch
 * failed is simply tried again by the next run. A decided candidate stays in the table and so is known.
 */
export interface DiscoverOptions {
  source: HfSource;
  /** Default: data/tracked-orgs.yaml. */
  authors?: TrackedAuthor[];
  /** How many of each author's newest repositories to look at. */
  perAuthor?: number;
  exclusionsFile?: string;
  today?: string;
  dryRun?: boolean;
  onProgress?: (done: number, total: number) => void;
  /** Tests: called after each candidate is queued (a throw here is a crash midway). */
  afterQueue?: (repoId: string) => void | Promise<void>;
}

export const DEFAULT_PER_AUTHOR = 50;

/** Fields a new record needs that the Hub does not give, or that a candidate should have before review. */
const WANTED: readonly ModelField[] = [...REQUIRED_FIELDS, "activeParams", "contextWindow", "licenseId", "architecture"];

/** The candidate's values: what the Hub states, then what the repo's name suggests (marked as such). */
export function candidateProposals(rec: HfRecord, org: string, lookup: IngestLookup, licenseIds: ReadonlySet<string>, today: string): { proposed: Proposals; missing: ModelField[]; refused: string[] } {
  const { inputs, refused: refusedValues } = hfFieldInputs(rec, licenseIds, null, today);
  const refused = refusedValues.map((r) => `${r.field}: ${r.reason}`);
  if (rec.info?.licenseId && !licenseIds.has(rec.info.licenseId)) refused.push(`the Hub names the license ${rec.info.licenseId}, which data/curated/licenses.yaml does not have yet`);
  const proposed: Proposals = {};
  for (const [field, input] of Object.entries(inputs) as [ModelField, { value: unknown; url: string }][]) {
    if (input.value != null) proposed[field] = { value: input.value as never, url: input.url, basis: "hub" };
  }
  const name = rec.repoId.split("/")[1]!;
  const url = rec.modelUrl;
  proposed.name = { value: name, url, basis: "repo-name" };
  proposed.family = { value: name, url, basis: "repo-name" };
  proposed.variant = { value: variantFromName(name), url, basis: "repo-name" };
  proposed.developers = { value: [org], url, basis: "repo-name" };
  const pipeline = rec.info?.pipelineTag;
  if (pipeline === "text-generation" || pipeline === "image-text-to-text") {
    proposed.modalities = { value: pipeline === "image-text-to-text" ? ["text", "image"] : ["text"], url, basis: "hub" };
  }
  // A dense model uses every weight for every token.
  if (proposed.architecture?.value === "dense" && proposed.totalParams) proposed.activeParams = { ...proposed.totalParams };
  // The card's base model, when it is a record of ours.
  for (const base of rec.info?.baseRepoIds ?? []) {
    const model = lookup.models.find((m) => m.hfRepoId?.toLowerCase() === base.toLowerCase());
    if (model) {
      proposed.baseModel = { value: model.slug, url, basis: "hub" };
      break;
    }
  }
  const wanted = [...WANTED, ...(proposed.architecture?.value === "moe" ? (["routedExperts", "expertsPerToken"] as const) : [])];
  const missing = [...new Set(wanted)].filter((f) => proposed[f] == null);
  return { proposed, missing, refused };
}

export async function discoverReleases(db: PrismaClient, options: DiscoverOptions): Promise<IngestReport> {
  const today = options.today ?? todayUtc();
  const dryRun = options.dryRun ?? false;
  return withIngestRun(
    db,
    "huggingface",
    dryRun,
    async (report) => {
      const authors = options.authors ?? (await loadTrackedAuthors());
      const exclusions = await loadExclusions(options.exclusionsFile);
      const excludedRepos = new Set(exclusions.entries.flatMap((e) => (e.repo ? [e.repo.toLowerCase()] : [])));
      const [known, lookup] = await Promise.all([loadDiscoveryKnown(db), loadIngestLookup(db)]);
      const filtered = new Map<SkipRule, number>();
      let knownCount = 0;
      let listed = 0;
      const toFetch: { id: string; org: string; author: string; hubId: string | null; createdAt: string | null }[] = [];

      for (const { author, organization } of authors) {
        let repos;
        try {
          repos = await options.source.listNewest(author, options.perAuthor ?? DEFAULT_PER_AUTHOR);
        } catch (e) {
          report.failed++;
          report.failures.push({ item: `author ${author}`, message: (e as Error).message });
          continue;
        }
        listed += repos.length;
        for (const repo of repos) {
          const key = repo.id.toLowerCase();
          const renamed = repo.hubId ? known.candidatesByHubId.get(repo.hubId) : undefined;
          if (renamed && renamed.repoId.toLowerCase() !== key) {
            // The same repository under a new name: the candidate follows it; nothing new is queued.
            if (!dryRun) await renameCandidate(db, renamed.id, repo.id, new Date());
            report.updated++;
            report.notes.push(`${renamed.repoId} was renamed ${repo.id} on the Hub: its candidate follows`);
            continue;
          }
          if (known.repos.has(key) || excludedRepos.has(key) || renamed) {
            knownCount++;
            continue;
          }
          const verdict = classifyRepo(repo);
          if (!verdict.release) {
            filtered.set(verdict.rule, (filtered.get(verdict.rule) ?? 0) + 1);
            continue;
          }
          toFetch.push({ id: repo.id, org: organization, author, hubId: repo.hubId, createdAt: repo.createdAt });
        }
      }
      // An author whose listing failed counts as an item: a run where every listing fails has failed.
      report.total = toFetch.length + report.failed;
      report.unchanged = knownCount;
      report.notes.unshift(
        `${authors.length} authors, ${listed} repositories listed: ${knownCount} already known, ${toFetch.length} new` +
          (Object.keys(SKIP_RULES) as SkipRule[]).flatMap((rule) => (filtered.get(rule) ? [`, ${filtered.get(rule)} filtered as ${rule} (${SKIP_RULES[rule]})`] : [])).join(""),
      );

      const licenseIds = new Set(lookup.licenses.map((l) => l.id));
      const targets = new Map(toFetch.map((t) => [t.id, t]));
      let done = 0;
      await forEachHfRecord(options.source, [...targets.keys()], async (id, result) => {
        try {
          const target = targets.get(id)!;
          if ("error" in result) {
            report.failed++;
            report.failures.push({ item: id, message: `${result.error} (not queued; the next run tries again)` });
            return;
          }
          const rec = result.record;
          // A listing can lag a rename: the Hub answers with the repository's current name.
          if (rec.repoId.toLowerCase() !== id.toLowerCase() && known.repos.has(rec.repoId.toLowerCase())) {
            report.unchanged++;
            report.notes.push(`${id} is now ${rec.repoId}, already known`);
            return;
          }
          const { proposed, missing, refused } = candidateProposals(rec, target.org, lookup, licenseIds, today);
          const sameOrg = lookup.models.filter((m) => m.developers[0] === target.org);
          const similar = similarNames(rec.repoId.split("/")[1]!, sameOrg.map((m) => ({ slug: m.slug, name: m.hfRepoId?.split("/")[1] ?? m.name })));
          const problems = [...rec.problems, ...refused];
          const slug = slugFromName(rec.repoId.split("/")[1]!);
          if (lookup.models.some((m) => m.slug === slug)) problems.push(`the slug ${slug} is taken by a record: a new checkpoint of it? (merge, or accept under another slug)`);
          if (dryRun) {
            report.created++;
            report.candidates.push({ item: rec.repoId, reason: `would be queued; missing ${missing.join(", ") || "nothing"}`, similar });
            return;
          }
          const queued = await queueCandidate(db, {
            repoId: rec.repoId,
            hubId: rec.info?.hubId ?? target.hubId,
            author: target.author,
            organizationSlug: target.org,
            proposed,
            missing,
            problems,
            hubCreatedAt: target.createdAt ? new Date(target.createdAt) : null,
            ingestRunId: report.runId,
          });
          if (!queued) {
            report.unchanged++;
            return;
          }
          report.created++;
          report.candidates.push({ item: rec.repoId, reason: `queued; missing ${missing.join(", ") || "nothing"}`, similar });
          await options.afterQueue?.(rec.repoId);
        } finally {
          options.onProgress?.(++done, targets.size);
        }
      });
    },
    "discover",
  );
}
