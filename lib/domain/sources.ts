/** Where a stored value came from. Order = precedence, highest first (docs/decisions/003-precedence.md). */
export const SOURCE_KINDS = ["correction", "curated", "huggingface", "epoch"] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

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
