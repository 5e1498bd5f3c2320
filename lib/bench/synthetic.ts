import { NULL_MODEL_VALUES, type ModelField, type ModelValues, type Variant } from "@/lib/domain/model-fields";

/**
 * Synthetic, realistic-looking model releases for the benchmarks (`npm run bench`), never for the real
 * data: slugs are `synthetic-000123`, names `Synthetic-000123`, every source URL is under
 * https://example.invalid/. Values are drawn from the distribution of the curated dataset (a profile of
 * it, `profileOf`), with a deterministic seed: record `i` is the same on every run and on every machine,
 * so the 10,000-model database is a prefix of the 100,000-model one.
 *
 * Records come in families of four: a base model, two derivatives of it (same size and architecture,
 * another variant, `baseModel` set) and an unrelated size of the same family. Bases precede their
 * derivatives, so loading in index order never names a base that does not exist yet.
 */

/** The part of a curated record the profile reads. */
export interface ProfileInput {
  values: ModelValues;
}

export interface SyntheticProfile {
  /** Primary developers, one entry per curated release (so sampling is weighted by release count). */
  primaryOrgs: string[];
  /** All organization slugs (for the rare second developer). */
  orgs: string[];
  /** Per organization: its share of MoE releases (smoothed) and the licenses it has used. */
  byOrg: Record<string, { moeShare: number; licenses: string[] }>;
  /** ln(totalParams) mean and standard deviation, dense and MoE. */
  denseLog: { mean: number; sd: number };
  moeLog: { mean: number; sd: number };
  /** Empirical samples. */
  moeActiveRatios: number[];
  experts: [number, number, number | null][];
  contexts: (number | null)[];
  releaseDates: string[];
  modalities: ModelValues["modalities"][];
  derivativeVariants: Variant[];
  /** Shares. */
  maxPositionsShare: number;
  announcedEarlierShare: number;
  announcedNullShare: number;
  nullParamsShare: number;
  secondDeveloperShare: number;
  /** The latest real release date: no synthetic date goes past it (the write path refuses future dates). */
  latestDate: string;
}

const lnStats = (xs: number[]) => {
  const ls = xs.map(Math.log);
  const mean = ls.reduce((a, b) => a + b, 0) / ls.length;
  const sd = Math.sqrt(ls.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, ls.length - 1));
  return { mean, sd };
};

export function profileOf(records: ProfileInput[]): SyntheticProfile {
  // Synthetic releases are open-weights releases: the closed reference models are not learnt from.
  const ms = records.map((r) => r.values).filter((m) => m.openWeights);
  if (ms.length === 0) throw new Error("profileOf: no records to learn from");
  const byOrg: SyntheticProfile["byOrg"] = {};
  const counts = new Map<string, { n: number; moe: number; licenses: Set<string> }>();
  for (const m of ms) {
    const org = m.developers[0]!;
    const c = counts.get(org) ?? { n: 0, moe: 0, licenses: new Set<string>() };
    c.n++;
    if (m.architecture === "moe") c.moe++;
    c.licenses.add(m.licenseId!);
    counts.set(org, c);
  }
  for (const [org, c] of counts) byOrg[org] = { moeShare: (c.moe + 0.5) / (c.n + 1), licenses: [...c.licenses].sort() };
  const dense = ms.filter((m) => m.architecture === "dense" && m.totalParams != null);
  const moe = ms.filter((m) => m.architecture === "moe" && m.totalParams != null);
  const share = (pred: (m: ModelValues) => boolean) => ms.filter(pred).length / ms.length;
  const derivativeVariants = ms.filter((m) => m.variant !== "base").map((m) => m.variant);
  return {
    primaryOrgs: ms.map((m) => m.developers[0]!).sort(),
    orgs: [...counts.keys()].sort(),
    byOrg,
    denseLog: lnStats(dense.map((m) => m.totalParams!)),
    moeLog: lnStats(moe.length ? moe.map((m) => m.totalParams!) : [30e9]),
    moeActiveRatios: moe.filter((m) => m.activeParams != null).map((m) => m.activeParams! / m.totalParams!),
    experts: ms
      .filter((m) => m.architecture === "moe" && m.routedExperts != null && m.expertsPerToken != null)
      .map((m) => [m.routedExperts!, m.expertsPerToken!, m.sharedExperts]),
    contexts: ms.map((m) => m.contextWindow),
    releaseDates: ms.map((m) => m.releaseDate).sort(),
    modalities: ms.map((m) => m.modalities),
    derivativeVariants: derivativeVariants.length ? derivativeVariants : ["instruct"],
    maxPositionsShare: share((m) => m.maxPositionEmbeddings != null),
    announcedEarlierShare: share((m) => m.announcedDate != null && m.announcedDate < m.releaseDate),
    announcedNullShare: share((m) => m.announcedDate == null),
    nullParamsShare: share((m) => m.totalParams == null),
    secondDeveloperShare: share((m) => m.developers.length > 1),
    latestDate: ms.map((m) => m.releaseDate).sort().at(-1)!,
  };
}

/** mulberry32: small, fast, good enough for sampling; seeded per record so records are independent. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hash = (...xs: number[]) => xs.reduce((h, x) => Math.imul(h ^ x, 0x9e3779b1) ^ (h >>> 15), 0x811c9dc5) >>> 0;

function normal(r: () => number): number {
  // Box-Muller; 1 - r() avoids log(0).
  return Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

/** Two significant digits, the way releases are sized (7.2B, 180B, 1.5T). */
function roundCount(n: number): number {
  const p = 10 ** (Math.floor(Math.log10(n)) - 1);
  return Math.round(n / p) * p;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const DAY = 86_400_000;
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
const minDate = (a: string, b: string) => (a < b ? a : b);

export const SYNTHETIC_PREFIX = "synthetic-";
export const syntheticSlug = (i: number) => `${SYNTHETIC_PREFIX}${String(i).padStart(6, "0")}`;
export const syntheticUrl = (slug: string) => `https://example.invalid/synthetic/${slug}`;

export interface SyntheticRecord {
  slug: string;
  values: ModelValues;
  /** The source URL of every field. */
  sources: Record<ModelField, string>;
}

/** The family-level draws: the same for the four members of a family. */
function familyDraws(family: number, p: SyntheticProfile, seed: number) {
  const r = rng(hash(seed, family, 1));
  const org = pick(r, p.primaryOrgs);
  const o = p.byOrg[org]!;
  return { org, moeShare: o.moeShare, licenseId: pick(r, o.licenses), date: addDays(pick(r, p.releaseDates), Math.round((r() - 0.5) * 90)), r };
}

/** The size draws of one released size (shared by a base and its derivatives). */
function sizeDraws(key: number, moeShare: number, p: SyntheticProfile, seed: number) {
  const r = rng(hash(seed, key, 2));
  const moe = r() < moeShare && p.experts.length > 0;
  const log = moe ? p.moeLog : p.denseLog;
  let total: number | null = roundCount(clamp(Math.exp(log.mean + log.sd * normal(r)), moe ? 1.2e9 : 1e8, moe ? 2e12 : 1e12));
  let active: number | null = moe ? roundCount(clamp(total * pick(r, p.moeActiveRatios.length ? p.moeActiveRatios : [0.1]), 5e8, total)) : total;
  if (active !== null && active > total) active = total;
  if (r() < p.nullParamsShare) {
    total = null;
    active = null;
  }
  const experts = moe ? pick(r, p.experts) : null;
  const contextWindow = pick(r, p.contexts);
  const maxPositionEmbeddings = r() < p.maxPositionsShare ? (contextWindow ?? 4096) : null;
  const modalities = pick(r, p.modalities);
  return { moe, total, active, experts, contextWindow, maxPositionEmbeddings, modalities };
}

/** Record `i` (0-based) of the synthetic set. */
export function syntheticRecord(i: number, p: SyntheticProfile, seed = 42): SyntheticRecord {
  const family = Math.floor(i / 4);
  const member = i % 4;
  const f = familyDraws(family, p, seed);
  // Members 0, 1 and 2 share a size (a base and two derivatives); member 3 is another size.
  const size = sizeDraws(member === 3 ? family * 2 + 1 : family * 2, f.moeShare, p, seed);
  const r = rng(hash(seed, i, 3));
  const slug = syntheticSlug(i);
  const variant: Variant = member === 0 ? "base" : pick(r, p.derivativeVariants);
  const baseModel = member === 1 || member === 2 ? syntheticSlug(family * 4) : null;

  const latest = p.latestDate;
  const base = minDate(f.date, latest);
  const releaseDate = member === 0 ? base : minDate(addDays(base, Math.floor(r() * 30)), latest);
  const a = r();
  const announcedDate = a < p.announcedNullShare ? null : a < p.announcedNullShare + p.announcedEarlierShare ? addDays(releaseDate, -1 - Math.floor(r() * 60)) : releaseDate;

  const developers = [f.org];
  if (r() < p.secondDeveloperShare) {
    const other = pick(r, p.orgs);
    if (other !== f.org) developers.push(other);
  }
  const number = String(i).padStart(6, "0");
  const values: ModelValues = {
    ...NULL_MODEL_VALUES,
    name: `Synthetic-${number}`,
    family: `Synthetic-Family-${String(family).padStart(5, "0")}`,
    variant,
    developers,
    announcedDate,
    releaseDate,
    totalParams: size.total,
    activeParams: size.active,
    architecture: size.moe ? "moe" : "dense",
    routedExperts: size.experts ? size.experts[0] : null,
    expertsPerToken: size.experts ? size.experts[1] : null,
    sharedExperts: size.experts ? size.experts[2] : null,
    contextWindow: size.contextWindow,
    maxPositionEmbeddings: size.maxPositionEmbeddings,
    licenseId: f.licenseId,
    openWeights: true,
    hfRepoId: `bench-synthetic/Synthetic-${number}`,
    baseModel,
    modalities: size.modalities,
  };
  const url = syntheticUrl(slug);
  const sources = Object.fromEntries(Object.keys(values).map((k) => [k, url])) as Record<ModelField, string>;
  return { slug, values, sources };
}
