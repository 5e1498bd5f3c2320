import "server-only";

/**
 * The CORS preflight of a public read-only endpoint: 204, the methods it answers. The CORS headers
 * themselves (Access-Control-Allow-Origin: * and the rest) are set by next.config.ts on every response of
 * these paths (lib/security-headers.ts, CORS_PATHS), so a preflight, a 200 and a 400 carry the same ones.
 */
export function OPTIONS(): Response {
  return new Response(null, { status: 204, headers: { Allow: "GET, HEAD, OPTIONS" } });
}
