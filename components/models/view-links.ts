import { modelQueryToParams, type ModelQuery } from "@/lib/schemas/model-query";
import { withQuery } from "@/lib/domain/url";

/** Page-only view state carried beside the query in /models URLs: which parameter count the table shows. */
export type ParamsView = "total" | "active";

/** The view a query implies when the URL does not say: sorting by active parameters shows them. */
export function impliedView(query: ModelQuery): ParamsView {
  return query.sort === "activeParams" ? "active" : "total";
}

export function modelsHref(query: ModelQuery, view: ParamsView, changes: Partial<ModelQuery> = {}): string {
  const next = { ...query, ...changes };
  const params = modelQueryToParams(next);
  if (view !== impliedView(next)) params.set("params", view);
  return withQuery("/models", params);
}
