import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { MODEL_FIELDS, type ModelField, type ModelValues } from "@/lib/domain/model-fields";
import { valueInUse } from "@/lib/domain/sources";
import type { Prisma } from "@/lib/generated/prisma/client";
import { modelSelect, rowToValues, type FieldValue, type Tx } from "./write-path";

/**
 * The review queue of new Hub repositories (issue 16): what discovery writes (queueCandidate,
 * renameCandidate) and what the moderators' page reads. Decisions are in candidates-review.ts.
 */

/** Where a proposed value was read: the Hub (model info or config.json), or the repository's name (a guess to check). */
export const PROPOSAL_BASES = ["hub", "repo-name"] as const;
export type ProposalBasis = (typeof PROPOSAL_BASES)[number];
export type Proposal = { value: FieldValue; url: string; basis: ProposalBasis };
export type Proposals = Partial<Record<ModelField, Proposal>>;

// The stored JSON is read back through this: a row written by an older version must not break the page.
const proposalsSchema = z.partialRecord(
  z.enum(MODEL_FIELDS),
  z.object({ value: z.unknown(), url: z.string(), basis: z.enum(PROPOSAL_BASES) }),
);
export function readProposals(json: unknown): Proposals {
  const parsed = proposalsSchema.safeParse(json);
  return parsed.success ? (parsed.data as Proposals) : {};
}

export interface CandidateInput {
  repoId: string;
  hubId: string | null;
  author: string;
  organizationSlug: string;
  proposed: Proposals;
  missing: ModelField[];
  problems: string[];
  hubCreatedAt: Date | null;
  ingestRunId: number | null;
}

/** What discovery must not queue again: every repo id a record or a candidate has had, and the Hub ids of candidates. */
export interface DiscoveryKnown {
  /** Lowercase repo ids: records' (every source's value of hfRepoId) and candidates' (with former names). */
  repos: Set<string>;
  /** Hub object id -> the candidate that has it. */
  candidatesByHubId: Map<string, { id: number; repoId: string }>;
}

export async function loadDiscoveryKnown(db: Tx): Promise<DiscoveryKnown> {
  const [models, sources, candidates] = await Promise.all([
    db.model.findMany({ where: { hfRepoId: { not: null } }, select: { hfRepoId: true } }),
    // A Hub run stores the repo's current name beside the curated one: a renamed repo is known by both.
    db.fieldSource.findMany({ where: { field: "hfRepoId" }, select: { value: true } }),
    db.candidate.findMany({ select: { id: true, repoId: true, hubId: true, formerRepoIds: true } }),
  ]);
  const repos = new Set<string>();
  for (const m of models) repos.add(m.hfRepoId!.toLowerCase());
  for (const s of sources) if (typeof s.value === "string") repos.add(s.value.toLowerCase());
  const candidatesByHubId = new Map<string, { id: number; repoId: string }>();
  for (const c of candidates) {
    repos.add(c.repoId.toLowerCase());
    for (const r of c.formerRepoIds) repos.add(r.toLowerCase());
    if (c.hubId) candidatesByHubId.set(c.hubId, { id: c.id, repoId: c.repoId });
  }
  return { repos, candidatesByHubId };
}

/**
 * Queues one candidate, whole or not at all (one row). False when a candidate with this repo id (any case)
 * or Hub id exists already: another run got there first, and this one queues nothing twice.
 */
export async function queueCandidate(db: Tx, c: CandidateInput): Promise<boolean> {
  const rows = await db.$queryRaw<{ id: number }[]>`
    INSERT INTO "Candidate" ("repoId", "hubId", "author", "organizationSlug", "proposed", "missing", "problems", "hubCreatedAt", "ingestRunId")
    VALUES (${c.repoId}, ${c.hubId}, ${c.author}, ${c.organizationSlug}, ${JSON.stringify(c.proposed)}::jsonb, ${c.missing}::text[], ${c.problems}::text[], ${c.hubCreatedAt}, ${c.ingestRunId})
    ON CONFLICT DO NOTHING RETURNING "id"`;
  return rows.length === 1;
}

/** A candidate's repository was renamed on the Hub (same Hub id, new name): the candidate follows it. */
export async function renameCandidate(db: Tx, id: number, repoId: string, now: Date): Promise<void> {
  await db.$executeRaw`
    UPDATE "Candidate" SET "formerRepoIds" = array_append("formerRepoIds", "repoId"), "repoId" = ${repoId}, "lastSeenAt" = ${now}
    WHERE "id" = ${id} AND lower("repoId") <> lower(${repoId})`;
}

// ---- Reads for the moderators' page and /data-quality.

export type CandidateStatus = "pending" | "accepted" | "merged" | "dismissed";

const candidateSelect = {
  id: true, repoId: true, formerRepoIds: true, author: true, organizationSlug: true, status: true, proposed: true, missing: true, problems: true,
  hubCreatedAt: true, firstSeenAt: true, reviewedAt: true, reviewReason: true, model: { select: { slug: true, name: true } },
} satisfies Prisma.CandidateSelect;

export interface CandidateView {
  id: number;
  repoId: string;
  formerRepoIds: string[];
  author: string;
  organizationSlug: string;
  status: CandidateStatus;
  proposed: Proposals;
  missing: ModelField[];
  problems: string[];
  hubCreatedAt: string | null;
  firstSeenAt: string;
  reviewedAt: string | null;
  reviewReason: string | null;
  model: { slug: string; name: string } | null;
}

function toView(row: Prisma.CandidateGetPayload<{ select: typeof candidateSelect }>): CandidateView {
  return {
    ...row,
    status: row.status as CandidateStatus,
    proposed: readProposals(row.proposed),
    missing: row.missing.filter((f): f is ModelField => (MODEL_FIELDS as readonly string[]).includes(f)),
    hubCreatedAt: row.hubCreatedAt?.toISOString() ?? null,
    firstSeenAt: row.firstSeenAt.toISOString(),
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
  };
}

/** Pending candidates, newest repository first; and the latest decisions, so a moderator sees what was done. */
export async function listCandidates(db: Tx = getDb()): Promise<{ pending: CandidateView[]; decided: CandidateView[] }> {
  const [pending, decided] = await Promise.all([
    db.candidate.findMany({ where: { status: "pending" }, orderBy: [{ hubCreatedAt: { sort: "desc", nulls: "last" } }, { id: "desc" }], select: candidateSelect }),
    db.candidate.findMany({ where: { status: { not: "pending" } }, orderBy: [{ reviewedAt: "desc" }, { id: "desc" }], take: 50, select: candidateSelect }),
  ]);
  return { pending: pending.map(toView), decided: decided.map(toView) };
}

export async function getCandidate(id: number, db: Tx = getDb()): Promise<CandidateView | null> {
  const row = await db.candidate.findUnique({ where: { id }, select: candidateSelect });
  return row ? toView(row) : null;
}

export async function countPendingCandidates(db: Tx = getDb()): Promise<number> {
  return db.candidate.count({ where: { status: "pending" } });
}

// ---- Writing accepted candidates back into data/curated (npm run export -- curated).

export interface ReviewedRecord {
  slug: string;
  values: ModelValues;
  /** The source URL of each field's value in use. */
  urls: Partial<Record<ModelField, string>>;
  notes: string | null;
  /** The day the moderator accepted it: the day its values were checked against their sources. */
  checkedOn: string | null;
}

/** Records that hold values a moderator entered through the candidate review, with each value in use's URL. */
export async function listReviewedRecords(db: Tx): Promise<ReviewedRecord[]> {
  const rows = await db.model.findMany({
    where: { fieldSources: { some: { sourceKind: "moderator" } } },
    orderBy: { slug: "asc" },
    select: { ...modelSelect, candidates: { where: { status: "accepted" }, select: { reviewedAt: true }, orderBy: { reviewedAt: "desc" }, take: 1 } },
  });
  return rows.map((row) => {
    const urls: Partial<Record<ModelField, string>> = {};
    for (const field of MODEL_FIELDS) {
      const held = valueInUse(field, row.fieldSources.filter((s) => s.field === field).map((s) => ({ source: s.sourceKind, value: s.value, url: s.sourceUrl })));
      if (held) urls[field] = held.url;
    }
    return { slug: row.slug, values: rowToValues(row), urls, notes: row.notes, checkedOn: row.candidates[0]?.reviewedAt?.toISOString().slice(0, 10) ?? null };
  });
}
