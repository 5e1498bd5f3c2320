/**
 * Headers on every response (next.config.ts). The Content-Security-Policy allows only this origin for
 * everything, no plugins, no framing, forms posting only here. Scripts: 'unsafe-inline' stays because the
 * App Router inlines its page data as scripts; the strict alternative (a nonce per request) would make
 * every page dynamic and uncacheable and silently break any static page, see
 * docs/decisions/006-corrections.md. User text is never rendered as HTML (React escapes it, and a test
 * forbids dangerouslySetInnerHTML), which is what keeps injected markup from ever reaching a script.
 */
export function contentSecurityPolicy(dev: boolean): string {
  return [
    "default-src 'self'",
    // React's dev tools use eval; production does not.
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
  ].join("; ");
}

export function securityHeaders(dev: boolean): { key: string; value: string }[] {
  return [
    { key: "Content-Security-Policy", value: contentSecurityPolicy(dev) },
    { key: "X-Content-Type-Options", value: "nosniff" },
    // Evidence links leave with the origin only, never a path (status pages are private addresses).
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    // For browsers that predate frame-ancestors.
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  ];
}

/**
 * CORS: the public read-only GET endpoints (the API, the feed and the data releases' files) may be read by a page of any origin (a
 * notebook in a browser): `Access-Control-Allow-Origin: *`, no credentials (nothing of them depends on a
 * cookie). Never admin pages, forms or server actions: those paths get no CORS header at all, so a
 * browser keeps other sites from reading them. next.config.ts sets these on the paths below; each route
 * handler there answers the preflight (OPTIONS, lib/api/cors.ts).
 */
export const CORS_PATHS = ["/api/v1/:path*", "/changes.atom", "/releases.atom", "/data/releases/:date/:file"] as const;

/** Whether a request path (query included or not) is one of CORS_PATHS. */
export function isCorsPath(url: string): boolean {
  const path = url.split("?")[0] ?? "";
  return CORS_PATHS.some((p) => new RegExp(`^${p.replace(/\./g, "\\.").replace("/:path*", "/.+").replace(/:[a-z]+/gi, "[^/]+")}$`).test(path));
}

/** Response headers a browser script may read besides the CORS-safelisted ones. */
export const CORS_EXPOSED_HEADERS = ["X-Credit", "X-Data-Complete-Through", "Content-Disposition", "Link", "Retry-After", "X-Atlas-Cache", "ETag"];

export function corsHeaders(): { key: string; value: string }[] {
  return [
    { key: "Access-Control-Allow-Origin", value: "*" },
    { key: "Access-Control-Allow-Methods", value: "GET, HEAD, OPTIONS" },
    { key: "Access-Control-Allow-Headers", value: "Accept, Accept-Language, Content-Language, Content-Type, If-None-Match, If-Modified-Since, Cache-Control" },
    { key: "Access-Control-Expose-Headers", value: CORS_EXPOSED_HEADERS.join(", ") },
    { key: "Access-Control-Max-Age", value: "86400" },
  ];
}
