// GET /api/v1/benchmarks - the tracked benchmarks (data/benchmarks.yaml) with their score counts
import type { NextRequest } from "next/server";
import { badRequest, guarded } from "@/lib/api/responses";
import { listBenchmarks } from "@/lib/data/measures";

export async function GET(request: NextRequest) {
  const unknown = [...request.nextUrl.searchParams.keys()];
  if (unknown.length) return badRequest(unknown.map((param) => ({ param, message: "is not a parameter of /api/v1/benchmarks (it takes none)" })));
  return guarded(async () => Response.json({ data: await listBenchmarks() }));
}

/** The CORS preflight (lib/api/cors.ts). */
export { OPTIONS } from "@/lib/api/cors";
