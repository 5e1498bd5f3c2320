// GET /api/v1/leaders - "who leads, by which measure": the dashboard's scoreboard, with its filters and asOf
import type { NextRequest } from "next/server";
import { badRequest, guarded } from "@/lib/api/responses";
import { readCompleteThrough } from "@/lib/coverage";
import { loadLeaders } from "@/lib/data/leaders";
import { todayUtc } from "@/lib/domain/model-rules";
import { creditLines } from "@/lib/domain/sources";
import { parseDashboardQuery } from "@/lib/schemas/dashboard-query";

export async function GET(request: NextRequest) {
  const today = todayUtc();
  const { query, errors } = parseDashboardQuery(request.nextUrl.searchParams, today);
  if (errors.length) return badRequest(errors);
  const completeThrough = await readCompleteThrough();
  return guarded(async () => Response.json({ ...(await loadLeaders(query, today, completeThrough)), credits: creditLines() }));
}

/** The CORS preflight (lib/api/cors.ts). */
export { OPTIONS } from "@/lib/api/cors";
