// GET /api/v1/scores.csv - every benchmark score of the models a view selects (the filters of /api/v1/models), one row per score with who measured it and its source
import type { NextRequest } from "next/server";
import { badRequest, csvHeaders, guarded } from "@/lib/api/responses";
import { readCompleteThrough } from "@/lib/coverage";
import { listScoresForExport } from "@/lib/data/measures";
import { scoresCsv } from "@/lib/api/scores-csv";
import { parseModelQuery } from "@/lib/schemas/model-query";

export async function GET(request: NextRequest) {
  const { query, errors } = parseModelQuery(request.nextUrl.searchParams, [], { paged: false });
  if (errors.length) return badRequest(errors);
  // Outside `guarded`: a bad coverage file is the deployment's fault (a 500 naming the file), not a 503 to retry.
  const completeThrough = await readCompleteThrough();
  return guarded(async () => {
    const rows = await listScoresForExport(query);
    // The credit travels beside the data (csvHeaders), not as a last row a CSV reader would take for data.
    return new Response(scoresCsv(rows), { headers: csvHeaders("open-model-atlas-scores.csv", completeThrough) });
  });
}

/** The CORS preflight (lib/api/cors.ts). */
export { OPTIONS } from "@/lib/api/cors";
