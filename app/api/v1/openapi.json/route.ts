// GET /api/v1/openapi.json - the OpenAPI description of the public read API
import type { NextRequest } from "next/server";
import { openApiDocument } from "@/lib/api/openapi";
import { publicOrigin } from "@/lib/api/origin";

export function GET(request: NextRequest) {
  return Response.json(openApiDocument(publicOrigin(request)));
}

/** The CORS preflight (lib/api/cors.ts). */
export { OPTIONS } from "@/lib/api/cors";
