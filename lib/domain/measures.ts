/**
 * Capability, usage and adoption beside size (issue 14): the scoreboard "who leads, by which measure",
 * the capability frontier of a benchmark, and usage shares. Pure functions over plain rows, unit-tested
 * on hand-made inputs (measures.test.ts). Release rows are open-weights releases only; closed reference
 * models appear only as the reference line of capability.
 */
import { monthsBetween, shiftYears, type StatRow } from "./aggregation";
import { maxBy } from "./summary";

export interface BenchmarkInfo {
  id: string;
  name: string;
  test: string;
  category: string;
  unit: string;
  higherIsBetter: boolean;
  setting: string;
  url: string;
}

/** A score as the measures read it: the model's identity, country and date beside the value. */
export interface ScorePoint {
  benchmarkId: string;
  value: number;
  measuredBy: "independent" | "developer";
  evaluator: string;
  setting: string;
  publishedOn: string;
  sourceUrl: string;
  slug: string;
  name: string;
  country: string;
  openWeights: boolean;
  releaseDate: string;
}

/** Tokens of one listing on one day, with the model it is mapped to (null: not mapped). */
export interface UsagePoint {
  day: string;
  tokens: number;
  model: { slug: string; name: string; country: string; openWeights: boolean; releaseDate: string } | null;
}

/** A model's latest adoption snapshot (on or before the view's date). */
export interface AdoptionPoint {
  slug: string;
  name: string;
  country: string;
  releaseDate: string;
  downloads: number | null;
  likes: number | null;
  takenOn: string;
  sourceKind: string;
  sourceUrl: string;
}

const better = (b: { higherIsBetter: boolean }, x: number, y: number) => (b.higherIsBetter ? x > y : x < y);

/** One model's best score on a benchmark (its several settings or evaluators: the best one counts). */
export function bestPerModel(scores: ScorePoint[], benchmark: BenchmarkInfo): ScorePoint[] {
  const best = new Map<string, ScorePoint>();
  for (const s of scores) {
    if (s.benchmarkId !== benchmark.id) continue;
    const held = best.get(s.slug);
    if (!held || better(benchmark, s.value, held.value)) best.set(s.slug, s);
  }
  return [...best.values()];
}

export interface CapabilityStep {
  date: string;
  value: number;
  slug: string;
  name: string;
  measuredBy: ScorePoint["measuredBy"];
  evaluator: string;
  sourceUrl: string;
}

/** The running best of a benchmark over release dates: one step each time a model sets a new best. */
export function capabilitySteps(points: ScorePoint[], benchmark: BenchmarkInfo): CapabilityStep[] {
  const sorted = [...points].sort((a, b) => a.releaseDate.localeCompare(b.releaseDate) || (better(benchmark, a.value, b.value) ? -1 : 1));
  const steps: CapabilityStep[] = [];
  for (const p of sorted) {
    if (steps.length === 0 || better(benchmark, p.value, steps.at(-1)!.value)) {
      steps.push({ date: p.releaseDate, value: p.value, slug: p.slug, name: p.name, measuredBy: p.measuredBy, evaluator: p.evaluator, sourceUrl: p.sourceUrl });
    }
  }
  return steps;
}

export interface CapabilityGap {
  /** The open group whose best is measured against the closed frontier. */
  group: "US" | "CN";
  best: CapabilityStep | null;
  /** The first closed model that had reached that score, or null when none has (the open model leads). */
  closedMatch: CapabilityStep | null;
  /** Whole months from the closed model to the open one reaching the same score (null: no closed match). */
  months: number | null;
}

export interface CapabilityFrontier {
  benchmark: BenchmarkInfo;
  us: CapabilityStep[];
  cn: CapabilityStep[];
  closed: CapabilityStep[];
  gaps: CapabilityGap[];
  /** Open models with a score, per group (how much the lines rest on). */
  counts: { us: number; cn: number; closed: number };
}

/**
 * The best open-weights score over time for the US and for China, the best closed model as the reference
 * line, and the gap in months: when each group's best open model reached its score, and how long before
 * that a closed model had reached it.
 */
export function capabilityFrontier(scores: ScorePoint[], benchmark: BenchmarkInfo): CapabilityFrontier {
  const best = bestPerModel(scores, benchmark);
  const open = (c: string) => best.filter((p) => p.openWeights && p.country === c);
  const closedPoints = best.filter((p) => !p.openWeights);
  const us = capabilitySteps(open("US"), benchmark);
  const cn = capabilitySteps(open("CN"), benchmark);
  const closed = capabilitySteps(closedPoints, benchmark);
  const gap = (group: "US" | "CN", steps: CapabilityStep[]): CapabilityGap => {
    const top = steps.at(-1) ?? null;
    if (!top) return { group, best: null, closedMatch: null, months: null };
    const match = closed.find((c) => !better(benchmark, top.value, c.value)) ?? null;
    return { group, best: top, closedMatch: match, months: match ? monthsBetween(match.date, top.date) : null };
  };
  return { benchmark, us, cn, closed, gaps: [gap("US", us), gap("CN", cn)], counts: { us: open("US").length, cn: open("CN").length, closed: closedPoints.length } };
}

/** The gap as a sentence, for titles and alt text. */
export function gapSentence(g: CapabilityGap, benchmark: BenchmarkInfo): string {
  const who = g.group === "US" ? "US" : "Chinese";
  if (!g.best) return `No ${who} open-weights model has a score on ${benchmark.name} in this view.`;
  const score = `${formatScore(g.best.value, benchmark.unit)}`;
  if (!g.closedMatch) return `The best ${who} open model, ${g.best.name} (${score}, ${g.best.date}), is ahead of every closed model scored here.`;
  if (g.months === null || g.months <= 0) return `The best ${who} open model, ${g.best.name} (${score}, ${g.best.date}), reached the closed frontier's score the same month.`;
  return `The best ${who} open model, ${g.best.name} (${score}, ${g.best.date}), reached the score the closed ${g.closedMatch.name} had on ${g.closedMatch.date}: ${g.months} months later.`;
}

export function formatScore(value: number, unit: string): string {
  const v = Number.isInteger(value) ? String(value) : value.toFixed(1);
  return unit === "percent" ? `${v}%` : unit === "minutes" ? `${v} min` : v;
}

// ---- usage ------------------------------------------------------------------------------------

/** Monday of the ISO week of a day: "2026-05-27" -> "2026-05-25". */
export function weekOf(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

export interface UsageWeek {
  week: string;
  /** Days of the week the data has (a partial week at either end of the window says so). */
  days: number;
  /** Share of open-weights tokens by the developer's country group (US, CN, other), 0-1. */
  US: number;
  CN: number;
  other: number;
  /** Open-weights tokens of the week and all tokens of the listings (mapped or not, and `other`). */
  openTokens: number;
  allTokens: number;
}

const groupOfCountry = (c: string): "US" | "CN" | "other" => (c === "US" || c === "CN" ? c : "other");

/** Weekly share of the tokens of open-weights models by country (one router's top listings). */
export function usageShareWeekly(points: UsagePoint[]): UsageWeek[] {
  const weeks = new Map<string, { days: Set<string>; US: number; CN: number; other: number; all: number }>();
  for (const p of points) {
    const key = weekOf(p.day);
    const w = weeks.get(key) ?? { days: new Set<string>(), US: 0, CN: 0, other: 0, all: 0 };
    w.days.add(p.day);
    w.all += p.tokens;
    if (p.model?.openWeights) w[groupOfCountry(p.model.country)] += p.tokens;
    weeks.set(key, w);
  }
  return [...weeks]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([week, w]) => {
      const open = w.US + w.CN + w.other;
      const share = (n: number) => (open ? n / open : 0);
      return { week, days: w.days.size, US: share(w.US), CN: share(w.CN), other: share(w.other), openTokens: open, allTokens: w.all };
    });
}

export interface ModelUsage {
  slug: string;
  name: string;
  country: string;
  tokens: number;
  share: number;
}

/** Open-weights models by tokens in the window, with their share of open-weights tokens. */
export function topOpenModels(points: UsagePoint[], limit = 10): ModelUsage[] {
  const by = new Map<string, ModelUsage>();
  let total = 0;
  for (const p of points) {
    if (!p.model?.openWeights) continue;
    total += p.tokens;
    const m = by.get(p.model.slug) ?? { slug: p.model.slug, name: p.model.name, country: p.model.country, tokens: 0, share: 0 };
    m.tokens += p.tokens;
    by.set(p.model.slug, m);
  }
  return [...by.values()].map((m) => ({ ...m, share: total ? m.tokens / total : 0 })).sort((a, b) => b.tokens - a.tokens || a.slug.localeCompare(b.slug)).slice(0, limit);
}

// ---- the scoreboard ---------------------------------------------------------------------------

export type MeasureKind = "releases" | "totalParams" | "activeParams" | "contextWindow" | "permissiveShare" | "benchmark" | "usage" | "downloads";

/** One side of a scoreboard row: the country's leading model (or its count or share) and its value. */
export interface LeaderSide {
  value: number | null;
  /** The model behind the value; null for counts and shares. */
  model: { slug: string; name: string; date: string } | null;
  /** How the value reads ("1.6T", "85.3%", "70 releases"). */
  text: string;
}

export interface LeaderRow {
  id: string;
  kind: MeasureKind;
  label: string;
  /** What the row measures and over which window, in a sentence. */
  detail: string;
  /** The country that leads this measure among every country in the view (null: no data; "tie"). */
  leader: string | null;
  us: LeaderSide;
  cn: LeaderSide;
  /** The lead of the leader over the runner-up among US and China, in words ("+26 releases", "1.6x"). */
  margin: string | null;
  source: { label: string; url: string | null };
  /**
   * False for a benchmark no open model released in the last 18 months has a score on (GSM8K, HellaSwag):
   * it says who led then, not now, and the dashboard shows it apart, below the current measures.
   */
  current: boolean;
}

/** How recent a benchmark's newest scored open model must be for the benchmark to speak of the present. */
export const CURRENT_BENCHMARK_MONTHS = 18;

export interface LeaderInputs {
  releases: StatRow[];
  scores: ScorePoint[];
  benchmarks: BenchmarkInfo[];
  usage: UsagePoint[];
  adoption: AdoptionPoint[];
  /** The last day the release data covers (the 12-month windows end here). */
  through: string;
  formatCount: (n: number) => string;
  formatTokens: (n: number) => string;
}

const side = (value: number | null, text: string, model: LeaderSide["model"] = null): LeaderSide => ({ value, model, text });
const NONE = side(null, "none");

function leaderOf(values: Map<string, number>, higherIsBetter = true): string | null {
  let best: string | null = null;
  let tie = false;
  for (const [country, v] of values) {
    if (best === null || (higherIsBetter ? v > values.get(best)! : v < values.get(best)!)) {
      best = country;
      tie = false;
    } else if (v === values.get(best)) tie = true;
  }
  return best && tie ? "tie" : best;
}

function marginOf(us: number | null, cn: number | null, kind: "difference" | "ratio" | "points", unit = ""): string | null {
  if (us === null || cn === null) return null;
  const [hi, lo] = us >= cn ? [us, cn] : [cn, us];
  if (hi === lo) return "level";
  if (kind === "ratio") return lo > 0 ? `${(hi / lo).toFixed(hi / lo < 10 ? 2 : 0)}x` : null;
  if (kind === "points") return `+${(hi - lo).toFixed(1)} points`;
  return `+${hi - lo}${unit}`;
}

/** The scoreboard: one row per measure, each with the leading country, the US and Chinese leaders, the margin and the source. */
export function buildLeaders(input: LeaderInputs): LeaderRow[] {
  const { releases, through } = input;
  const yearAgo = shiftYears(through, -1);
  const cutoff = new Date(`${through}T00:00:00Z`);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - CURRENT_BENCHMARK_MONTHS);
  const recentCutoff = cutoff.toISOString().slice(0, 10);
  const recent = releases.filter((r) => r.releaseDate > yearAgo && r.releaseDate <= through);
  const byCountry = <T,>(rows: T[], country: (r: T) => string) => {
    const m = new Map<string, T[]>();
    for (const r of rows) {
      const list = m.get(country(r));
      if (list) list.push(r);
      else m.set(country(r), [r]);
    }
    return m;
  };
  const rowsOf = byCountry(releases, (r) => r.country);
  const recentOf = byCountry(recent, (r) => r.country);
  const curatedSource = { label: "Open Model Atlas curated dataset", url: "/about" };
  const out: LeaderRow[] = [];

  // Releases in the last 12 months the data covers.
  const counts = new Map([...recentOf].map(([c, rs]) => [c, rs.length]));
  const usN = counts.get("US") ?? 0;
  const cnN = counts.get("CN") ?? 0;
  out.push({
    id: "releases", kind: "releases", label: "Open-weights releases, last 12 months",
    detail: `Releases with public weights from ${yearAgo} (exclusive) to ${through}.`,
    leader: leaderOf(counts), us: side(usN, `${usN}`), cn: side(cnN, `${cnN}`), margin: marginOf(usN, cnN, "difference", " releases"), source: curatedSource, current: true,
  });

  // The largest and the longest, over the whole view.
  const sizeRows: [string, "totalParams" | "activeParams" | "contextWindow", string, (n: number) => string][] = [
    ["largest-total", "totalParams", "Largest model, total parameters", input.formatCount],
    ["largest-active", "activeParams", "Largest model, active parameters per token", input.formatCount],
    ["longest-context", "contextWindow", "Longest context window", input.formatTokens],
  ];
  for (const [id, field, label, fmt] of sizeRows) {
    const best = new Map<string, StatRow>();
    for (const [c, rs] of rowsOf) {
      // groupMeasures' record holder (the largest, the earliest of equals), without the rest of its measures.
      const m = maxBy(rs, (r) => r[field]);
      if (m && m[field] !== null) best.set(c, m);
    }
    const s = (c: string) => {
      const r = best.get(c);
      return r ? side(r[field]!, fmt(r[field]!), { slug: r.slug, name: r.name, date: r.releaseDate }) : NONE;
    };
    out.push({
      id, kind: field, label, detail: "The record holder among the open-weights releases in view.",
      leader: leaderOf(new Map([...best].map(([c, r]) => [c, r[field]!]))), us: s("US"), cn: s("CN"),
      margin: marginOf(best.get("US")?.[field] ?? null, best.get("CN")?.[field] ?? null, "ratio"), source: curatedSource, current: true,
    });
  }

  // Permissive share of the last 12 months' releases.
  const shares = new Map([...recentOf].filter(([, rs]) => rs.length >= 5).map(([c, rs]) => [c, rs.filter((r) => r.licenseCategory === "permissive").length / rs.length]));
  const pct = (x: number | undefined) => (x === undefined ? NONE : side(x, `${Math.round(x * 100)}%`));
  out.push({
    id: "permissive-share", kind: "permissiveShare", label: "Permissive licenses, last 12 months",
    detail: "Share of the last 12 months' releases under a permissive license (countries with at least 5 releases).",
    leader: leaderOf(shares), us: pct(shares.get("US")), cn: pct(shares.get("CN")),
    margin: marginOf(shares.has("US") ? shares.get("US")! * 100 : null, shares.has("CN") ? shares.get("CN")! * 100 : null, "points"), source: curatedSource, current: true,
  });

  // The best open model on each benchmark that has open scores from both the US and China.
  // The open scores of each benchmark, grouped once (31 benchmarks over every score otherwise).
  const openScores = new Map<string, ScorePoint[]>();
  for (const sc of input.scores) {
    if (!sc.openWeights) continue;
    const list = openScores.get(sc.benchmarkId);
    if (list) list.push(sc);
    else openScores.set(sc.benchmarkId, [sc]);
  }
  for (const b of input.benchmarks) {
    const best = bestPerModel(openScores.get(b.id) ?? [], b);
    const top = new Map<string, ScorePoint>();
    for (const p of best) {
      const held = top.get(p.country);
      if (!held || better(b, p.value, held.value)) top.set(p.country, p);
    }
    if (!top.has("US") || !top.has("CN")) continue;
    const s = (c: string) => {
      const p = top.get(c)!;
      return side(p.value, formatScore(p.value, b.unit), { slug: p.slug, name: p.name, date: p.releaseDate });
    };
    const kinds = new Set(best.map((p) => p.measuredBy));
    out.push({
      id: `benchmark:${b.id}`, kind: "benchmark", label: b.name,
      detail: `${b.setting} Best open-weights score; ${best.length} open models scored (${[...kinds].sort().join(" and ")}).`,
      leader: leaderOf(new Map([...top].map(([c, p]) => [c, p.value])), b.higherIsBetter), us: s("US"), cn: s("CN"),
      margin: b.unit === "percent" ? marginOf(top.get("US")!.value, top.get("CN")!.value, "points") : marginOf(top.get("US")!.value, top.get("CN")!.value, "ratio"),
      source: { label: [...new Set(best.map((p) => p.evaluator))].length > 3 ? "Several evaluators (see the model pages)" : [...new Set(best.map((p) => p.evaluator))].join(", "), url: b.url },
      current: best.some((p) => p.releaseDate > recentCutoff),
    });
  }

  // Usage: share of open-weights tokens over the window, by country.
  const openUsage = input.usage.filter((u) => u.model?.openWeights);
  if (openUsage.length) {
    const total = openUsage.reduce((n, u) => n + u.tokens, 0);
    const byC = new Map<string, number>();
    for (const u of openUsage) byC.set(u.model!.country, (byC.get(u.model!.country) ?? 0) + u.tokens / total);
    const top = topOpenModels(input.usage, 1000);
    const days = [...new Set(input.usage.map((u) => u.day))].sort();
    const s = (c: string) => {
      const m = top.find((t) => t.country === c);
      return byC.has(c) ? side(byC.get(c)!, `${Math.round(byC.get(c)! * 100)}%`, m ? { slug: m.slug, name: m.name, date: days.at(-1)! } : null) : NONE;
    };
    out.push({
      id: "usage-share", kind: "usage", label: "Usage: share of open-weights tokens",
      detail: `OpenRouter's daily top listings, ${days[0]} to ${days.at(-1)}: one router's traffic, not the whole market. The model named is the country's most used.`,
      leader: leaderOf(byC), us: s("US"), cn: s("CN"), margin: marginOf(byC.has("US") ? byC.get("US")! * 100 : null, byC.has("CN") ? byC.get("CN")! * 100 : null, "points"),
      source: { label: `Source: OpenRouter (openrouter.ai/rankings), as of ${days.at(-1)}`, url: "https://openrouter.ai/rankings" }, current: true,
    });
  }

  // Downloads: the country's most downloaded model (latest snapshot), and which country has more in total.
  const withDownloads = input.adoption.filter((a) => a.downloads !== null);
  if (withDownloads.length) {
    const totals = new Map<string, number>();
    const top = new Map<string, AdoptionPoint>();
    for (const a of withDownloads) {
      totals.set(a.country, (totals.get(a.country) ?? 0) + a.downloads!);
      if (!top.has(a.country) || a.downloads! > top.get(a.country)!.downloads!) top.set(a.country, a);
    }
    const s = (c: string) => {
      const a = top.get(c);
      return a ? side(totals.get(c)!, `${input.formatCount(totals.get(c)!)} in all; top ${input.formatCount(a.downloads!)}`, { slug: a.slug, name: a.name, date: a.takenOn }) : NONE;
    };
    const dates = [...new Set(withDownloads.map((a) => a.takenOn))].sort();
    out.push({
      id: "downloads", kind: "downloads", label: "Hugging Face downloads",
      detail: `Downloads in the 30 days before each model's latest snapshot (${dates[0]}${dates.length > 1 ? ` to ${dates.at(-1)}` : ""}), summed over the tracked models of each country; ${withDownloads.length} models have one.`,
      leader: leaderOf(totals), us: s("US"), cn: s("CN"), margin: marginOf(totals.get("US") ?? null, totals.get("CN") ?? null, "ratio"),
      source: { label: "Hugging Face Hub (snapshots)", url: "https://huggingface.co" }, current: true,
    });
  }
  return out;
}
