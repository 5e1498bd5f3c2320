// GET /data/releases/{date}/{file} - one file of a data release as stored (models, scores, sources as CSV and JSON, manifest.json, SHA256SUMS): immutable, a strong ETag of its SHA-256, cached for a year
import type { NextRequest } from "next/server";
import { releaseFileResponse } from "@/lib/api/release-files";
import { guarded, notFound } from "@/lib/api/responses";
import { isReleaseFileName } from "@/lib/domain/releases";
import { isoDateSchema } from "@/lib/schemas/common";

// A route handler cannot render the site's 404 page (Next's notFound() here sends an empty 404): an
// unknown release or file gets the API's 404, which says where the list of releases is.
const missing = (date: string, file: string) => notFound(`No data release file "${file}" of "${date}". Every release and its files: /data/releases`);

export async function GET(request: NextRequest, ctx: { params: Promise<{ date: string; file: string }> }) {
  const { date, file } = await ctx.params;
  if (!isoDateSchema.safeParse(date).success || !isReleaseFileName(file)) return missing(date, file);
  return guarded(async () => (await releaseFileResponse(date, file, request.headers.get("if-none-match"))) ?? missing(date, file));
}

/** The CORS preflight (lib/api/cors.ts). */
export { OPTIONS } from "@/lib/api/cors";
