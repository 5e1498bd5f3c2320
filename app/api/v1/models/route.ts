// GET /api/v1/models - filtered, sorted, paged list of model releases: { data, page, pageSize, total }
import type { NextRequest } from "next/server";
import { badRequest, guarded } from "@/lib/api/responses";
import { modelJson } from "@/lib/api/model-json";
import { findModels } from "@/lib/data/models";
import { parseModelQuery } from "@/lib/schemas/model-query";

export async function GET(request: NextRequest) {
  const { query, errors } = parseModelQuery(request.nextUrl.searchParams);
  if (errors.length) return badRequest(errors);
  return guarded(async () => {
    const { data, total } = await findModels(query);
    const origin = request.nextUrl.origin;
    return Response.json({ data: data.map((m) => modelJson(m, origin)), page: query.page, pageSize: query.pageSize, total });
  });
}
