import { formatIssues, hfModelInfoSchema } from "@/lib/schemas/hf";

/**
 * What the Hub's model-info answer says about a release, normalized. A value the answer does not state
 * (or states with a known defect, like the createdAt floor) is null: unknown, never a guess.
 */
export interface HfModelFacts {
  /** The repo id as the Hub names it now (a renamed repo answers with its new name). */
  repoId: string;
  author: string | null;
  pipelineTag: string | null;
  /** The license as the Hub states it ("apache-2.0", or the card's license_name for "other"). */
  licenseRaw: string | null;
  /** The id of that license in our table, when we know it. */
  licenseId: string | null;
  /** YYYY-MM-DD of the repo's creation; null when createdAt is missing or the pre-2022-03 floor. */
  releaseDate: string | null;
  createdAtIsFloor: boolean;
  /** Downloads in the last 30 days and likes, as the Hub counted them when the answer was taken. */
  downloads: number | null;
  likes: number | null;
  /**
   * safetensors.total: every tensor element in the safetensors files, summed over dtypes. A source with
   * caveats: packed formats (FP8 with scales, U8-packed FP4) and extra heads (MTP) make it differ from the
   * developer's stated count (DeepSeek-V3: 684,531,386,000 for 671B).
   */
  totalParams: number | null;
  safetensorsDtypes: string[];
  /** false when the repo is disabled (weights no longer downloadable); true when public; null when unsaid. */
  downloadable: boolean | null;
  gated: boolean | null;
  /** The Hub's object id, which a rename keeps. */
  hubId: string | null;
  /** The card's base_model: the repos this one derives from (empty when it says none). */
  baseRepoIds: string[];
}

export class HfShapeError extends Error {}

/**
 * The Hub has no creation dates for repos created before it stored them: they all show
 * 2022-03-02T23:29:0xZ. Nothing we track is that old, so any createdAt before 2022-03-03 is that floor.
 */
export const HF_CREATED_AT_FLOOR = "2022-03-03T00:00:00.000Z";

/**
 * The Hub's license identifiers (and, for "other", the card's license_name) that name a license of our
 * table (data/curated/licenses.yaml). Anything else stays unknown: "modified-mit", for one, names several
 * different licenses.
 */
const LICENSE_IDS: Record<string, string> = {
  "apache-2.0": "apache-2.0",
  mit: "mit",
  "cc-by-4.0": "cc-by-4.0",
  "cc-by-nc-4.0": "cc-by-nc-4.0",
  "cc-by-nc-sa-4.0": "cc-by-nc-sa-4.0",
  llama2: "llama2",
  llama3: "llama3",
  "llama3.1": "llama3.1",
  "llama3.2": "llama3.2",
  "llama3.3": "llama3.3",
  llama4: "llama4",
  gemma: "gemma",
  "bigcode-openrail-m": "bigcode-openrail-m",
  "grok2-community": "grok-2-community",
  // license_name values seen with license: other
  deepseek: "deepseek",
  "deepseek-license": "deepseek",
  qwen: "qwen",
  "tongyi-qianwen": "qwen",
  "qwen-research": "qwen-research",
  exaone: "exaone",
  "nvidia-open-model-license": "nvidia-open-model",
  "databricks-open-model-license": "databricks-open-model",
  "jamba-open-model-license": "jamba-open-model",
  "yi-license": "yi",
  mnpl: "mistral-non-production",
  mrl: "mistral-research",
  "tencent-hunyuan-community": "tencent-hunyuan",
};

export function licenseIdFromHub(raw: string | null): string | null {
  return raw ? (LICENSE_IDS[raw.toLowerCase()] ?? null) : null;
}

/** The card's license (its license_name when it says "other"), else the Hub's `license:` tag. */
function hubLicense(tags: string[], card: { license?: string | string[] | null; license_name?: string | null } | null | undefined): string | null {
  const cardLicense = Array.isArray(card?.license) ? (card.license.length === 1 ? card.license[0]! : null) : (card?.license ?? null);
  const tagLicenses = tags.filter((t) => t.startsWith("license:")).map((t) => t.slice("license:".length));
  const stated = cardLicense ?? (tagLicenses.length === 1 ? tagLicenses[0]! : null);
  if (stated && stated.toLowerCase() === "other") return card?.license_name?.trim() || "other";
  return stated;
}

export function deriveHfModelFacts(json: unknown): HfModelFacts {
  const parsed = hfModelInfoSchema.safeParse(json);
  if (!parsed.success) throw new HfShapeError(`model info has an unexpected shape: ${formatIssues(parsed.error)}`);
  const m = parsed.data;
  const createdAtIsFloor = m.createdAt != null && Date.parse(m.createdAt) < Date.parse(HF_CREATED_AT_FLOOR);
  const licenseRaw = hubLicense(m.tags ?? [], m.cardData);
  return {
    repoId: m.id,
    author: m.author ?? (m.id.split("/")[0] ?? null),
    pipelineTag: m.pipeline_tag ?? null,
    licenseRaw,
    licenseId: licenseIdFromHub(licenseRaw),
    releaseDate: m.createdAt && !createdAtIsFloor ? new Date(m.createdAt).toISOString().slice(0, 10) : null,
    createdAtIsFloor,
    downloads: m.downloads ?? null,
    likes: m.likes ?? null,
    totalParams: m.safetensors?.total ? m.safetensors.total : null,
    safetensorsDtypes: Object.keys(m.safetensors?.parameters ?? {}).sort(),
    downloadable: m.disabled === true ? false : m.private === false ? true : null,
    gated: m.gated == null ? null : m.gated !== false,
    hubId: m._id ?? null,
    baseRepoIds: (Array.isArray(m.cardData?.base_model) ? m.cardData.base_model : m.cardData?.base_model ? [m.cardData.base_model] : []).filter((id) => id.includes("/")),
  };
}
