import type { NextConfig } from "next";
import { securityHeaders } from "./lib/security-headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The Prisma client is generated into lib/generated; pg is a Node package best left unbundled.
  serverExternalPackages: ["pg", "@prisma/adapter-pg"],
  // Security headers on every response: pages, route handlers, static files, errors (lib/security-headers.ts).
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders(process.env.NODE_ENV === "development") }];
  },
};

export default nextConfig;
