import { z } from "zod";
import { httpUrlSchema, isoDateSchema, slugSchema } from "./common";

/**
 * The files behind scores, usage and adoption (issue 14): the benchmark registry (data/benchmarks.yaml),
 * the mappings from a source's model names to our records (data/mappings/), and the source files
 * themselves. Strict where we write the file, loose where a third party does (unknown keys ignored).
 */
export const BENCHMARK_UNITS = ["percent", "index", "minutes"] as const;
export const BENCHMARK_CATEGORIES = ["general", "knowledge", "reasoning", "math", "science", "coding", "agentic"] as const;
export const MEASURED_BY = ["independent", "developer"] as const;
export type MeasuredBy = (typeof MEASURED_BY)[number];

const feedSchema = z.discriminatedUnion("source", [
  z.strictObject({ source: z.literal("epoch-runs"), task: z.string().min(1) }),
  z.strictObject({
    source: z.literal("epoch-external"),
    file: z.string().regex(/^[a-z0-9_]+$/),
    value: z.string().min(1),
    shots: z.string().optional(),
    where: z.record(z.string(), z.string()).optional(),
    setting: z.array(z.string()).optional(),
  }),
  z.strictObject({ source: z.literal("modelsdev"), name: z.string().min(1), variant: z.array(z.string().nullable()).optional() }),
]);
export type BenchmarkFeed = z.infer<typeof feedSchema>;

export const benchmarkSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "lowercase words joined by hyphens"),
  name: z.string().min(2).max(120),
  test: z.string().min(2).max(120),
  category: z.enum(BENCHMARK_CATEGORIES),
  unit: z.enum(BENCHMARK_UNITS),
  higherIsBetter: z.boolean(),
  setting: z.string().min(5).max(300),
  description: z.string().min(5).max(500),
  url: httpUrlSchema,
  /** Rows of third-party files that feed it; none when only data/scores (model cards) does. */
  from: z.array(feedSchema).default([]),
});
export type BenchmarkDefinition = z.infer<typeof benchmarkSchema>;

const paperEvaluator = z.union([
  z.strictObject({ independent: z.literal(true), name: z.string().min(2) }),
  z.strictObject({ org: slugSchema, name: z.string().min(2) }),
]);
export type ExternalEvaluator = z.infer<typeof paperEvaluator>;

export const benchmarkRegistrySchema = z
  .strictObject({
    benchmarks: z.array(benchmarkSchema).min(1),
    evaluators: z.strictObject({
      "epoch-external": z.record(z.string(), paperEvaluator),
      "modelsdev-hosts": z.record(z.string(), z.string().min(2)),
    }),
  })
  .superRefine((r, ctx) => {
    const seen = new Set<string>();
    r.benchmarks.forEach((b, i) => {
      if (seen.has(b.id)) ctx.addIssue({ code: "custom", path: ["benchmarks", i, "id"], message: `${b.id} is listed twice` });
      seen.add(b.id);
    });
  });
export type BenchmarkRegistry = z.infer<typeof benchmarkRegistrySchema>;

/** data/mappings/epoch-models.yaml: Epoch model version id -> our slug. */
export const epochModelMapSchema = z
  .array(z.strictObject({ epoch: z.string().min(1), model: slugSchema }))
  .superRefine((rows, ctx) => {
    const seen = new Set<string>();
    rows.forEach((r, i) => {
      if (seen.has(r.epoch)) ctx.addIssue({ code: "custom", path: [i, "epoch"], message: `${r.epoch} is mapped twice` });
      seen.add(r.epoch);
    });
  });

/** data/mappings/openrouter.yaml: OpenRouter permaslug (without `:free`) -> our slug, or null with why. */
export const openRouterMapSchema = z
  .array(
    z.union([
      z.strictObject({ permaslug: z.string().regex(/^[\w.-]+\/[\w.:-]+$/), model: slugSchema, why: z.string().max(400).optional() }),
      z.strictObject({ permaslug: z.string().regex(/^[\w.-]+\/[\w.:-]+$/), model: z.null(), why: z.string().min(5).max(400) }),
    ]),
  )
  .superRefine((rows, ctx) => {
    const seen = new Set<string>();
    rows.forEach((r, i) => {
      if (r.permaslug.endsWith(":free")) ctx.addIssue({ code: "custom", path: [i, "permaslug"], message: "map the listing without its :free suffix (the same model)" });
      if (seen.has(r.permaslug)) ctx.addIssue({ code: "custom", path: [i, "permaslug"], message: `${r.permaslug} is mapped twice` });
      seen.add(r.permaslug);
    });
  });
export type OpenRouterMap = z.infer<typeof openRouterMapSchema>;

/** OpenRouter's rankings-daily data: day -> listing -> tokens (strings of digits in the recorded copy). */
const tokens = z.union([z.string().regex(/^\d{1,20}$/, "a whole number of tokens"), z.number().int().nonnegative()]).transform((t) => BigInt(t));
export const openRouterDailySchema = z.record(
  isoDateSchema,
  z.record(z.string().min(1).max(200), z.looseObject({ date: isoDateSchema, model_permaslug: z.string().min(1).max(200), total_tokens: tokens })),
);

/** The live Data API's answer (GET /api/v1/datasets/rankings-daily): rows of the same three values. */
export const openRouterLiveSchema = z.looseObject({
  data: z.array(z.looseObject({ date: isoDateSchema, model_permaslug: z.string().min(1).max(200), total_tokens: tokens })),
});

/** llmfit's scrape of the Hub (March 2026): only the repo id and the two adoption figures are read. */
export const llmfitSnapshotSchema = z.array(
  z.looseObject({
    name: z.string().regex(/^[\w.-]+\/[\w.-]+$/),
    hf_downloads: z.number().int().nonnegative().nullish(),
    hf_likes: z.number().int().nonnegative().nullish(),
  }),
);

/** data/scores/*.yaml: scores a developer reports for its own release, read from the card by us. */
export const cardScoreSchema = z.strictObject({
  model: slugSchema,
  benchmark: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  value: z.number().finite(),
  metric: z.string().min(1).max(100),
  setting: z.string().max(300),
  published: isoDateSchema,
  source: httpUrlSchema,
  quote: z.string().min(3).max(500),
});
export const cardScoresFileSchema = z.array(cardScoreSchema);
export type CardScore = z.infer<typeof cardScoreSchema>;

/** One score as a parser reads it, before it is matched to a model. */
export interface ScoreInput {
  benchmarkId: string;
  value: number;
  metric: string;
  setting: string;
  measuredBy: MeasuredBy;
  evaluator: string;
  publishedOn: string;
  sourceUrl: string;
}

export const scoreInputSchema = z.strictObject({
  benchmarkId: z.string().min(1),
  value: z.number().finite(),
  metric: z.string().min(1).max(100),
  setting: z.string().max(300),
  measuredBy: z.enum(MEASURED_BY),
  evaluator: z.string().min(2).max(200),
  publishedOn: isoDateSchema,
  sourceUrl: httpUrlSchema,
});
