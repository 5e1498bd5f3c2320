import "server-only";
import { readEnv } from "@/lib/env";
import { publicOriginFrom } from "@/lib/public-origin";

/** The public origin of the site for this request (lib/public-origin.ts): PUBLIC_URL, or the request's Host. */
export function publicOrigin(request: Request): string {
  return originOfHeaders(request.headers, new URL(request.url).origin);
}

/** The same for a page, from `await headers()` (next/headers). */
export function originOfHeaders(headers: Headers, fallback = "http://localhost"): string {
  return publicOriginFrom((name) => headers.get(name), readEnv(), fallback);
}
