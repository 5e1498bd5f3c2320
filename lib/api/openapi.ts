import "server-only";
import { creditLines } from "@/lib/domain/sources";
import { QUERY_PARAMS, QUERY_PARAM_NAMES } from "@/lib/schemas/model-query";
import { LICENSE_CATEGORIES } from "@/lib/domain/licenses";
import { MODEL_FIELD_REGISTRY, MODEL_FIELDS } from "@/lib/domain/model-fields";
import { CSV_COLUMNS } from "./models-csv";
import { COMPLETE_THROUGH_HEADER, CREDIT_HEADER } from "./responses";
import { SCORE_CSV_COLUMNS } from "./scores-csv";
import { IMMUTABLE_CACHE } from "./release-files";
import { SOURCE_CSV_COLUMNS } from "./snapshot";
import { CHECKSUMS_FILE, MANIFEST_FILE, RELEASE_FILES } from "@/lib/domain/releases";

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
  const completeThrough = {
    type: "string",
    format: "date",
    description: "The last day through which the dataset was swept for every open-weights release. Releases after it may not be listed yet: counts for later periods are partial, not a decline.",
  };
  // The dashboard's own parameters beside the model filters (sort and paging are accepted and ignored).
  const statsParameters = [
    ...parameters.filter((p) => !["sort", "order", "page", "pageSize"].includes(p.name)),
    { name: "asOf", in: "query", required: false, description: "YYYY-MM-DD, not in the future: the releases and values as they stood at the end of that day", schema: { type: "string", format: "date" } },
    { name: "compare", in: "query", required: false, description: "Up to 4 more ISO 3166-1 alpha-2 codes shown as groups of their own beside US and CN, e.g. FR,AE", schema: { type: "string" } },
    { name: "params", in: "query", required: false, description: "total (default) or active: the parameters the size chart plots", schema: { enum: ["total", "active"] } },
    { name: "capability", in: "query", required: false, description: "The benchmark of the capability frontier (an id from /api/v1/benchmarks; default gpqa-diamond-epoch)", schema: { type: "string" } },
  ].filter((p) => p.name !== "benchmark" && p.name !== "minScore");
  const leadersParameters = statsParameters.filter((p) => !["params", "capability", "compare"].includes(p.name));
  const side = {
    type: "object", required: ["value", "model", "text"],
    properties: {
      value: { type: ["number", "null"], description: "null: no such value in view" },
      model: { type: ["object", "null"], properties: { slug: { type: "string" }, name: { type: "string" }, date: { type: "string", format: "date" } } },
      text: { type: "string", description: "How the value reads: 1.6T, 85.3%, 94" },
    },
  };
  const leaders = {
    type: "object",
    required: ["asOf", "completeThrough", "dataThrough", "rows", "credits"],
    properties: {
      asOf: { type: "string", format: "date" }, completeThrough, dataThrough: { type: "string", format: "date" },
      rows: {
        type: "array",
        description: "One row per measure: releases (last 12 months), largest total and active parameters, longest context, permissive share, the best open model on each tracked benchmark with US and Chinese scores, usage share (OpenRouter) and downloads (Hugging Face)",
        items: {
          type: "object", required: ["id", "kind", "label", "detail", "leader", "us", "cn", "margin", "source", "current"],
          properties: {
            id: { type: "string", description: "releases, largest-total, ..., benchmark:<id>, usage-share, downloads" },
            kind: { enum: ["releases", "totalParams", "activeParams", "contextWindow", "permissiveShare", "benchmark", "usage", "downloads"] },
            label: { type: "string" }, detail: { type: "string" },
            leader: { type: ["string", "null"], description: "ISO code of the leading country among all countries in view, tie, or null (no data)" },
            us: side, cn: side, margin: { type: ["string", "null"] },
            source: { type: "object", properties: { label: { type: "string" }, url: { type: ["string", "null"] } } },
            current: { type: "boolean", description: "False for a benchmark no open model of the last 18 months has a score on" },
          },
        },
      },
      credits: { type: "array", items: { type: "string" } },
    },
  };
  const benchmark = {
    type: "object", required: ["id", "name", "test", "category", "unit", "higherIsBetter", "setting", "url", "description", "scores"],
    properties: {
      id: { type: "string" }, name: { type: "string" }, test: { type: "string", description: "The test; several benchmarks (settings) can share one" },
      category: { type: "string" }, unit: { enum: ["percent", "index", "minutes"] }, higherIsBetter: { type: "boolean" },
      setting: { type: "string", description: "What makes its scores comparable (who ran it, how)" }, url: { type: "string" }, description: { type: "string" },
      scores: { type: "object", properties: { open: { type: "integer" }, closed: { type: "integer" }, us: { type: "integer" }, cn: { type: "integer" }, models: { type: "integer" } } },
    },
  };
  const score = {
    type: "object", required: ["benchmark", "value", "metric", "setting", "measuredBy", "evaluator", "date", "source", "sourceUrl"],
    properties: {
      benchmark: { type: "string" }, benchmarkName: { type: "string" }, unit: { type: "string" }, value: { type: "number" }, metric: { type: "string" },
      setting: { type: "string" }, measuredBy: { enum: ["independent", "developer"] }, evaluator: { type: "string" },
      date: { type: "string", format: "date", description: "When the score was published (or the snapshot that first held it)" },
      source: { type: "string", description: "Source kind (epoch-benchmarks, modelsdev, curated)" }, sourceUrl: { type: "string", format: "uri" },
    },
  };
  const incomplete = { type: "boolean", description: "True when the period ends after dataThrough: the data does not cover it to its end" };
  const periodRows = (label: string, description: string) => ({
    type: "array",
    description,
    items: { type: "object", required: [label, "incomplete"], properties: { [label]: { type: "string" }, incomplete }, additionalProperties: { type: ["integer", "number", "null"] } },
  });
  const window = {
    type: "object",
    description: "Half-open ranges: the last 12 months are (from, to], the year before (priorFrom, from]",
    properties: { from: { type: "string", format: "date" }, to: { type: "string", format: "date", description: "Equal to dataThrough" }, priorFrom: { type: "string", format: "date" } },
  };
  const stats = {
    type: "object",
    required: ["asOf", "completeThrough", "dataThrough", "groups", "releases", "recent", "thresholds", "comparison", "periods", "charts", "capability", "usage", "credits"],
    properties: {
      asOf: { type: "string", format: "date", description: "The day the numbers look from: the asOf parameter, or today" },
      completeThrough,
      dataThrough: { type: "string", format: "date", description: "The earlier of asOf and completeThrough: the 12-month windows end here, and periods ending later are flagged incomplete" },
      groups: { type: "array", items: { type: "string" }, description: "US, CN, the compare countries, then other" },
      releases: { type: "integer" },
      recent: { type: "object", description: "Per group", additionalProperties: { type: "object", properties: { last12: { type: "integer" }, prior12: { type: "integer" }, window } } },
      thresholds: { type: "array", items: { type: "object" }, description: "The first US and Chinese releases at or above 100B, 400B and 1T total parameters" },
      comparison: { type: "object", description: "Measures per group for the whole period (all) and each year" },
      periods: { type: "array", items: { type: "string" } },
      charts: {
        type: "object",
        properties: {
          releasesPerQuarter: periodRows("quarter", "Releases per quarter (YYYY-Qn) and group"),
          cumulative: periodRows("quarter", "Releases to date at the end of each quarter, per group"),
          moeSharePerHalf: periodRows("half", "Share of MoE releases per half-year (YYYY-Hn) and group, with <group>_n and <group>_moe counts"),
          licensesPerYear: periodRows("year", "Releases per year, keyed <group>:<license category>"),
          frontiers: { type: "object", description: "Per measure and group, the records over time" },
        },
      },
      capability: { type: ["object", "null"], description: "The capability frontier of the chosen benchmark: us, cn and closed step lines ({ date, value, slug, name, measuredBy, evaluator, sourceUrl }), gaps in months, counts" },
      usage: { type: "object", description: "OpenRouter usage: weeks ({ week, days, US, CN, other shares of open-weights tokens, openTokens, allTokens }), top open models, firstDay, lastDay. One router's traffic, not the whole market" },
      credits: { type: "array", items: { type: "string" } },
    },
  };
  // The CSV exports carry the credit and how far the data reaches in headers, never as a row.
  const csvResponseHeaders = {
    [CREDIT_HEADER]: { description: "The credit the secondary sources' licenses ask for (keep it with the data)", schema: { type: "string" } },
    [COMPLETE_THROUGH_HEADER]: { description: "How far the data reaches (YYYY-MM-DD), the JSON's completeThrough", schema: { type: "string", format: "date" } },
  };
  const errors = {
    "400": { description: "An invalid parameter: the body names it and what is allowed", content: { "application/json": { schema: error } } },
    "503": { description: "The data store is unavailable; retry", content: { "application/json": { schema: error } } },
  };
  return {
    openapi: "3.1.0",
    info: {
      title: "Open Model Atlas API",
      version: "1",
      description: `Open-weights AI model releases with their developers' countries, sizes, context windows, licenses, benchmark scores (with who measured each), usage (OpenRouter: one router's traffic) and Hugging Face adoption. Every value has a source. Closed (API-only) reference models are records with openWeights false, listed only with openWeights=all or false. Secondary sources: ${creditLines().join("; ")}.`,
    },
    // The public origin (PUBLIC_URL, or the request's Host: lib/public-origin.ts), never the listening address.
    servers: [{ url: origin, description: "This deployment" }],
    components: { schemas: { Organization: organization, License: license } },
    paths: {
      "/api/v1/models": {
        get: {
          summary: "Filtered, sorted, paged list of model releases",
          parameters,
          responses: {
            "200": { description: "A page of models", content: { "application/json": { schema: { type: "object", required: ["data", "page", "pageSize", "total", "completeThrough"], properties: { data: { type: "array", items: model }, page: { type: "integer" }, pageSize: { type: "integer" }, total: { type: "integer" }, completeThrough } } } } },
            ...errors,
          },
        },
      },
      "/api/v1/models.csv": {
        get: {
          summary: "The same list as CSV, every row (page and pageSize are ignored): a header line, then one line per model and nothing else, so pandas.read_csv and spreadsheet programs read it with their defaults. The credit is in the X-Credit header and how far the data reaches in X-Data-Complete-Through",
          parameters,
          responses: { "200": { description: `CSV (RFC 4180, UTF-8, CRLF) with the columns ${CSV_COLUMNS.join(", ")}; lists are joined with ";"`, headers: csvResponseHeaders, content: { "text/csv": { schema: { type: "string" } } } }, ...errors },
        },
      },
      "/api/v1/stats": {
        get: {
          summary: "The dashboard's aggregates: counts, records and chart data per country group, with how far the data reaches",
          parameters: statsParameters,
          responses: { "200": { description: "The aggregates", content: { "application/json": { schema: stats } } }, ...errors },
        },
      },
      "/api/v1/leaders": {
        get: {
          summary: "Who leads, by which measure: the dashboard's scoreboard (open-weights models; closed reference models never counted)",
          parameters: leadersParameters,
          responses: { "200": { description: "The scoreboard", content: { "application/json": { schema: leaders } } }, ...errors },
        },
      },
      "/api/v1/benchmarks": {
        get: {
          summary: "The tracked benchmarks (each one setting of a test) with their score counts",
          responses: { "200": { description: "The benchmarks", content: { "application/json": { schema: { type: "object", properties: { data: { type: "array", items: benchmark } } } } } }, ...errors },
        },
      },
      "/api/v1/scores.csv": {
        get: {
          summary: "Every score of the models the filters select, one row per score with who measured it and its source; the credit is in the X-Credit header and how far the data reaches in X-Data-Complete-Through, not in rows",
          parameters,
          responses: { "200": { description: `CSV (RFC 4180, UTF-8, CRLF) with the columns ${SCORE_CSV_COLUMNS.join(", ")}`, headers: csvResponseHeaders, content: { "text/csv": { schema: { type: "string" } } } }, ...errors },
        },
      },
      "/api/v1/models/{slug}": {
        get: {
          summary: "One model with every field, each value's source and the revision history",
          parameters: [{ name: "slug", in: "path", required: true, schema: { type: "string" } }],
          responses: {
            "200": { description: "The model", content: { "application/json": { schema: { allOf: [model, { type: "object", properties: {
              provenance: { type: "array" }, revisions: { type: "array" }, derivatives: { type: "array" },
              scores: { type: "array", items: score },
              usage: { type: "object", description: "OpenRouter tokens per week of the listings mapped to the model", properties: { source: { type: "string" }, listings: { type: "array", items: { type: "string" } }, weeks: { type: "array", items: { type: "object", properties: { week: { type: "string", format: "date" }, tokens: { type: "integer" }, days: { type: "integer" } } } } } },
              adoption: { type: "array", description: "Hugging Face adoption snapshots, oldest first", items: { type: "object", properties: { takenOn: { type: "string", format: "date" }, downloads: { type: ["integer", "null"] }, likes: { type: ["integer", "null"] }, sourceKind: { type: "string" }, sourceUrl: { type: "string" } } } },
            } }] } } } },
            "404": { description: "No model with this slug", content: { "application/json": { schema: error } } },
            "503": errors["503"],
          },
        },
      },
      "/api/v1/openapi.json": {
        get: {
          summary: "This document: the OpenAPI 3.1 description of the read API (readable at /docs/api)",
          responses: { "200": { description: "The OpenAPI document", content: { "application/json": { schema: { type: "object", required: ["openapi", "info", "servers", "paths"], properties: { openapi: { type: "string" }, info: { type: "object" }, servers: { type: "array", items: { type: "object", properties: { url: { type: "string", format: "uri" } } } }, paths: { type: "object" } } } } } } },
        },
      },
      "/changes.atom": {
        get: {
          summary: "The newest 50 accepted corrections as an Atom 1.0 feed: each entry a value changed, with the old and new value, the model's page and the evidence",
          responses: { "200": { description: "Atom feed (text only); entry ids and links are absolute URLs on this server's public origin", content: { "application/atom+xml": { schema: { type: "string" } } } }, "503": errors["503"] },
        },
      },
      "/data/releases/{date}/{file}": {
        get: {
          summary: "One file of a data release: a dated, immutable snapshot of the whole dataset (the list of releases is the page /data/releases). The bytes never change: a strong ETag of the file's SHA-256 (If-None-Match answers 304) and Cache-Control: " + IMMUTABLE_CACHE,
          parameters: [
            { name: "date", in: "path", required: true, description: "The release's date, YYYY-MM-DD", schema: { type: "string", format: "date" } },
            { name: "file", in: "path", required: true, description: `${MANIFEST_FILE}: the data version, each file's rows, bytes and SHA-256, the credits and licenses; ${CHECKSUMS_FILE}: the checksums for sha256sum -c`, schema: { enum: [...RELEASE_FILES, MANIFEST_FILE, CHECKSUMS_FILE] } },
          ],
          responses: {
            "200": {
              description: `The stored file. models.csv has the columns of /api/v1/models.csv, scores.csv those of /api/v1/scores.csv, sources.csv ${SOURCE_CSV_COLUMNS.join(", ")}; the JSON files hold one record per line of an array`,
              headers: { ETag: { schema: { type: "string" }, description: "The SHA-256 of the file, quoted" }, "Cache-Control": { schema: { type: "string" }, description: IMMUTABLE_CACHE }, "Content-Disposition": { schema: { type: "string" }, description: "attachment (the data files) or inline (manifest.json, SHA256SUMS), with the file's plain name, as SHA256SUMS lists it" } },
              content: { "text/csv": { schema: { type: "string" } }, "application/json": { schema: {} }, "text/plain": { schema: { type: "string" } } },
            },
            "304": { description: "If-None-Match named this file's ETag: the copy you have is this one" },
            "404": { description: "No release of that date, or no such file", content: { "application/json": { schema: error } } },
            "503": errors["503"],
          },
        },
      },
      "/releases.atom": {
        get: {
          summary: "The newest 50 open-weights releases as the atlas listed them, as an Atom 1.0 feed: each entry a model with its developer and country, weights release date, total and active parameters, context window and license",
          responses: { "200": { description: "Atom feed (text only), newest listed first (then newest weights first); an entry's id and link are the model's page on this server's public origin, `published` is the weights' release date and `updated` when the atlas listed the record", content: { "application/atom+xml": { schema: { type: "string" } } } }, "503": errors["503"] },
        },
      },
    },
  };
}
