import type { ModelListItem } from "@/lib/data/models";
import { toCsv } from "@/lib/domain/csv";

export const CSV_COLUMNS = [
  "slug", "name", "family", "variant", "organization", "organization_name", "country", "developers", "release_date",
  "announced_date", "total_params", "active_params", "architecture", "routed_experts", "experts_per_token",
  "shared_experts", "context_window", "max_position_embeddings", "license_id", "license_name", "license_category",
  "open_weights", "hf_repo_id", "base_model", "modalities", "url",
] as const;

/** Credit for the secondary sources some values come from (their licenses require it). */
export const CREDIT_LINE =
  "# Open Model Atlas. Secondary sources: Epoch AI, 'Data on AI Models', epoch.ai/data/ai-models (CC BY 4.0); models.dev (MIT). Per-value sources: /api/v1/models/{slug}";

export function modelsCsv(models: ModelListItem[], origin: string): string {
  const rows = models.map((m) => [
    m.slug, m.name, m.family, m.variant, m.organization.slug, m.organization.name, m.organization.country,
    m.developers.map((d) => d.slug), m.releaseDate, m.announcedDate, m.totalParams, m.activeParams, m.architecture,
    m.routedExperts, m.expertsPerToken, m.sharedExperts, m.contextWindow, m.maxPositionEmbeddings, m.license.id,
    m.license.name, m.license.category, m.openWeights, m.hfRepoId, m.baseModel, m.modalities, `${origin}/models/${m.slug}`,
  ]);
  return toCsv([...CSV_COLUMNS], rows) + CREDIT_LINE + "\r\n";
}
