// GET /api/v1/models/{slug} - one model with every field, the source of every value and its revision history
import type { NextRequest } from "next/server";
import { guarded, notFound } from "@/lib/api/responses";
import { modelJson } from "@/lib/api/model-json";
import { getModelBySlug } from "@/lib/data/model-detail";
import { slugSchema } from "@/lib/schemas/common";

export async function GET(request: NextRequest, ctx: { params: Promise<{ slug: string }> }) {
  const { slug } = await ctx.params;
  if (!slugSchema.safeParse(slug).success) return notFound(`No model with the slug "${slug}".`);
  return guarded(async () => {
    const model = await getModelBySlug(slug);
    if (!model) return notFound(`No model with the slug "${slug}".`);
    return Response.json(modelJson(model, request.nextUrl.origin));
  });
}
