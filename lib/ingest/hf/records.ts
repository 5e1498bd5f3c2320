import { ConfigShapeError, parseHfConfig, type ConfigFacts } from "./config";
import { deriveHfModelFacts, HfShapeError, type HfModelFacts } from "./model-info";
import { hfConfigUrl, hfModelUrl, type HfRawAnswer, type HfSource } from "./source";

/**
 * One repo as the Hugging Face ingester derives it: the model-info facts, the config.json facts, and
 * what could not be read. This is what `--json` prints; the database is not involved.
 */
export interface HfRecord {
  requestedId: string;
  /** The id the Hub answers with (differs from requestedId for a renamed repo). */
  repoId: string;
  modelUrl: string;
  configUrl: string;
  /** Null when no model-info answer is available (a folder with only config.json). */
  info: HfModelFacts | null;
  /** When the model-info answer was taken (adoption figures are dated with it). */
  takenAt: string | null;
  config: ConfigFacts | null;
  /** parsed | missing (404) | forbidden (gated, no token) | not-recorded (folder without it) | unreadable. */
  configState: "parsed" | "missing" | "forbidden" | "not-recorded" | "unreadable";
  /** Problems that leave part of the record unknown (the rest is used). */
  problems: string[];
}

export function deriveHfRecord(raw: HfRawAnswer): HfRecord {
  const problems: string[] = [];
  let info: HfModelFacts | null = null;
  if (raw.info) {
    try {
      info = deriveHfModelFacts(raw.info.json);
    } catch (e) {
      if (!(e instanceof HfShapeError)) throw e;
      problems.push(e.message);
    }
  }
  let config: ConfigFacts | null = null;
  let configState: HfRecord["configState"] = raw.config.state === "found" ? "parsed" : raw.config.state;
  if (raw.config.state === "unreadable") problems.push(`config.json could not be read: ${raw.config.reason}`);
  if (raw.config.state === "found") {
    try {
      config = parseHfConfig(raw.config.json);
    } catch (e) {
      if (!(e instanceof ConfigShapeError)) throw e;
      problems.push(e.message);
      configState = "unreadable";
    }
  }
  if (configState === "forbidden") problems.push("config.json is gated: set HF_TOKEN to a token that has accepted the repo's terms");
  if (info?.createdAtIsFloor) problems.push("createdAt is the Hub's floor value for old repos: release date unknown");
  if (info && info.licenseRaw && !info.licenseId) problems.push(`license "${info.licenseRaw}" is not one we can name: license unknown`);
  const repoId = info?.repoId ?? raw.requestedId;
  return {
    requestedId: raw.requestedId,
    repoId,
    modelUrl: hfModelUrl(repoId),
    configUrl: hfConfigUrl(repoId),
    info,
    takenAt: raw.info?.takenAt.toISOString() ?? null,
    config,
    configState,
    problems,
  };
}

export interface HfTargets {
  repos?: string[];
  orgs?: string[];
  /** Every repo a recorded folder holds (the default with --from-dir and no --repo/--org). */
  recorded?: boolean;
  /** Repos known from elsewhere (the database's hfRepoIds). */
  known?: string[];
}

/** Resolves targets to repo ids (org listings filtered by pipeline and size floor), deduplicated without case. */
export async function resolveHfTargets(
  source: HfSource,
  targets: HfTargets,
  minParams: number,
): Promise<{ repoIds: string[]; notes: string[]; failures: { item: string; message: string }[] }> {
  const notes: string[] = [];
  const failures: { item: string; message: string }[] = [];
  const ids: string[] = [...(targets.repos ?? []), ...(targets.known ?? [])];
  if (targets.recorded) ids.push(...((await source.listRecorded()) ?? []));
  for (const org of targets.orgs ?? []) {
    try {
      const listing = await source.listOrganization(org);
      let belowFloor = 0;
      let unknownSize = 0;
      let otherPipeline = 0;
      for (const e of listing.entries) {
        if (e.pipelineTag && e.pipelineTag !== "text-generation" && e.pipelineTag !== "image-text-to-text") otherPipeline++;
        else if (e.totalParams == null) unknownSize++;
        else if (e.totalParams < minParams) belowFloor++;
        else ids.push(e.id);
      }
      notes.push(
        `--org ${org}: ${listing.entries.length} listed, ${listing.entries.length - belowFloor - unknownSize - otherPipeline} kept` +
          (belowFloor ? `, ${belowFloor} below the size floor` : "") +
          (unknownSize ? `, ${unknownSize} without safetensors size (skipped)` : "") +
          (otherPipeline ? `, ${otherPipeline} not text generation` : "") +
          (listing.truncated ? " (listing cut short: too many pages)" : ""),
      );
    } catch (e) {
      failures.push({ item: `--org ${org}`, message: (e as Error).message });
    }
  }
  const seen = new Set<string>();
  const repoIds = ids.filter((id) => {
    const k = id.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return { repoIds, notes, failures };
}

/**
 * Fetches and derives every repo, with the source's own concurrency limit, calling `onRecord` in the
 * order of `repoIds` as soon as each one (and all before it) is ready. A repo that cannot be fetched is
 * handed over as an error, never thrown.
 */
export async function forEachHfRecord(
  source: HfSource,
  repoIds: string[],
  onRecord: (id: string, result: { record: HfRecord } | { error: string }) => Promise<void>,
): Promise<void> {
  const pending = repoIds.map((id) =>
    source.fetch(id).then(
      (raw) => {
        try {
          return { record: deriveHfRecord(raw) };
        } catch (e) {
          return { error: (e as Error).message };
        }
      },
      (e: Error) => ({ error: e.message }),
    ),
  );
  for (const [i, id] of repoIds.entries()) await onRecord(id, await pending[i]!);
}
