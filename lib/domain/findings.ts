/**
 * The dashboard's chart titles: each states what the data in view shows (the filters and the as-of date
 * applied), the question it answers moves to the subtitle. Pure functions of the rows and chart rows the
 * charts draw, so the page and /api/v1/stats (`findings`) say the same thing, unit-tested in
 * findings.test.ts. A period the data does not cover to its end is never counted as a decline: the
 * period findings read complete periods only (and say so when there is none).
 */
import { OTHER, recordSetters, type BucketRow, type Group, type StatRow } from "./aggregation";
import { countryName } from "./countries";
import { formatDay } from "./dates";
import { formatScore, type CapabilityFrontier } from "./measures";
import { formatParams, formatTokens } from "./params";

/** A title per chart, keyed by its `data-chart` name. */
export interface ChartFindings {
  "releases-per-quarter": string;
  size: string;
  context: string;
  "moe-share": string;
  licenses: string;
  cumulative: string;
}

/** The questions the titles used to ask: now the first words of each subtitle. */
export const CHART_QUESTIONS = {
  capability: "Which country's open-weights models score best?",
  "usage-share": "Whose open-weights models do people use?",
  "releases-per-quarter": "Who releases more open-weights models each quarter?",
  size: "Who releases the biggest open-weights models?",
  context: "Who releases the longest-context open-weights models?",
  "moe-share": "Who has moved to Mixture-of-Experts?",
  licenses: "Who releases under the most open licenses?",
  cumulative: "How many open-weights models has each country released in total?",
} as const;

/** A country as a sentence's subject: "The United States", "China", "France". */
const subject = (code: string) => (code === "US" ? "The United States" : countryName(code));
/** "United States", "China", a country added with compare, or "Other countries" (never a flag). */
const noun = (g: Group) => (g === OTHER ? "Other countries" : countryName(g));
/** "US", "Chinese", or "French" is not in Intl: "releases from France" reads for the rest. */
const adjective = (g: Group) => (g === "US" ? "US" : g === "CN" ? "Chinese" : null);
const releasesOf = (g: Group) => (adjective(g) ? `${adjective(g)} releases` : `Releases from ${noun(g)}`);
/** Lower-case a sentence's first word for the middle of a sentence, never an abbreviation ("US"). */
const lower = (s: string) => (/^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s);
const pct = (x: number) => `${Math.round(x * 100)}%`;
const num = (row: BucketRow | Record<string, unknown>, key: string) => Number(row[key] ?? 0);

// ---- records: the size and context charts ------------------------------------------------------

/**
 * Who holds the record for a measure, and since when without a break: the combined running maximum of
 * every release in view, walked back from today's holder while the record stayed with the same country.
 */
export function recordHolder(rows: StatRow[], measure: "totalParams" | "activeParams" | "contextWindow") {
  const steps = recordSetters(rows, measure);
  const holder = steps.at(-1);
  if (!holder) return null;
  let since = steps.length - 1;
  while (since > 0 && steps[since - 1]!.country === holder.country) since--;
  return { holder, country: holder.country, since: steps[since]!.releaseDate, steps: steps.length - since, first: since === 0 };
}

function recordFinding(rows: StatRow[], measure: "totalParams" | "contextWindow"): string {
  const r = recordHolder(rows, measure);
  if (!r) return measure === "totalParams" ? "No release in this view states its total parameters" : "No release in this view states its context window";
  const what = measure === "totalParams" ? "the largest open-weights model" : "the longest context window of an open-weights model";
  const value = measure === "totalParams" ? formatParams(r.holder.totalParams) : `${formatTokens(r.holder.contextWindow)} tokens`;
  return `${subject(r.country)} has held the record for ${what} since ${formatDay(r.since)} (now ${r.holder.name}, ${value})`;
}

export const sizeFinding = (rows: StatRow[]) => recordFinding(rows, "totalParams");
export const contextFinding = (rows: StatRow[]) => recordFinding(rows, "contextWindow");

// ---- releases per quarter ----------------------------------------------------------------------

/** Of the last (up to) four complete quarters, how many each of the United States and China led. */
export function quarterFinding(quarters: BucketRow[], window = 4): string {
  const complete = quarters.filter((q) => !q.incomplete).slice(-window);
  if (!quarters.length) return "No open-weights releases in this view";
  if (!complete.length) return "No quarter in this view is complete yet: the counts so far are drawn hatched";
  const k = complete.length;
  const last = k === 1 ? `the last complete quarter (${complete[0]!.quarter})` : `the last ${k} complete quarters`;
  const cn = complete.filter((q) => num(q, "CN") > num(q, "US")).length;
  const us = complete.filter((q) => num(q, "US") > num(q, "CN")).length;
  if (complete.every((q) => num(q, "US") === 0 && num(q, "CN") === 0)) return `Neither the United States nor China released an open-weights model in ${last} in this view`;
  if (cn === us) {
    if (us === 0) return `The United States and China released equally many open-weights models in ${k === 1 ? last : `each of ${last}`}`;
    return `The United States and China each released more open-weights models than the other in ${us} of ${last}`;
  }
  const [leader, other, m] = cn > us ? ["China", "the United States", cn] : ["The United States", "China", us];
  return `${leader} released more open-weights models than ${other} in ${k === 1 ? last : `${m === k ? "each" : m} of ${last}`}`;
}

/** Who has released more in total at the end of the view, and since which quarter without a break. */
export function cumulativeFinding(cumulative: BucketRow[]): string {
  const last = cumulative.at(-1);
  if (!last) return "No open-weights releases in this view";
  const us = num(last, "US");
  const cn = num(last, "CN");
  if (us === cn) return `The United States and China have released equally many open-weights models in this view (${us} each)`;
  const [leader, key, otherKey, other] = cn > us ? ["China", "CN", "US", "the United States"] : ["The United States", "US", "CN", "China"];
  let start = cumulative.length - 1;
  while (start > 0 && num(cumulative[start - 1]!, key) > num(cumulative[start - 1]!, otherKey)) start--;
  const since = start === 0 ? `in every quarter in view since ${cumulative[0]!.quarter}` : `since ${cumulative[start]!.quarter}`;
  return `${leader} has released more open-weights models in total than ${other} ${since} (${Math.max(us, cn)} to ${Math.min(us, cn)})`;
}

// ---- Mixture-of-Experts share ------------------------------------------------------------------

/**
 * One group's MoE habit: the run of complete half-years with releases, back from the latest, on the same
 * side of one half ("mostly MoE", "mostly dense"); "all" when every release of the run was one kind.
 */
export function moeTrend(halves: Record<string, string | number | boolean | null>[], group: Group): string {
  const complete = halves.filter((h) => !h.incomplete);
  const seen = (complete.length ? complete : halves).filter((h) => typeof h[group] === "number");
  const who = releasesOf(group);
  const latest = seen.at(-1);
  if (!latest) return adjective(group) ? `No ${adjective(group)} releases in this view` : `No releases from ${noun(group)} in this view`;
  const side = (h: (typeof seen)[number]) => Math.sign((h[group] as number) - 0.5);
  const s = side(latest);
  let start = seen.length - 1;
  while (start > 0 && side(seen[start - 1]!) === s) start--;
  const run = seen.slice(start);
  const shares = run.map((h) => h[group] as number);
  const label = s === 0 ? "evenly split between MoE and dense" : shares.every((x) => x === 1) ? "all MoE" : shares.every((x) => x === 0) ? "all dense" : s > 0 ? "mostly MoE" : "mostly dense";
  const since = run.length === 1 ? `in ${latest.half}` : `since ${run[0]!.half}`;
  return `${who} ${run.length === 1 ? "were" : "have been"} ${label} ${since}`;
}

export function moeFinding(halves: Record<string, string | number | boolean | null>[]): string {
  if (!halves.length) return "No open-weights releases in this view";
  const parts = (["CN", "US"] as const).map((g) => moeTrend(halves, g));
  return `${parts[0]}; ${lower(parts[1]!)}`;
}

// ---- licenses ------------------------------------------------------------------------------------

/** The latest complete year with US or Chinese releases: what share of each was permissively licensed. */
export function licenseFinding(years: BucketRow[]): string {
  const total = (y: BucketRow, g: Group) => ["permissive", "restricted", "non-commercial"].reduce((n, c) => n + num(y, `${g}:${c}`), 0);
  const has = (y: BucketRow) => total(y, "US") + total(y, "CN") > 0;
  const complete = years.filter((y) => !y.incomplete && has(y));
  const year = complete.at(-1) ?? years.filter(has).at(-1);
  if (!year) return "No US or Chinese open-weights releases in this view";
  const partial = year.incomplete ? " so far" : "";
  const share = (g: "US" | "CN") => {
    const n = total(year, g);
    return n ? num(year, `${g}:permissive`) / n : null;
  };
  const [us, cn] = [share("US"), share("CN")];
  const part = (g: "US" | "CN", s: number | null) => (s === null ? `no ${adjective(g)} releases` : `${pct(s)} of ${adjective(g)} releases`);
  const head = `In ${year.year}${partial}`;
  if (us !== null && cn !== null && us !== cn) {
    const [a, b] = cn > us ? [part("CN", cn), part("US", us)] : [part("US", us), part("CN", cn)];
    return `${head}, ${a} had a permissive license, against ${b}`;
  }
  if (us !== null && cn !== null) return `${head}, ${pct(us)} of both US and Chinese releases had a permissive license`;
  return `${head}, ${us === null ? part("CN", cn) : part("US", us)} had a permissive license (${us === null ? part("US", us) : part("CN", cn)})`;
}

// ---- the charts with data of their own ----------------------------------------------------------

/** The capability chart's title states its finding from the data in view. */
export function capabilityFinding(f: Pick<CapabilityFrontier, "benchmark" | "us" | "cn">): string {
  const us = f.us.at(-1);
  const cn = f.cn.at(-1);
  if (!us && !cn) return `No open-weights model has a ${f.benchmark.name} score in this view`;
  if (!us || !cn) return `On ${f.benchmark.name}, only ${us ? "US" : "Chinese"} open-weights models have scores in this view`;
  const better = f.benchmark.higherIsBetter ? cn.value > us.value : cn.value < us.value;
  if (cn.value === us.value) return `On ${f.benchmark.name}, the best US and Chinese open-weights models are level`;
  return `On ${f.benchmark.name}, the best ${better ? "Chinese" : "US"} open-weights model leads (${formatScore(better ? cn.value : us.value, f.benchmark.unit)} to ${formatScore(better ? us.value : cn.value, f.benchmark.unit)})`;
}

/** The usage chart's title states the latest full week's split. */
export function usageFinding(weeks: { week: string; days: number; US: number; CN: number }[]): string {
  const last = [...weeks].reverse().find((w) => w.days === 7) ?? weeks.at(-1);
  if (!last) return "Usage of open-weights models: no data in this view";
  const leader = last.CN >= last.US ? "Chinese" : "US";
  return `${leader} models carried ${Math.round(Math.max(last.CN, last.US) * 100)}% of OpenRouter's open-weights tokens in the week of ${last.week}`;
}

/** Every chart's title from the rows behind it (buildStats' charts). */
export function chartFindings(rows: StatRow[], charts: { releasesPerQuarter: BucketRow[]; cumulative: BucketRow[]; moeSharePerHalf: Record<string, string | number | boolean | null>[]; licensesPerYear: BucketRow[] }): ChartFindings {
  return {
    "releases-per-quarter": quarterFinding(charts.releasesPerQuarter),
    size: sizeFinding(rows),
    context: contextFinding(rows),
    "moe-share": moeFinding(charts.moeSharePerHalf),
    licenses: licenseFinding(charts.licensesPerYear),
    cumulative: cumulativeFinding(charts.cumulative),
  };
}
