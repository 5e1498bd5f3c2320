import { creditLines } from "@/lib/domain/sources";
import { QUERY_PARAMS, QUERY_PARAM_NAMES } from "@/lib/schemas/model-query";
import { CSV_COLUMNS } from "./models-csv";

/** The OpenAPI 3.1 description of the public read API, built from the same parameter table the API parses with. */
export function openApiDocument(origin: string) {
  const orgRef = { type: "object", required: ["slug", "name", "country"], properties: { slug: { type: "string" }, name: { type: "string" }, country: { type: "string", description: "ISO 3166-1 alpha-2 of the headquarters" } } };
  const count = (description: string) => ({ type: ["integer", "null"], description });
  const model = {
    type: "object",
    required: ["slug", "name", "organization", "developers", "releaseDate", "announcedDate", "totalParams", "activeParams", "architecture", "routedExperts", "expertsPerToken", "contextWindow", "license", "openWeights", "hfRepoId", "baseModel", "url"],
    properties: {
      slug: { type: "string" },
      name: { type: "string" },
      family: { type: "string" },
      variant: { enum: ["base", "instruct", "reasoning", "coder", "other"] },
      organization: { ...orgRef, description: "The primary (first) developer" },
      developers: { type: "array", items: orgRef, description: "All developers, primary first" },
      releaseDate: { type: "string", format: "date", description: "When the weights became downloadable" },
      announcedDate: { type: ["string", "null"], format: "date" },
      totalParams: count("All weights, as an integer count"),
      activeParams: count("Weights used per token; equal to totalParams for dense models"),
      architecture: { enum: ["dense", "moe"] },
      routedExperts: count("MoE: routed experts per layer"),
      expertsPerToken: count("MoE: routed experts chosen per token"),
      sharedExperts: count("MoE: always-active shared experts"),
      contextWindow: count("Longest input the developer states the release supports, in tokens"),
      maxPositionEmbeddings: count("config.json's max_position_embeddings"),
      license: { type: "object", properties: { id: { type: "string" }, name: { type: "string" }, category: { enum: ["permissive", "restricted", "non-commercial"] } } },
      openWeights: { type: "boolean" },
      hfRepoId: { type: ["string", "null"] },
      baseModel: { type: ["string", "null"], description: "Slug of the model this one derives from" },
      modalities: { type: "array", items: { enum: ["text", "image", "audio", "video"] } },
      url: { type: "string", format: "uri", description: "The model's page" },
    },
  };
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
      description: `Open-weights AI model releases with their developers' countries, sizes, context windows and licenses. Every value has a source. Secondary sources: ${creditLines().join("; ")}.`,
    },
    servers: [{ url: origin }],
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
