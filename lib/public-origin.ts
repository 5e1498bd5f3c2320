/**
 * The site's public origin, for every absolute URL the app writes (the Atom feed, the OpenAPI `servers`,
 * the API's `url` fields, the CSV's url column). One rule, used by the route handlers (lib/api/origin.ts)
 * and by the response cache's key (scripts/server.ts), so a cached answer is only ever served to requests
 * that would have produced it:
 *
 * 1. PUBLIC_URL when set (lib/env.ts): the request does not matter.
 * 2. Otherwise the request's Host header, over http; X-Forwarded-Host and X-Forwarded-Proto only when
 *    TRUST_PROXY > 0 (a client reaching the app directly can write those headers itself, and Next fills
 *    them in from the socket when they are missing).
 * 3. A missing or malformed host: the fallback (the URL the server saw), so a link is never built from junk.
 *
 * Never the listening address when a Host is given: behind a proxy, Next's request URL says
 * http://localhost:PORT. Plain module (no `server-only`): scripts/server.ts runs it outside React.
 */
export interface OriginSettings {
  PUBLIC_URL?: string;
  TRUST_PROXY: number;
}

type HeaderGetter = (name: string) => string | null | undefined;

// A host name or IPv4 address, or a bracketed IPv6 address, with an optional port. Nothing else gets into a URL.
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/** The value the outermost trusted proxy wrote: like X-Forwarded-For, each trusted proxy may append one entry. */
function forwarded(value: string | null | undefined, trustedProxies: number): string | undefined {
  const hops = (value ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  if (hops.length === 0) return undefined;
  return hops[Math.max(0, hops.length - trustedProxies)];
}

export function publicOriginFrom(header: HeaderGetter, settings: OriginSettings, fallback: string): string {
  if (settings.PUBLIC_URL) return settings.PUBLIC_URL;
  let host = header("host")?.trim();
  let proto = "http";
  if (settings.TRUST_PROXY > 0) {
    host = forwarded(header("x-forwarded-host"), settings.TRUST_PROXY) ?? host;
    const p = forwarded(header("x-forwarded-proto"), settings.TRUST_PROXY)?.toLowerCase();
    if (p === "https" || p === "http") proto = p;
  }
  if (!host || host.length > 260 || !HOST.test(host)) return fallback;
  const url = new URL(`${proto}://${host}`);
  return url.origin;
}
