// GET /api/v1/models.csv - the same filtered, sorted list as /api/v1/models, every row, as CSV; the credit and how far the data reaches in the X-Credit and X-Data-Complete-Through headers
import type { NextRequest } from "next/server";
import { badRequest, csvHeaders, guarded } from "@/lib/api/responses";
import { modelsCsvStream } from "@/lib/api/models-csv";
import { publicOrigin } from "@/lib/api/origin";
import { readCompleteThrough } from "@/lib/coverage";
import { modelsInChunks } from "@/lib/data/models";
import { parseModelQuery } from "@/lib/schemas/model-query";

export async function GET(request: NextRequest) {
  // page and pageSize are accepted (a view's URL can be reused as is) but an export has every row.
  const { query, errors } = parseModelQuery(request.nextUrl.searchParams, [], { paged: false });
  if (errors.length) return badRequest(errors);
  // Outside `guarded`: a bad coverage file is the deployment's fault (a 500 naming the file), not a 503 to retry.
  const completeThrough = await readCompleteThrough();
  return guarded(async () => {
    // Streamed a chunk of rows at a time: all 100,000 models are about 30 MB.
    return new Response(await modelsCsvStream(modelsInChunks(query), publicOrigin(request)), {
      headers: csvHeaders("open-model-atlas-models.csv", completeThrough),
    });
  });
}

/** The CORS preflight (lib/api/cors.ts). */
export { OPTIONS } from "@/lib/api/cors";
