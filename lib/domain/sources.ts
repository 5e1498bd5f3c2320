import type { ModelField } from "./model-fields";

/**
 * The source registry: every kind of source a stored value can come from, with what the site says about
 * it (label, credit line, license, home page) and where it stands in the precedence of each field. The
 * About page, the credit lines (CSV, API, footer), the labels on model, data-quality and admin pages, and
 * the database's table of allowed source kinds (synced from here by lib/migrate.ts) all read this.
 * Adding a source: an entry here and the source's folder under lib/ingest/ (docs/architecture.md).
 */
export interface SourceInfo {
  /** How pages name it ("Epoch AI"). */
  label: string;
  /** Primary: the developer's own word (or a reviewed correction); secondary: an aggregator we cross-check with. */
  role: "primary" | "secondary";
  /** One line on what it is and what we take from it, for the About page. */
  description: string;
  /** Home page of the source. */
  homeUrl: string | null;
  /** The license of its data, when we republish some of it. */
  license: string | null;
  /** The credit its license asks for, shown wherever its values are (null: none required). */
  credit: string | null;
  /**
   * A file-based cross-check source (`npm run ingest -- <kind> DIR`, run by lib/ingest/source-run.ts): what
   * its folder holds and the copy the project ships. The command line and its usage text come from this.
   */
  files?: { holds: string; shipped: string };
  /** What it gives the atlas: values of model fields, benchmark scores, usage, adoption figures. */
  supplies: readonly Supply[];
}

export const SUPPLIES = ["fields", "scores", "usage", "adoption"] as const;
export type Supply = (typeof SUPPLIES)[number];

export const SOURCES = {
  correction: {
    label: "Accepted correction",
    role: "primary",
    description: "A value proposed by a reader with evidence and accepted by a moderator (/changes lists every one).",
    homeUrl: null,
    license: null,
    credit: null,
    supplies: ["fields"],
  },
  curated: {
    label: "Curated",
    role: "primary",
    description: "The curated dataset in data/curated: each value checked against the developer's model card, config.json, paper or announcement, with its URL; and data/scores, the benchmark scores developers report in their own model cards, each with the page and the line it was read from.",
    homeUrl: null,
    license: null,
    credit: null,
    supplies: ["fields", "scores"],
  },
  moderator: {
    label: "Moderator review",
    role: "primary",
    description: "A new release that discovery found on the Hugging Face Hub and a moderator completed and accepted in the review queue (/admin/candidates): each value with the page it was read from. `npm run export -- curated` writes such records into data/curated.",
    homeUrl: null,
    license: null,
    credit: null,
    supplies: ["fields"],
  },
  huggingface: {
    label: "Hugging Face",
    role: "primary",
    description: "The Hugging Face Hub: the developer's config.json (experts, positions) and repository metadata (safetensors totals, license tag, creation date, downloads, likes).",
    homeUrl: "https://huggingface.co",
    license: null,
    credit: "Model cards and config.json files on the Hugging Face Hub, by each model's developer",
    supplies: ["fields", "adoption"],
  },
  epoch: {
    label: "Epoch AI",
    role: "secondary",
    description: "Epoch AI's 'Data on AI Models': parameter counts, publication dates and accessibility, compiled from papers and announcements.",
    homeUrl: "https://epoch.ai/data/ai-models",
    license: "CC BY 4.0",
    credit: "Epoch AI, 'Data on AI Models', epoch.ai/data/ai-models (CC BY 4.0)",
    supplies: ["fields"],
  },
  modelsdev: {
    label: "models.dev",
    role: "secondary",
    description: "models.dev's open model database: release dates, context limits as served, parameter counts of newer files, and benchmark scores, each with the URL it was taken from (the developer's card, or an independent evaluator such as Artificial Analysis).",
    homeUrl: "https://models.dev",
    license: "MIT",
    credit: "models.dev, github.com/anomalyco/models.dev (MIT)",
    files: { holds: "models.dev's model files, models/<lab>/<model>.toml", shipped: "data/sources/modelsdev" },
    supplies: ["fields", "scores"],
  },
  "vllm-recipes": {
    label: "vLLM recipes",
    role: "secondary",
    description: "vLLM's deployment recipes: architecture, rounded parameter counts and context length of the models vLLM serves (its dates are when a recipe was written, so we take none).",
    homeUrl: "https://github.com/vllm-project/recipes",
    license: "Apache-2.0",
    credit: "vLLM project, 'recipes', github.com/vllm-project/recipes (Apache-2.0)",
    files: { holds: "vLLM's recipes, models/<org>/<repo>.yaml", shipped: "data/sources/vllm-recipes" },
    supplies: ["fields"],
  },
  "epoch-benchmarks": {
    label: "Epoch AI benchmarks",
    role: "secondary",
    description: "Epoch AI's 'Data on AI Benchmarking': its own runs of GPQA Diamond, MATH Level 5, OTIS Mock AIME, FrontierMath and SWE-bench Verified (independent, one harness, a public log per run), and scores it compiled from leaderboards and papers, each crediting who ran it.",
    homeUrl: "https://epoch.ai/benchmarks",
    license: "CC BY 4.0",
    credit: "Epoch AI, 'Data on AI Benchmarking', epoch.ai/benchmarks (CC BY 4.0)",
    supplies: ["scores"],
  },
  openrouter: {
    label: "OpenRouter",
    role: "secondary",
    description: "OpenRouter's daily token counts per model (its top listings of each day): one router's traffic, not the whole market.",
    homeUrl: "https://openrouter.ai/rankings",
    license: "CC BY 4.0",
    credit: "Source: OpenRouter (openrouter.ai/rankings). Licensed under CC BY 4.0",
    supplies: ["usage"],
  },
  llmfit: {
    label: "Hub snapshot (llmfit, March 2026)",
    role: "secondary",
    description: "Downloads and likes of 514 Hugging Face repositories as scraped in March 2026 by the llmfit project: the Hub's own figures, recorded by a third party.",
    homeUrl: "https://github.com/rauletorresc/llmfit",
    license: "MIT",
    credit: "llmfit, github.com/rauletorresc/llmfit (MIT): Hugging Face adoption snapshot of March 2026",
    supplies: ["adoption"],
  },
} as const satisfies Record<string, SourceInfo>;

export type SourceKind = keyof typeof SOURCES;
/** Every source kind, in the default precedence order (highest first). */
export const SOURCE_KINDS = Object.keys(SOURCES) as [SourceKind, ...SourceKind[]];

/** How pages name a source kind; an unknown kind (a row older than the code) is shown as stored. */
export function sourceLabel(kind: string): string {
  return kind in SOURCES ? SOURCES[kind as SourceKind].label : kind;
}

/** The sources a person enters or reviews, which always lead every field's precedence, in this order. */
const LEADING = ["correction", "curated", "moderator"] as const;
/** Sources that are ingested (everything but the ones that always lead). */
export type IngestedSource = Exclude<SourceKind, (typeof LEADING)[number]>;
/** Sources a run (an IngestRun row) can be of: everything a person does not enter through a form. */
export type RunSource = Exclude<SourceKind, "correction" | "moderator">;
/** Ingested sources that give values of model fields, and so have a place in every field's precedence. */
export type FieldSourceKind = { [K in IngestedSource]: "fields" extends (typeof SOURCES)[K]["supplies"][number] ? K : never }[IngestedSource];

/**
 * Precedence below the three that always lead (accepted correction, curated, moderator review): which ingested source is
 * trusted first for a field (docs/decisions/005-ingesters.md). Fields not named here use DEFAULT_ORDER:
 * Hugging Face (the developer's own config and repository) first, then the aggregators, the rounded
 * vLLM figures last.
 */
const DEFAULT_ORDER: readonly FieldSourceKind[] = ["huggingface", "epoch", "modelsdev", "vllm-recipes"];
const FIELD_ORDER: Partial<Record<ModelField, readonly FieldSourceKind[]>> = {
  // The developer's stated count, as Epoch records it, beats safetensors sums (which count every dtype and
  // packed formats: DeepSeek-V3 shows 684.5B for its 671B); vLLM's counts are rounded ("235B").
  totalParams: ["epoch", "modelsdev", "huggingface", "vllm-recipes"],
  activeParams: ["epoch", "modelsdev", "huggingface", "vllm-recipes"],
  // Context is what the developer advertises, never config.json's positions; models.dev and vLLM give the
  // context as served, which a host may cap.
  contextWindow: ["epoch", "huggingface", "modelsdev", "vllm-recipes"],
  // Epoch's publication date is the announcement; the Hub's createdAt is the weights' repository.
  announcedDate: ["epoch", "huggingface", "modelsdev"],
};

/** The sources of a field, highest precedence first. */
export function sourcePrecedence(field: ModelField): readonly SourceKind[] {
  return [...LEADING, ...(FIELD_ORDER[field] ?? DEFAULT_ORDER)];
}

/** Rank of a source for a field: 0 is the highest. */
export function sourceRank(field: ModelField, kind: string): number {
  const i = sourcePrecedence(field).indexOf(kind as SourceKind);
  return i === -1 ? Number.MAX_SAFE_INTEGER : i;
}

/**
 * The value in use among the values each source holds for a field: the first non-null one by precedence.
 * The one rule behind the write path, the ingest lookup, the model page and the disagreement list.
 */
export function valueInUse<T extends { source: string; value: unknown }>(field: ModelField, held: readonly T[]): T | null {
  let best: T | null = null;
  for (const h of held) {
    if (h.value == null) continue;
    if (!best || sourceRank(field, h.source) < sourceRank(field, best.source)) best = h;
  }
  return best;
}

/** The file-based cross-check sources, in registry order. */
export type CrossCheckSource = { [K in SourceKind]: (typeof SOURCES)[K] extends { files: object } ? K : never }[SourceKind];
export const CROSS_CHECK_SOURCES = SOURCE_KINDS.filter((k) => "files" in SOURCES[k]) as CrossCheckSource[];
export function isCrossCheckSource(kind: string): kind is CrossCheckSource {
  return (CROSS_CHECK_SOURCES as string[]).includes(kind);
}

/** The fields whose precedence differs from the default, for the About page. */
export function precedenceRules(): { fields: ModelField[]; order: readonly SourceKind[] }[] {
  const groups = new Map<string, { fields: ModelField[]; order: readonly SourceKind[] }>();
  for (const [field, order] of Object.entries(FIELD_ORDER) as [ModelField, readonly FieldSourceKind[]][]) {
    const key = order.join(">");
    const g = groups.get(key) ?? { fields: [], order: sourcePrecedence(field) };
    g.fields.push(field);
    groups.set(key, g);
  }
  return [...groups.values()];
}

export const DEFAULT_PRECEDENCE: readonly SourceKind[] = [...LEADING, ...DEFAULT_ORDER];

/** The credit lines of every source that asks for one, joined for a CSV comment, an API field or the footer. */
export function creditLines(): string[] {
  return Object.values(SOURCES as Record<SourceKind, SourceInfo>).flatMap((s) => (s.credit && s.role === "secondary" ? [s.credit] : []));
}

/** Hosts of secondary sources: a curated value citing one is marked secondary. */
const SECONDARY_HOSTS = ["epoch.ai", "epochai.org", "models.dev", "openrouter.ai"];
/** Paths on github.com that are secondary sources (models.dev's TOMLs, vLLM's recipes). */
const SECONDARY_GITHUB_PATHS = ["/anomalyco/models.dev/", "/sst/models.dev/", "/vllm-project/recipes/"];

export function isSecondarySource(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const host = parsed.hostname;
  if (SECONDARY_HOSTS.some((h) => host === h || host.endsWith(`.${h}`))) return true;
  return (host === "github.com" || host === "raw.githubusercontent.com") && SECONDARY_GITHUB_PATHS.some((p) => parsed.pathname.startsWith(p));
}
