// GET /api/v1/scores.csv - every benchmark score of the models a view selects (the filters of /api/v1/models), one row per score with who measured it and its source
import type { NextRequest } from "next/server";
import { badRequest, guarded } from "@/lib/api/responses";
import { listScoresForExport } from "@/lib/data/measures";
import { scoresCsv } from "@/lib/api/scores-csv";
import { creditLines } from "@/lib/domain/sources";
import { parseModelQuery } from "@/lib/schemas/model-query";

export async function GET(request: NextRequest) {
  const { query, errors } = parseModelQuery(request.nextUrl.searchParams, [], { paged: false });
  if (errors.length) return badRequest(errors);
  return guarded(async () => {
    const rows = await listScoresForExport(query);
    return new Response(scoresCsv(rows), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": 'attachment; filename="open-model-atlas-scores.csv"',
        // The credit travels beside the data, not as a last row a CSV reader would take for data.
        "X-Credit": `Open Model Atlas; ${creditLines().join("; ")}`.replace(/[^\x20-\x7e]/g, "?"),
      },
    });
  });
}
