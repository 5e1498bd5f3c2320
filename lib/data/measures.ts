import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/db";
import { weekOf, type AdoptionPoint, type BenchmarkInfo, type ScorePoint, type UsagePoint } from "@/lib/domain/measures";
import type { ModelQuery } from "@/lib/schemas/model-query";
import { dateString, keepsEveryRelease, modelWhere } from "./models";
import { loadStatRows } from "./stats";
import { perDataVersion } from "./version-memo";

/**
 * Reads behind capability, usage and adoption (issue 14). `asOf` hides what did not exist yet on that
 * day: a score published later, a model released later, usage of later days, a later snapshot. Open-
 * weights models follow the view's filters; the closed reference models are the reference line and
 * follow only `asOf`.
 */
const endOf = (asOf: string | null) => (asOf ? new Date(`${asOf}T00:00:00Z`) : null);

const benchmarkSelect = { id: true, name: true, test: true, category: true, unit: true, higherIsBetter: true, setting: true, url: true } satisfies Prisma.BenchmarkSelect;

export interface BenchmarkListItem extends BenchmarkInfo {
  description: string;
  /** Scores of open-weights models (all, and by the developer's country) and of closed reference models. */
  scores: { open: number; closed: number; us: number; cn: number; models: number };
}

/** Every benchmark with its counts of scores, once per data version (the dashboard and /models read it on every miss). */
export const listBenchmarks: () => Promise<BenchmarkListItem[]> = perDataVersion(async () => {
  const db = getDb();
  const [benchmarks, counts] = await Promise.all([
    db.benchmark.findMany({ orderBy: { position: "asc" }, select: { ...benchmarkSelect, description: true } }),
    db.$queryRaw<{ benchmarkId: string; open: bigint; closed: bigint; us: bigint; cn: bigint; models: bigint }[]>`
      SELECT s."benchmarkId",
        COUNT(*) FILTER (WHERE m."openWeights") AS open, COUNT(*) FILTER (WHERE NOT m."openWeights") AS closed,
        COUNT(*) FILTER (WHERE m."openWeights" AND o.country = 'US') AS us, COUNT(*) FILTER (WHERE m."openWeights" AND o.country = 'CN') AS cn,
        COUNT(DISTINCT s."modelId") AS models
      FROM "Score" s JOIN "Model" m ON m.id = s."modelId" JOIN "Organization" o ON o.id = m."primaryOrganizationId"
      GROUP BY s."benchmarkId"`,
  ]);
  const by = new Map(counts.map((c) => [c.benchmarkId, c]));
  return benchmarks.map((b) => {
    const c = by.get(b.id);
    return { ...b, scores: { open: Number(c?.open ?? 0), closed: Number(c?.closed ?? 0), us: Number(c?.us ?? 0), cn: Number(c?.cn ?? 0), models: Number(c?.models ?? 0) } };
  });
});

export async function getBenchmark(id: string): Promise<BenchmarkInfo | null> {
  return getDb().benchmark.findUnique({ where: { id }, select: benchmarkSelect });
}

const modelRefSelect = { slug: true, name: true, openWeights: true, releaseDate: true, primaryOrganization: { select: { country: true } } } satisfies Prisma.ModelSelect;

/**
 * The open-weights releases a view keeps (its filters, current values): whose scores, usage and adoption
 * count. Null when the view keeps every one (no filter): nothing to look up per score.
 */
async function releasesInView(query: ModelQuery): Promise<Set<string> | null> {
  if (keepsEveryRelease(query)) return null;
  return new Set((await loadStatRows(query, null)).map((r) => r.slug));
}

/**
 * Every score with its model's country and dates, in one statement, read once per data version (the
 * dashboard and the API filter it per view in memory: docs/decisions/018-dashboard-at-scale.md).
 */
const allScorePoints = perDataVersion(() =>
  getDb().$queryRaw<ScorePoint[]>`
    SELECT s."benchmarkId", s."value", s."measuredBy", s."evaluator", s."setting", to_char(s."publishedOn", 'YYYY-MM-DD') AS "publishedOn", s."sourceUrl",
      m."slug", m."name", trim(o."country") AS "country", m."openWeights", to_char(m."releaseDate", 'YYYY-MM-DD') AS "releaseDate"
    FROM "Score" s JOIN "Model" m ON m."id" = s."modelId" JOIN "Organization" o ON o."id" = m."primaryOrganizationId"
    ORDER BY s."id"`,
);

/** Every score in the view (optionally of one benchmark), with its model's country and date. */
export async function loadScorePoints(query: ModelQuery, asOf: string | null, benchmarkId?: string): Promise<ScorePoint[]> {
  const [all, open] = await Promise.all([allScorePoints(), releasesInView(query)]);
  return all.filter(
    (s) =>
      (!benchmarkId || s.benchmarkId === benchmarkId) &&
      (!asOf || (s.publishedOn <= asOf && s.releaseDate <= asOf)) &&
      // Closed reference models are the reference line: they follow only asOf.
      (!s.openWeights || !open || open.has(s.slug)),
  );
}

type UsageRow = Omit<UsagePoint, "model"> & { slug: string | null; name: string | null; country: string | null; openWeights: boolean | null; releaseDate: string | null };

/** Daily tokens of every listing (one router: OpenRouter), with the mapped model, oldest first: once per data version. */
const allUsagePoints = perDataVersion(async (): Promise<UsagePoint[]> => {
  const rows = await getDb().$queryRaw<UsageRow[]>`
    SELECT to_char(u."day", 'YYYY-MM-DD') AS "day", u."tokens"::float8 AS "tokens",
      m."slug", m."name", trim(o."country") AS "country", m."openWeights", to_char(m."releaseDate", 'YYYY-MM-DD') AS "releaseDate"
    FROM "UsageDay" u LEFT JOIN "Model" m ON m."id" = u."modelId" LEFT JOIN "Organization" o ON o."id" = m."primaryOrganizationId"
    ORDER BY u."day", u."id"`;
  return rows.map((u) => ({
    day: u.day,
    tokens: u.tokens,
    model: u.slug === null ? null : { slug: u.slug, name: u.name!, country: u.country!, openWeights: u.openWeights!, releaseDate: u.releaseDate! },
  }));
});

/** Daily tokens of every listing up to `asOf` (one router: OpenRouter), with the mapped model. */
export async function loadUsagePoints(asOf: string | null): Promise<UsagePoint[]> {
  const all = await allUsagePoints();
  return asOf ? all.filter((u) => u.day <= asOf) : all;
}

/** Each open-weights model's latest adoption snapshot on or before `end` (null: the latest of all), one statement. */
function latestAdoption(end: string | null): Promise<AdoptionPoint[]> {
  // One index probe per model (AdoptionSnapshot_latest_idx): a DISTINCT ON over the whole history sorted
  // 620,000 snapshots at 100,000 models.
  return getDb().$queryRaw<AdoptionPoint[]>`
    SELECT m."slug", m."name", trim(o."country") AS "country", to_char(m."releaseDate", 'YYYY-MM-DD') AS "releaseDate",
      a."downloads", a."likes", to_char(a."takenOn", 'YYYY-MM-DD') AS "takenOn", a."sourceKind", a."sourceUrl"
    FROM "Model" m
    JOIN "Organization" o ON o."id" = m."primaryOrganizationId"
    CROSS JOIN LATERAL (
      SELECT s."downloads", s."likes", s."takenOn", s."sourceKind", s."sourceUrl" FROM "AdoptionSnapshot" s
      WHERE s."modelId" = m."id" AND (${end}::date IS NULL OR s."takenOn" <= ${end}::date)
      ORDER BY s."takenOn" DESC, s."sourceKind" LIMIT 1
    ) a
    WHERE m."openWeights"
    ORDER BY m."id"`;
}

/** The latest snapshots of today's view: the adoption history grows by a row per model and day, so this is kept per data version. */
const currentAdoption = perDataVersion(() => latestAdoption(null));

/** Each open-weights model's latest adoption snapshot on or before `asOf`, for the view's filters. */
export async function loadAdoptionPoints(query: ModelQuery, asOf: string | null): Promise<AdoptionPoint[]> {
  const [points, open] = await Promise.all([asOf ? latestAdoption(asOf) : currentAdoption(), releasesInView(query)]);
  return open ? points.filter((a) => open.has(a.slug)) : points;
}

export interface ModelScore {
  benchmark: { id: string; name: string; unit: string; higherIsBetter: boolean; category: string };
  value: number;
  metric: string;
  setting: string;
  measuredBy: "independent" | "developer";
  evaluator: string;
  publishedOn: string;
  sourceKind: string;
  sourceUrl: string;
}

export interface ModelMeasures {
  scores: ModelScore[];
  /** Tokens per week of every listing mapped to the model (OpenRouter), oldest first. */
  usage: { week: string; tokens: number; days: number }[];
  usageListings: string[];
  adoption: { takenOn: string; downloads: number | null; likes: number | null; sourceKind: string; sourceUrl: string }[];
}

/** A model page's scores, usage and adoption history, as of a day. */
export async function getModelMeasures(slug: string, asOf: string | null): Promise<ModelMeasures> {
  const end = endOf(asOf);
  const db = getDb();
  const [scores, usage, adoption] = await Promise.all([
    db.score.findMany({
      where: { model: { slug }, ...(end ? { publishedOn: { lte: end } } : {}) },
      orderBy: [{ benchmark: { position: "asc" } }, { value: "desc" }],
      select: { value: true, metric: true, setting: true, measuredBy: true, evaluator: true, publishedOn: true, sourceKind: true, sourceUrl: true, benchmark: { select: { id: true, name: true, unit: true, higherIsBetter: true, category: true } } },
    }),
    db.usageDay.findMany({ where: { model: { slug }, ...(end ? { day: { lte: end } } : {}) }, orderBy: { day: "asc" }, select: { day: true, tokens: true, listing: true } }),
    db.adoptionSnapshot.findMany({ where: { model: { slug }, ...(end ? { takenOn: { lte: end } } : {}) }, orderBy: { takenOn: "asc" }, select: { takenOn: true, downloads: true, likes: true, sourceKind: true, sourceUrl: true } }),
  ]);
  const weeks = new Map<string, { tokens: number; days: Set<string> }>();
  for (const u of usage) {
    const day = dateString(u.day);
    const week = weekOf(day);
    const w = weeks.get(week) ?? { tokens: 0, days: new Set<string>() };
    w.tokens += Number(u.tokens);
    w.days.add(day);
    weeks.set(week, w);
  }
  return {
    scores: scores.map((s) => ({ ...s, measuredBy: s.measuredBy as ModelScore["measuredBy"], publishedOn: dateString(s.publishedOn) })),
    usage: [...weeks].map(([week, w]) => ({ week, tokens: w.tokens, days: w.days.size })),
    usageListings: [...new Set(usage.map((u) => u.listing))].sort(),
    adoption: adoption.map((a) => ({ ...a, takenOn: dateString(a.takenOn) })),
  };
}

/** Usage listings no record is mapped to (OpenRouter's `other` row aside), most tokens first: /data-quality. */
export async function listUnmappedListings(): Promise<{ listing: string; tokens: number; days: number; lastDay: string }[]> {
  const rows = await getDb().$queryRaw<{ listing: string; tokens: bigint; days: bigint; lastDay: Date }[]>`
    SELECT "listing", SUM("tokens") AS tokens, COUNT(*) AS days, MAX("day") AS "lastDay"
    FROM "UsageDay" WHERE "modelId" IS NULL AND "listing" <> 'other'
    GROUP BY "listing" ORDER BY SUM("tokens") DESC, "listing"`;
  return rows.map((r) => ({ listing: r.listing, tokens: Number(r.tokens), days: Number(r.days), lastDay: dateString(r.lastDay) }));
}

/** Scores for the CSV export: every score of the view's open models (and closed ones when the view asks). */
export async function listScoresForExport(query: ModelQuery): Promise<(ModelScore & { slug: string; name: string; country: string; openWeights: boolean })[]> {
  const rows = await getDb().score.findMany({
    where: { model: await modelWhere(query) },
    orderBy: [{ model: { slug: "asc" } }, { benchmark: { position: "asc" } }, { evaluator: "asc" }, { setting: "asc" }],
    select: {
      value: true, metric: true, setting: true, measuredBy: true, evaluator: true, publishedOn: true, sourceKind: true, sourceUrl: true,
      benchmark: { select: { id: true, name: true, unit: true, higherIsBetter: true, category: true } },
      model: { select: modelRefSelect },
    },
  });
  return rows.map((s) => ({
    ...s, measuredBy: s.measuredBy as ModelScore["measuredBy"], publishedOn: dateString(s.publishedOn),
    slug: s.model.slug, name: s.model.name, country: s.model.primaryOrganization.country, openWeights: s.model.openWeights,
  }));
}
