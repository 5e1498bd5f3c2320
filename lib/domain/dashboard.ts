import {
  compareGroups, cumulativeReleases, dataThrough, frontier, groupOf, groupsFor, licensesPerYear, moeSharePerHalf, recentReleases,
  releasesPerQuarter, thresholdLags, type BucketRow, type FrontierStep, type Group, type GroupMeasures, type Measure, type RecentCounts,
  type StatRow,
} from "./aggregation";
import { chartFindings, type ChartFindings } from "./findings";

/** A release as the dashboard cites it. */
export interface ModelRef {
  slug: string;
  name: string;
  country: string;
  releaseDate: string;
  totalParams: number | null;
  activeParams: number | null;
  contextWindow: number | null;
}

const ref = (r: StatRow | null): ModelRef | null =>
  r && { slug: r.slug, name: r.name, country: r.country, releaseDate: r.releaseDate, totalParams: r.totalParams, activeParams: r.activeParams, contextWindow: r.contextWindow };

export type Measures = Omit<GroupMeasures, "largestTotal" | "largestActive" | "longestContext"> & {
  largestTotal: ModelRef | null;
  largestActive: ModelRef | null;
  longestContext: ModelRef | null;
};

const measures = (m: GroupMeasures): Measures => ({ ...m, largestTotal: ref(m.largestTotal), largestActive: ref(m.largestActive), longestContext: ref(m.longestContext) });

export const THRESHOLDS = [100e9, 400e9, 1e12];
export const MEASURES: Measure[] = ["totalParams", "activeParams", "contextWindow"];

export interface DashboardStats {
  asOf: string;
  /** The last day the dataset was swept through (data/coverage.yaml). */
  completeThrough: string;
  /** min(asOf, completeThrough): where the 12-month windows end; periods ending later are flagged incomplete. */
  dataThrough: string;
  groups: Group[];
  releases: number;
  recent: Record<Group, RecentCounts>;
  thresholds: { threshold: number; us: ModelRef | null; cn: ModelRef | null; leader: "US" | "CN" | "tie" | null; lagMonths: number | null }[];
  /** Measures per group for the whole period ("all") and each year. */
  comparison: Record<string, Record<Group, Measures>>;
  periods: string[];
  charts: {
    releasesPerQuarter: BucketRow[];
    cumulative: BucketRow[];
    moeSharePerHalf: Record<string, string | number | boolean | null>[];
    licensesPerYear: BucketRow[];
    frontiers: Record<Measure, Record<Group, FrontierStep[]>>;
  };
  /** Each chart's title: the finding in the data in view (lib/domain/findings.ts), keyed by its data-chart name. */
  findings: ChartFindings;
}

/**
 * Everything the dashboard and /api/v1/stats show, from the filtered rows. `asOf` is the day the reader
 * looks from (today unless they chose one); `completeThrough` the day the dataset was swept through.
 */
export function buildStats(rows: StatRow[], options: { extra: readonly string[]; asOf: string; completeThrough: string }): DashboardStats {
  const { extra, asOf, completeThrough } = options;
  const through = dataThrough(asOf, completeThrough);
  const groups = groupsFor(extra);
  // The rows of each year, in one pass (each year's table compares the groups within it).
  const byYear = new Map<string, StatRow[]>();
  for (const r of rows) {
    const year = r.releaseDate.slice(0, 4);
    const list = byYear.get(year);
    if (list) list.push(r);
    else byYear.set(year, [r]);
  }
  const years = [...byYear.keys()].sort();
  const periods = ["all", ...years];
  const comparison = Object.fromEntries(
    periods.map((p) => [p, Object.fromEntries(Object.entries(compareGroups(p === "all" ? rows : byYear.get(p)!, groups, extra, null)).map(([g, m]) => [g, measures(m)]))]),
  );
  const byGroup = new Map(groups.map((g) => [g, rows.filter((r) => groupOf(r.country, extra) === g)]));
  const frontiers = Object.fromEntries(
    MEASURES.map((m) => [m, Object.fromEntries(groups.map((g) => [g, frontier(byGroup.get(g)!, m)]))]),
  ) as Record<Measure, Record<Group, FrontierStep[]>>;

  const charts = {
    releasesPerQuarter: releasesPerQuarter(rows, groups, extra, through),
    cumulative: cumulativeReleases(rows, groups, extra, through),
    moeSharePerHalf: moeSharePerHalf(rows, groups, extra, through),
    licensesPerYear: licensesPerYear(rows, groups, extra, through),
    frontiers,
  };

  return {
    asOf,
    completeThrough,
    dataThrough: through,
    groups,
    releases: rows.length,
    recent: recentReleases(rows, groups, extra, through),
    thresholds: thresholdLags(rows, "totalParams", THRESHOLDS).map((t) => ({ ...t, us: ref(t.us), cn: ref(t.cn) })),
    comparison,
    periods,
    charts,
    findings: chartFindings(rows, charts),
  };
}

/** One point per release for the scatter charts: only what a point needs. */
export interface ChartPoint {
  slug: string;
  name: string;
  date: string;
  group: Group;
  architecture: "dense" | "moe";
  totalParams: number | null;
  activeParams: number | null;
  contextWindow: number | null;
}

/** More points than this make the page heavy and the chart unreadable: beyond it, plot a sample. */
// 2,000: at 100,000 releases 4,000 points made the dashboard 1.4 MB of HTML and a third of its render (issue 17).
export const MAX_CHART_POINTS = 2000;

/**
 * One point per release, or, beyond `max`, an even sample that always keeps every release on a
 * frontier (the records the chart is about); the page says when it samples.
 */
export function chartPoints(rows: StatRow[], extra: readonly string[], max = MAX_CHART_POINTS, frontiers?: DashboardStats["charts"]["frontiers"]): ChartPoint[] {
  const toPoint = (r: StatRow): ChartPoint => ({
    slug: r.slug, name: r.name, date: r.releaseDate, group: groupOf(r.country, extra), architecture: r.architecture,
    totalParams: r.totalParams, activeParams: r.activeParams, contextWindow: r.contextWindow,
  });
  if (rows.length <= max) return rows.map(toPoint);
  const keep = new Set<string>();
  // The frontiers buildStats drew, when the caller has them (the same rows): they are not walked again.
  for (const g of groupsFor(extra)) {
    const mine = frontiers ? null : rows.filter((r) => groupOf(r.country, extra) === g);
    for (const m of MEASURES) for (const step of frontiers ? frontiers[m][g] ?? [] : frontier(mine!, m)) keep.add(step.slug);
  }
  // Every stride-th row in the rows' own order (date order, as loadStatRows reads them): an even sample over time.
  const stride = rows.length / Math.max(1, max - keep.size);
  for (let i = 0; i < rows.length && keep.size < max; i += stride) keep.add(rows[Math.floor(i)]!.slug);
  return rows.filter((r) => keep.has(r.slug)).map(toPoint);
}
