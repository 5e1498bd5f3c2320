/**
 * Aggregations behind the US-versus-China dashboard and /api/v1/stats. Pure functions over plain rows,
 * so they are unit-tested on small hand-made inputs with known answers.
 */
import { maxBy } from "./summary";
export interface StatRow {
  slug: string;
  name: string;
  family: string;
  /** Primary developer's country (ISO alpha-2). */
  country: string;
  /** Slugs of every developer. */
  developers: string[];
  /** YYYY-MM-DD */
  releaseDate: string;
  totalParams: number | null;
  activeParams: number | null;
  contextWindow: number | null;
  architecture: "dense" | "moe";
  licenseCategory: "permissive" | "restricted" | "non-commercial";
}

/** US, CN, any extra countries the reader adds, and everyone else. */
export type Group = string;
export const OTHER = "other";

export function groupOf(country: string, extra: readonly string[] = []): Group {
  return country === "US" || country === "CN" || extra.includes(country) ? country : OTHER;
}

export function groupsFor(extra: readonly string[]): Group[] {
  return ["US", "CN", ...extra.filter((c) => c !== "US" && c !== "CN"), OTHER];
}

// ---- time buckets ------------------------------------------------------------------------------

/** "2024-08-05" -> "2024-Q3" */
export function quarterOf(date: string): string {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-Q${Math.ceil(month / 3)}`;
}

/** "2024-08-05" -> "2024-H2" */
export function halfOf(date: string): string {
  return `${date.slice(0, 4)}-H${Number(date.slice(5, 7)) <= 6 ? 1 : 2}`;
}

/** Every bucket from the first to the last, so empty quarters show as zero rather than vanish. */
export function bucketRange(first: string, last: string, per: number): string[] {
  const parse = (b: string) => ({ y: Number(b.slice(0, 4)), i: Number(b.slice(6)) });
  const out: string[] = [];
  let { y, i } = parse(first);
  const end = parse(last);
  const tag = per === 4 ? "Q" : "H";
  while (y < end.y || (y === end.y && i <= end.i)) {
    out.push(`${y}-${tag}${i}`);
    i++;
    if (i > per) {
      i = 1;
      y++;
    }
  }
  return out;
}

/** Whole calendar months from a to b (negative when b is earlier): 2024-01-31 -> 2024-03-01 is 1. */
export function monthsBetween(a: string, b: string): number {
  const [ya, ma, da] = a.split("-").map(Number) as [number, number, number];
  const [yb, mb, db] = b.split("-").map(Number) as [number, number, number];
  if (b < a) return -monthsBetween(b, a);
  return (yb - ya) * 12 + (mb - ma) - (db < da ? 1 : 0);
}

export function shiftYears(date: string, years: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
}

export function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

// ---- how far the data reaches ------------------------------------------------------------------

/**
 * The last day every count covers: the as-of date, but never past the day the dataset was swept through
 * (data/coverage.yaml). Releases after it may simply not be in the data yet.
 */
export function dataThrough(asOf: string, completeThrough: string): string {
  return asOf < completeThrough ? asOf : completeThrough;
}

/** The last day of a bucket: "2026-Q4" and "2026" -> "2026-12-31", "2026-H1" -> "2026-06-30". */
export function bucketEnd(bucket: string): string {
  const year = bucket.slice(0, 4);
  const months = bucket[5] === "Q" ? 3 : bucket[5] === "H" ? 6 : 12;
  const last = months === 12 ? 12 : Number(bucket.slice(6)) * months;
  const day = new Date(Date.UTC(Number(year), last, 0)).getUTCDate();
  return `${year}-${String(last).padStart(2, "0")}-${day}`;
}

/**
 * A bucket the data does not cover to its end. Its count is a part, not a total: charts draw it as
 * incomplete so that it never reads as a decline.
 */
export function isIncomplete(bucket: string, through: string): boolean {
  return bucketEnd(bucket) > through;
}

// ---- counts per bucket -------------------------------------------------------------------------

export type Counts = Record<Group, number>;

function zero(groups: Group[]): Counts {
  return Object.fromEntries(groups.map((g) => [g, 0]));
}

/**
 * A chart row: its bucket label, one number per group, and `incomplete`, true when the data does not
 * reach the bucket's last day (see isIncomplete).
 */
export type BucketRow = Record<string, string | number | boolean>;

/**
 * The span a period chart covers: from the first release to the last, or to `through` when that is
 * later. Quarters the data covers without a release are zeros the reader should see, and the quarter
 * `through` falls in is shown (flagged incomplete) even before anything was released in it.
 */
function span(rows: StatRow[], through: string): [string, string] {
  let first = rows[0]!.releaseDate;
  let last = first;
  for (const r of rows) {
    if (r.releaseDate < first) first = r.releaseDate;
    if (r.releaseDate > last) last = r.releaseDate;
  }
  return [first, last > through ? last : through];
}

/**
 * Chart 1: releases per quarter and group, including empty quarters. `through` is the last day the data
 * covers (dataThrough): later quarters are flagged incomplete.
 */
export function releasesPerQuarter(rows: StatRow[], groups: Group[], extra: readonly string[], through: string): BucketRow[] {
  if (rows.length === 0) return [];
  const [first, last] = span(rows, through);
  const buckets = new Map(bucketRange(quarterOf(first), quarterOf(last), 4).map((q) => [q, zero(groups)]));
  for (const r of rows) buckets.get(quarterOf(r.releaseDate))![groupOf(r.country, extra)]! += 1;
  return [...buckets].map(([quarter, counts]): BucketRow => ({ quarter, ...counts, incomplete: isIncomplete(quarter, through) }));
}

/** Chart 6: cumulative releases per group at the end of each quarter (an incomplete quarter: so far). */
export function cumulativeReleases(rows: StatRow[], groups: Group[], extra: readonly string[], through: string): BucketRow[] {
  const running = zero(groups);
  return releasesPerQuarter(rows, groups, extra, through).map((q): BucketRow => {
    for (const g of groups) running[g]! += q[g] as number;
    return { quarter: q.quarter!, ...running, incomplete: q.incomplete! };
  });
}

/**
 * Chart 4: share of MoE among each group's releases per half-year (null where a group released nothing);
 * halves ending after `through` are flagged incomplete.
 */
export function moeSharePerHalf(rows: StatRow[], groups: Group[], extra: readonly string[], through: string) {
  if (rows.length === 0) return [];
  const [first, last] = span(rows, through);
  const halves = bucketRange(halfOf(first), halfOf(last), 2);
  // One pass over the rows: releases and MoE releases per half and group.
  const counts = new Map<string, { n: number; moe: number }>();
  for (const r of rows) {
    const key = `${halfOf(r.releaseDate)}|${groupOf(r.country, extra)}`;
    const c = counts.get(key) ?? { n: 0, moe: 0 };
    c.n++;
    if (r.architecture === "moe") c.moe++;
    counts.set(key, c);
  }
  return halves.map((half) => {
    const entry: Record<string, string | number | boolean | null> = { half, incomplete: isIncomplete(half, through) };
    for (const g of groups) {
      const { n, moe } = counts.get(`${half}|${g}`) ?? { n: 0, moe: 0 };
      entry[g] = n ? moe / n : null;
      entry[`${g}_n`] = n;
      entry[`${g}_moe`] = moe;
    }
    return entry;
  });
}

export const LICENSE_ORDER = ["permissive", "restricted", "non-commercial"] as const;

/** Chart 5: releases per year, group and license category; years ending after `through` are flagged incomplete. */
export function licensesPerYear(rows: StatRow[], groups: Group[], extra: readonly string[], through: string) {
  if (rows.length === 0) return [];
  const [first, last] = span(rows, through);
  const years = Array.from({ length: Number(last.slice(0, 4)) - Number(first.slice(0, 4)) + 1 }, (_, i) => String(Number(first.slice(0, 4)) + i));
  // One pass over the rows: releases per year, group and license category.
  const counts = new Map<string, number>();
  for (const r of rows) {
    const key = `${r.releaseDate.slice(0, 4)}|${groupOf(r.country, extra)}:${r.licenseCategory}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return years.map((year) => {
    const entry: BucketRow = { year, incomplete: isIncomplete(year, through) };
    for (const g of groups) {
      for (const c of LICENSE_ORDER) entry[`${g}:${c}`] = counts.get(`${year}|${g}:${c}`) ?? 0;
    }
    return entry;
  });
}

// ---- frontier and thresholds -------------------------------------------------------------------

export type Measure = "totalParams" | "activeParams" | "contextWindow";

export interface FrontierStep {
  date: string;
  value: number;
  slug: string;
  name: string;
}

const MEASURE_VALUE: Record<Measure, (r: StatRow) => number | null> = {
  totalParams: (r) => r.totalParams,
  activeParams: (r) => r.activeParams,
  contextWindow: (r) => r.contextWindow,
};

/** localeCompare's order, without building a collator per call (same-day ties are common at 100,000 rows). */
const bySlug = new Intl.Collator();

/**
 * The releases that set a new record of a measure, in date order: one each time a release beats every
 * earlier one (ties do not step). Of several releases on one day, the largest counts (then the first
 * slug). Rows already in date order (loadStatRows reads them so) are walked once; others are sorted first.
 */
export function recordSetters(rows: StatRow[], measure: Measure): StatRow[] {
  const value = MEASURE_VALUE[measure];
  let inOrder = true;
  for (let i = 1; i < rows.length && inOrder; i++) inOrder = rows[i - 1]!.releaseDate <= rows[i]!.releaseDate;
  const dated = inOrder ? rows : [...rows].sort((a, b) => (a.releaseDate < b.releaseDate ? -1 : a.releaseDate > b.releaseDate ? 1 : 0));
  const steps: StatRow[] = [];
  let record = -Infinity;
  // The best release of the day being walked (null: none yet), and its value.
  let best: StatRow | null = null;
  let bestValue = -Infinity;
  for (const r of dated) {
    const v = value(r);
    if (v === null) continue;
    if (best === null || r.releaseDate !== best.releaseDate) {
      if (best !== null && bestValue > record) {
        steps.push(best);
        record = bestValue;
      }
      best = r;
      bestValue = v;
    } else if (v > bestValue || (v === bestValue && v > record && bySlug.compare(r.slug, best.slug) < 0)) {
      // A tie at or under the record never steps, so its order is not looked at.
      best = r;
      bestValue = v;
    }
  }
  if (best !== null && bestValue > record) steps.push(best);
  return steps;
}

/** The running maximum of a measure over time for one group, as chart steps (see recordSetters). */
export function frontier(rows: StatRow[], measure: Measure): FrontierStep[] {
  return recordSetters(rows, measure).map((r) => ({ date: r.releaseDate, value: r[measure]!, slug: r.slug, name: r.name }));
}

/** The first release (earliest date, then largest) at or above a threshold. */
export function firstCrossing(rows: StatRow[], measure: Measure, threshold: number): StatRow | null {
  return recordSetters(rows, measure).find((r) => r[measure]! >= threshold) ?? null;
}

export interface ThresholdRow {
  threshold: number;
  us: StatRow | null;
  cn: StatRow | null;
  /** Who got there first, and by how many whole months; null while either has not crossed. */
  leader: "US" | "CN" | "tie" | null;
  lagMonths: number | null;
}

export function thresholdLags(rows: StatRow[], measure: Measure, thresholds: number[]): ThresholdRow[] {
  const us = recordSetters(rows.filter((r) => r.country === "US"), measure);
  const cn = recordSetters(rows.filter((r) => r.country === "CN"), measure);
  return thresholds.map((threshold) => {
    const a = us.find((r) => r[measure]! >= threshold) ?? null;
    const b = cn.find((r) => r[measure]! >= threshold) ?? null;
    if (!a || !b) return { threshold, us: a, cn: b, leader: a ? "US" : b ? "CN" : null, lagMonths: null };
    const lag = monthsBetween(a.releaseDate, b.releaseDate);
    return { threshold, us: a, cn: b, leader: a.releaseDate === b.releaseDate ? "tie" : a.releaseDate < b.releaseDate ? "US" : "CN", lagMonths: Math.abs(lag) };
  });
}

// ---- comparison table --------------------------------------------------------------------------

export interface GroupMeasures {
  releases: number;
  moeReleases: number;
  moeShare: number | null;
  medianTotalParams: number | null;
  largestTotal: StatRow | null;
  largestActive: StatRow | null;
  longestContext: StatRow | null;
  permissiveShare: number | null;
  developers: number;
}

export function median(values: number[] | Float64Array): number | null {
  if (values.length === 0) return null;
  // A typed array sorts numerically, several times faster than an array with a comparator.
  const s = Float64Array.from(values).sort();
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function groupMeasures(rows: StatRow[]): GroupMeasures {
  const n = rows.length;
  // One pass for the counts (the dashboard measures every group of every year at 100,000 rows).
  let moe = 0;
  let permissive = 0;
  const totals = new Float64Array(n);
  let withTotal = 0;
  const developers = new Set<string>();
  for (const r of rows) {
    if (r.architecture === "moe") moe++;
    if (r.licenseCategory === "permissive") permissive++;
    if (r.totalParams !== null) totals[withTotal++] = r.totalParams;
    for (const d of r.developers) developers.add(d);
  }
  return {
    releases: n,
    moeReleases: moe,
    moeShare: n ? moe / n : null,
    medianTotalParams: median(totals.subarray(0, withTotal)),
    largestTotal: maxBy(rows, (r) => r.totalParams),
    largestActive: maxBy(rows, (r) => r.activeParams),
    longestContext: maxBy(rows, (r) => r.contextWindow),
    permissiveShare: n ? permissive / n : null,
    developers: developers.size,
  };
}

/** Measures per group, for one period (a year, or everything when `year` is null). */
export function compareGroups(rows: StatRow[], groups: Group[], extra: readonly string[], year: string | null): Record<Group, GroupMeasures> {
  const inPeriod = year ? rows.filter((r) => r.releaseDate.startsWith(year)) : rows;
  return Object.fromEntries(groups.map((g) => [g, groupMeasures(inPeriod.filter((r) => groupOf(r.country, extra) === g))]));
}

/**
 * The 12-month windows of recentReleases, as half-open ranges: the last 12 months are (from, to], the
 * year before (priorFrom, from].
 */
export interface RecentWindow {
  from: string;
  to: string;
  priorFrom: string;
}

export interface RecentCounts {
  last12: number;
  prior12: number;
  window: RecentWindow;
}

/**
 * Releases in the 12 months up to `end` and in the 12 months before that, per group. `end` is the last
 * day the data covers (dataThrough), not today: days the dataset has not been swept for would count as
 * days without releases.
 */
export function recentReleases(rows: StatRow[], groups: Group[], extra: readonly string[], end: string): Record<Group, RecentCounts> {
  const yearAgo = shiftYears(end, -1);
  const twoYearsAgo = shiftYears(end, -2);
  return Object.fromEntries(
    groups.map((g) => {
      const mine = rows.filter((r) => groupOf(r.country, extra) === g);
      return [g, {
        last12: mine.filter((r) => r.releaseDate > yearAgo && r.releaseDate <= end).length,
        prior12: mine.filter((r) => r.releaseDate > twoYearsAgo && r.releaseDate <= yearAgo).length,
        window: { from: yearAgo, to: end, priorFrom: twoYearsAgo },
      }];
    }),
  );
}
