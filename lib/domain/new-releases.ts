import { countryName } from "./countries";
import { licenseText, type LicenseCategory } from "./licenses";
import type { Architecture } from "./model-fields";
import { formatParams, formatTokens } from "./params";

/**
 * The feed of new releases (`/releases.atom`, the "New releases" section of /changes): the newest
 * open-weights records in the order the atlas listed them, each with its key values in words, so that a
 * reader of the feed alone knows what was released, by whom, from where, how big and under what terms.
 */
export const RELEASES_FEED_LIMIT = 50;

export interface ReleaseEntryInput {
  slug: string;
  name: string;
  organization: { name: string; country: string };
  /** The weights' release date, YYYY-MM-DD. */
  releaseDate: string;
  totalParams: number | null;
  activeParams: number | null;
  architecture: Architecture | null;
  contextWindow: number | null;
  license: { name: string; category: LicenseCategory } | null;
  /** When the atlas listed the record (ISO timestamp). */
  listedAt: string;
}

export interface ReleaseKeyValue {
  label: string;
  value: string;
}

const known = (text: string) => (text === "—" ? "not known" : text);

/** The key values of a release, in reading order. */
export function releaseKeyValues(r: ReleaseEntryInput): ReleaseKeyValue[] {
  const active =
    r.architecture === "dense" && r.activeParams != null && r.activeParams === r.totalParams ? `${formatParams(r.activeParams)} (dense: all of them)` : known(formatParams(r.activeParams));
  return [
    { label: "Developer", value: r.organization.name },
    { label: "Country", value: countryName(r.organization.country) },
    { label: "Weights released", value: r.releaseDate },
    { label: "Total parameters", value: known(formatParams(r.totalParams)) },
    { label: "Active parameters", value: active },
    { label: "Context window", value: r.contextWindow == null ? "not known" : `${formatTokens(r.contextWindow)} tokens` },
    { label: "License", value: licenseText(r.license) },
  ];
}

/** One line for the entry's title: "DeepSeek-V3 by DeepSeek, China: 671B total, 37B active, 128K context". */
export function releaseTitle(r: ReleaseEntryInput): string {
  const parts = [
    r.totalParams != null ? `${formatParams(r.totalParams)} total` : null,
    r.activeParams != null && r.activeParams !== r.totalParams ? `${formatParams(r.activeParams)} active` : null,
    r.contextWindow != null ? `${formatTokens(r.contextWindow)} context` : null,
  ].filter(Boolean);
  return `${r.name} by ${r.organization.name}, ${countryName(r.organization.country)}${parts.length ? `: ${parts.join(", ")}` : ""}`;
}

/** The entry's text: every key value as "Label: value.", then when the atlas listed it. */
export function releaseSummary(r: ReleaseEntryInput): string {
  return [...releaseKeyValues(r).map((kv) => `${kv.label}: ${kv.value}.`), `Listed in the atlas on ${r.listedAt.slice(0, 10)}.`].join(" ");
}
