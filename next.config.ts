import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The Prisma client is generated into lib/generated; pg is a Node package best left unbundled.
  serverExternalPackages: ["pg", "@prisma/adapter-pg"],
};

export default nextConfig;
