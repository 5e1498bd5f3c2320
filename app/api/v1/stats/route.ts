// GET /api/v1/stats - the dashboard's aggregates as JSON, with the same filters as /api/v1/models plus asOf and compare
import type { NextRequest } from "next/server";
import { badRequest, guarded } from "@/lib/api/responses";
import { readCompleteThrough } from "@/lib/coverage";
import { DEFAULT_BENCHMARK, loadCapability, loadUsage } from "@/lib/data/leaders";
import { loadDashboardView } from "@/lib/data/stats";
import { capabilityFinding, usageFinding } from "@/lib/domain/findings";
import { todayUtc } from "@/lib/domain/model-rules";
import { creditLines } from "@/lib/domain/sources";
import { parseDashboardQuery } from "@/lib/schemas/dashboard-query";

export async function GET(request: NextRequest) {
  const today = todayUtc();
  const { query, errors } = parseDashboardQuery(request.nextUrl.searchParams, today);
  if (errors.length) return badRequest(errors);
  // Outside `guarded`: a bad coverage file is the deployment's fault (a 500 naming the file), not a 503 to retry.
  const completeThrough = await readCompleteThrough();
  return guarded(async () => {
    const [{ stats }, capability, usage] = await Promise.all([
      loadDashboardView(query.filters, query.asOf, { extra: query.compare, asOf: query.asOf ?? today, completeThrough }),
      loadCapability(query, query.benchmark ?? DEFAULT_BENCHMARK), loadUsage(query.asOf),
    ]);
    // An unknown benchmark the reader named is an error; the default one missing (no scores loaded yet) is an empty chart.
    if (!capability.frontier && query.benchmark) return badRequest([{ param: "capability", message: `(${query.benchmark}) is not a tracked benchmark: one of ${capability.benchmarks.map((b) => b.id).join(", ")}` }]);
    // Every chart's title, as the dashboard shows it: the capability and usage findings beside the release charts'.
    const findings = { ...stats.findings, capability: capability.frontier ? capabilityFinding(capability.frontier) : null, "usage-share": usageFinding(usage.weeks) };
    return Response.json({ ...stats, findings, capability: capability.frontier, usage, credits: creditLines() });
  });
}

/** The CORS preflight (lib/api/cors.ts). */
export { OPTIONS } from "@/lib/api/cors";
