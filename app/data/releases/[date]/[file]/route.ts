// GET /data/releases/{date}/{file} - one file of a data release as stored (models, scores, sources as CSV and JSON, manifest.json, SHA256SUMS): immutable, a strong ETag of its SHA-256, cached for a year
import { notFound } from "next/navigation";
import type { NextRequest } from "next/server";
import { releaseFileResponse } from "@/lib/api/release-files";
import { unavailable } from "@/lib/api/responses";
import { isReleaseFileName } from "@/lib/domain/releases";
import { isoDateSchema } from "@/lib/schemas/common";

export async function GET(request: NextRequest, ctx: { params: Promise<{ date: string; file: string }> }) {
  const { date, file } = await ctx.params;
  if (!isoDateSchema.safeParse(date).success || !isReleaseFileName(file)) notFound();
  let response: Response | null;
  try {
    response = await releaseFileResponse(date, file, request.headers.get("if-none-match"));
  } catch (error) {
    return unavailable(error);
  }
  // Unknown release or file: the site's 404 page (outside the try: notFound() throws Next's own signal).
  if (!response) notFound();
  return response;
}

/** The CORS preflight (lib/api/cors.ts). */
export { OPTIONS } from "@/lib/api/cors";
