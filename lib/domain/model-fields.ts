/**
 * The user-facing fields of a model release. Each one is stored with its own provenance
 * (source kind, URL, retrieval date) and every change of one is written to the revision log.
 */
export const MODEL_FIELDS = [
  "name",
  "family",
  "variant",
  "developers",
  "announcedDate",
  "releaseDate",
  "totalParams",
  "activeParams",
  "architecture",
  "routedExperts",
  "expertsPerToken",
  "sharedExperts",
  "contextWindow",
  "maxPositionEmbeddings",
  "licenseId",
  "openWeights",
  "hfRepoId",
  "baseModel",
  "modalities",
] as const;
export type ModelField = (typeof MODEL_FIELDS)[number];

export const ARCHITECTURES = ["dense", "moe"] as const;
export type Architecture = (typeof ARCHITECTURES)[number];

export const VARIANTS = ["base", "instruct", "reasoning", "coder", "other"] as const;
export type Variant = (typeof VARIANTS)[number];

export const MODALITIES = ["text", "image", "audio", "video"] as const;
export type Modality = (typeof MODALITIES)[number];

export const ORGANIZATION_KINDS = ["company", "lab", "university", "nonprofit"] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/** A model release as the write path takes it: every field, normalized, no source attached. */
export interface ModelValues {
  name: string;
  family: string;
  variant: Variant;
  /** Organization slugs; the first is the primary developer. */
  developers: string[];
  /** YYYY-MM-DD */
  announcedDate: string | null;
  /** YYYY-MM-DD: when the weights became downloadable. */
  releaseDate: string;
  /** All weights, as an integer count. */
  totalParams: number | null;
  /** Weights used per token (MoE: shared + chosen experts + the rest); dense: equal to totalParams. */
  activeParams: number | null;
  architecture: Architecture;
  /** MoE only: routed experts per MoE layer. */
  routedExperts: number | null;
  /** MoE only: routed experts chosen per token. */
  expertsPerToken: number | null;
  /** MoE only: experts every token goes through. */
  sharedExperts: number | null;
  /** The longest input the developer states the release supports, in tokens. */
  contextWindow: number | null;
  /** config.json's max_position_embeddings, which often differs from the advertised context. */
  maxPositionEmbeddings: number | null;
  licenseId: string;
  openWeights: boolean;
  hfRepoId: string | null;
  /** Slug of the model this one derives from. */
  baseModel: string | null;
  modalities: Modality[];
}
