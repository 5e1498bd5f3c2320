// GET /api/v1/models - filtered, sorted, paged list of model releases: { data, page, pageSize, total, completeThrough }
import type { NextRequest } from "next/server";
import { badRequest, guarded } from "@/lib/api/responses";
import { modelJson } from "@/lib/api/model-json";
import { publicOrigin } from "@/lib/api/origin";
import { readCompleteThrough } from "@/lib/coverage";
import { findModels } from "@/lib/data/models";
import { parseModelQuery } from "@/lib/schemas/model-query";

export async function GET(request: NextRequest) {
  const { query, errors } = parseModelQuery(request.nextUrl.searchParams);
  if (errors.length) return badRequest(errors);
  // Outside `guarded`: a bad coverage file is the deployment's fault (a 500 naming the file), not a 503 to retry.
  const completeThrough = await readCompleteThrough();
  return guarded(async () => {
    const { data, total } = await findModels(query);
    const origin = publicOrigin(request);
    // completeThrough: a list that ends early in a recent month may only be waiting for the next sweep.
    return Response.json({ data: data.map((m) => modelJson(m, origin)), page: query.page, pageSize: query.pageSize, total, completeThrough });
  });
}

/** The CORS preflight (lib/api/cors.ts). */
export { OPTIONS } from "@/lib/api/cors";
