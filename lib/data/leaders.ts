import "server-only";
import { dataThrough } from "@/lib/domain/aggregation";
import {
  buildLeaders, capabilityFrontier, topOpenModels, usageShareWeekly,
  type BenchmarkInfo, type CapabilityFrontier, type LeaderRow, type ModelUsage, type UsageWeek,
} from "@/lib/domain/measures";
import { formatParams, formatTokens } from "@/lib/domain/params";
import type { DashboardQuery } from "@/lib/schemas/dashboard-query";
import { keepsEveryRelease } from "./models";
import { listBenchmarks, loadAdoptionPoints, loadScorePoints, loadUsagePoints, type BenchmarkListItem } from "./measures";
import { loadStatRows } from "./stats";
import { perDataVersionKeyed } from "./version-memo";

/**
 * "Who leads, by which measure" and the two charts beside it, composed from the reads of lib/data: the
 * one place the dashboard, /api/v1/leaders and /api/v1/stats get them from, so that they always agree.
 */
export interface LeadersView {
  asOf: string;
  completeThrough: string;
  dataThrough: string;
  rows: LeaderRow[];
}

/** Kept per data version and view, as the dashboard's other aggregates are (lib/data/version-memo.ts). */
export const loadLeaders = perDataVersionKeyed((query: DashboardQuery, today: string, completeThrough: string) => JSON.stringify([query, today, completeThrough]), computeLeaders, 32);

async function computeLeaders(query: DashboardQuery, today: string, completeThrough: string): Promise<LeadersView> {
  const asOf = query.asOf ?? today;
  const through = dataThrough(asOf, completeThrough);
  const [releases, scores, usage, adoption, benchmarks] = await Promise.all([
    loadStatRows(query.filters, query.asOf),
    loadScorePoints(query.filters, query.asOf),
    loadUsagePoints(query.asOf),
    loadAdoptionPoints(query.filters, query.asOf),
    listBenchmarks(),
  ]);
  // Usage follows the view's filters too: only the listings of models the filters keep count.
  const kept = keepsEveryRelease(query.filters) ? null : new Set(releases.map((r) => r.slug));
  const usageInView = kept ? usage.map((u) => (u.model?.openWeights && !kept.has(u.model.slug) ? { ...u, model: null } : u)) : usage;
  const rows = buildLeaders({ releases, scores, benchmarks, usage: usageInView, adoption, through, formatCount: formatParams, formatTokens });
  return { asOf, completeThrough, dataThrough: through, rows };
}

/** The benchmark the capability chart shows when the reader has not chosen one: Epoch's own GPQA Diamond runs (one harness, open and closed models alike). */
export const DEFAULT_BENCHMARK = "gpqa-diamond-epoch";

export interface CapabilityView {
  benchmarks: BenchmarkListItem[];
  frontier: CapabilityFrontier | null;
}

export const loadCapability = perDataVersionKeyed((query: DashboardQuery, benchmarkId: string) => JSON.stringify([query, benchmarkId]), computeCapability, 32);

async function computeCapability(query: DashboardQuery, benchmarkId: string): Promise<CapabilityView> {
  const benchmarks = await listBenchmarks();
  const benchmark: BenchmarkInfo | undefined = benchmarks.find((b) => b.id === benchmarkId);
  if (!benchmark) return { benchmarks, frontier: null };
  const scores = await loadScorePoints(query.filters, query.asOf, benchmark.id);
  return { benchmarks, frontier: capabilityFrontier(scores, benchmark) };
}

export interface UsageView {
  weeks: UsageWeek[];
  top: ModelUsage[];
  firstDay: string | null;
  lastDay: string | null;
}

export const loadUsage = perDataVersionKeyed((asOf: string | null) => String(asOf), computeUsage, 32);

async function computeUsage(asOf: string | null): Promise<UsageView> {
  const points = await loadUsagePoints(asOf);
  const days = points.map((p) => p.day);
  return { weeks: usageShareWeekly(points), top: topOpenModels(points, 10), firstDay: days[0] ?? null, lastDay: days.at(-1) ?? null };
}
