import type { NextConfig } from "next";
import { CORS_PATHS, corsHeaders, securityHeaders } from "./lib/security-headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The production server tags every public response itself (lib/response-cache.ts: the data version, the
  // URL, the encoding); Next's own tags of prerendered pages would outlive a data change.
  generateEtags: false,
  // The Prisma client is generated into lib/generated; pg is a Node package best left unbundled.
  serverExternalPackages: ["pg", "@prisma/adapter-pg"],
  // Security headers on every response: pages, route handlers, static files, errors (lib/security-headers.ts).
  async headers() {
    // CORS only on the public read-only endpoints (lib/security-headers.ts), never admin, forms or actions.
    return [
      { source: "/:path*", headers: securityHeaders(process.env.NODE_ENV === "development") },
      ...CORS_PATHS.map((source) => ({ source, headers: corsHeaders() })),
    ];
  },
};

export default nextConfig;
