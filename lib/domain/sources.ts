import type { ModelField } from "./model-fields";

/** Where a stored value came from. Order = default precedence, highest first (docs/decisions/003-precedence.md). */
export const SOURCE_KINDS = ["correction", "curated", "huggingface", "epoch"] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const SOURCE_LABELS: Record<SourceKind, string> = {
  correction: "Accepted correction",
  curated: "Curated",
  huggingface: "Hugging Face",
  epoch: "Epoch AI",
};

/**
 * Source-specific rules below the two that always lead (accepted correction, then curated): which ingested
 * source is trusted first for a field (docs/decisions/005-ingesters.md). Fields not named here use the
 * default order: Hugging Face (config.json and repo metadata, first-hand) before Epoch AI (an aggregator).
 */
const INGESTED_ORDER: Partial<Record<ModelField, readonly SourceKind[]>> = {
  // The developer's stated count, as Epoch records it, beats safetensors sums (which count every dtype and
  // packed formats: DeepSeek-V3 shows 684.5B for its 671B).
  totalParams: ["epoch", "huggingface"],
  activeParams: ["epoch", "huggingface"],
  // Context is what the developer advertises (model card, announcement), never config.json's positions.
  contextWindow: ["epoch", "huggingface"],
  // Epoch's publication date is the announcement; the Hub's createdAt is the weights' repository.
  announcedDate: ["epoch", "huggingface"],
};

const DEFAULT_INGESTED_ORDER: readonly SourceKind[] = ["huggingface", "epoch"];

/** The sources of a field, highest precedence first. */
export function sourcePrecedence(field: ModelField): readonly SourceKind[] {
  return ["correction", "curated", ...(INGESTED_ORDER[field] ?? DEFAULT_INGESTED_ORDER)];
}

/** Rank of a source for a field: 0 is the highest. */
export function sourceRank(field: ModelField, kind: string): number {
  const i = sourcePrecedence(field).indexOf(kind as SourceKind);
  return i === -1 ? Number.MAX_SAFE_INTEGER : i;
}

/** Aggregators we cite only where no primary source exists; their URLs are marked secondary. */
const SECONDARY_HOSTS = ["epoch.ai", "epochai.org", "models.dev"];

export function isSecondarySource(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return false;
  }
  return SECONDARY_HOSTS.some((h) => host === h || host.endsWith(`.${h}`));
}
