// GET /api/v1/models/{slug} - one model with every field, the source of every value, its revision history, and its scores, usage and adoption
import type { NextRequest } from "next/server";
import { guarded, notFound } from "@/lib/api/responses";
import { modelJson } from "@/lib/api/model-json";
import { publicOrigin } from "@/lib/api/origin";
import { getModelMeasures } from "@/lib/data/measures";
import { getModelBySlug } from "@/lib/data/model-detail";
import { slugSchema } from "@/lib/schemas/common";

export async function GET(request: NextRequest, ctx: { params: Promise<{ slug: string }> }) {
  const { slug } = await ctx.params;
  if (!slugSchema.safeParse(slug).success) return notFound(`No model with the slug "${slug}".`);
  return guarded(async () => {
    const [model, measures] = await Promise.all([getModelBySlug(slug), getModelMeasures(slug, null)]);
    if (!model) return notFound(`No model with the slug "${slug}".`);
    return Response.json({
      ...modelJson(model, publicOrigin(request)),
      scores: measures.scores.map((s) => ({ benchmark: s.benchmark.id, benchmarkName: s.benchmark.name, unit: s.benchmark.unit, value: s.value, metric: s.metric, setting: s.setting, measuredBy: s.measuredBy, evaluator: s.evaluator, date: s.publishedOn, source: s.sourceKind, sourceUrl: s.sourceUrl })),
      usage: { source: "OpenRouter (openrouter.ai/rankings): one router's traffic, not the whole market", listings: measures.usageListings, weeks: measures.usage },
      adoption: measures.adoption,
    });
  });
}

/** The CORS preflight (lib/api/cors.ts). */
export { OPTIONS } from "@/lib/api/cors";
