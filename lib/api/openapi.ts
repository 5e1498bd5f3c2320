import { QUERY_PARAMS, QUERY_PARAM_NAMES } from "@/lib/schemas/model-query";
import { LICENSE_CATEGORIES } from "@/lib/domain/licenses";
import { MODEL_FIELD_REGISTRY, MODEL_FIELDS } from "@/lib/domain/model-fields";
import { CSV_COLUMNS } from "./models-csv";

/** The OpenAPI 3.1 description of the public read API, built from the same parameter table the API parses with. */
export function openApiDocument(origin: string) {
  const organization = { type: "object", required: ["slug", "name", "country"], properties: { slug: { type: "string" }, name: { type: "string" }, country: { type: "string", description: "ISO 3166-1 alpha-2 of the headquarters" } } };
  const license = { type: "object", required: ["id", "name", "category"], properties: { id: { type: "string" }, name: { type: "string" }, category: { enum: [...LICENSE_CATEGORIES] } } };
  // Every field's property comes from the field registry (lib/domain/model-fields.ts); slug, the primary
  // developer and the page's URL are the list item's own.
  const fieldProperties = Object.fromEntries(
    MODEL_FIELDS.map((f) => {
      const { api } = MODEL_FIELD_REGISTRY[f];
      return [api.name, api.description ? { ...api.schema, description: api.description } : api.schema];
    }),
  );
  const properties = {
    slug: { type: "string" },
    organization: { $ref: "#/components/schemas/Organization", description: "The primary (first) developer" },
    ...fieldProperties,
    url: { type: "string", format: "uri", description: "The model's page" },
  };
  const model = { type: "object", required: Object.keys(properties), properties };
  const error = { type: "object", required: ["error"], properties: { error: { type: "string" }, details: { type: "array", items: { type: "object", properties: { param: { type: "string" }, message: { type: "string" } } } } } };
  const parameters = QUERY_PARAM_NAMES.map((name) => ({ name, in: "query", required: false, description: QUERY_PARAMS[name].doc, schema: { type: "string" } }));
  const errors = {
    "400": { description: "An invalid parameter: the body names it and what is allowed", content: { "application/json": { schema: error } } },
    "503": { description: "The data store is unavailable; retry", content: { "application/json": { schema: error } } },
  };
  return {
    openapi: "3.1.0",
    info: {
      title: "Open Model Atlas API",
      version: "1",
      description: "Open-weights AI model releases with their developers' countries, sizes, context windows and licenses. Every value has a source. Secondary sources: Epoch AI (CC BY 4.0), models.dev (MIT).",
    },
    servers: [{ url: origin }],
    components: { schemas: { Organization: organization, License: license } },
    paths: {
      "/api/v1/models": {
        get: {
          summary: "Filtered, sorted, paged list of model releases",
          parameters,
          responses: {
            "200": { description: "A page of models", content: { "application/json": { schema: { type: "object", required: ["data", "page", "pageSize", "total"], properties: { data: { type: "array", items: model }, page: { type: "integer" }, pageSize: { type: "integer" }, total: { type: "integer" } } } } } },
            ...errors,
          },
        },
      },
      "/api/v1/models.csv": {
        get: {
          summary: "The same list as CSV, every row (page and pageSize are ignored), with a credit line",
          parameters,
          responses: { "200": { description: `CSV with the columns ${CSV_COLUMNS.join(", ")}`, content: { "text/csv": { schema: { type: "string" } } } }, ...errors },
        },
      },
      "/api/v1/models/{slug}": {
        get: {
          summary: "One model with every field, each value's source and the revision history",
          parameters: [{ name: "slug", in: "path", required: true, schema: { type: "string" } }],
          responses: {
            "200": { description: "The model", content: { "application/json": { schema: { allOf: [model, { type: "object", properties: { provenance: { type: "array" }, revisions: { type: "array" }, derivatives: { type: "array" } } }] } } } },
            "404": { description: "No model with this slug", content: { "application/json": { schema: error } } },
            "503": errors["503"],
          },
        },
      },
    },
  };
}
