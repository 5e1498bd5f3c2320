import { modelQueryToParams, type ModelQuery } from "@/lib/schemas/model-query";
import { withQuery } from "@/lib/domain/url";

/** Page-only view state carried beside the query in /models URLs. */
export type ParamsView = "total" | "active";

export function modelsHref(query: ModelQuery, view: ParamsView, changes: Partial<ModelQuery> = {}): string {
  const params = modelQueryToParams({ ...query, ...changes });
  if (view === "active") params.set("params", "active");
  return withQuery("/models", params);
}
