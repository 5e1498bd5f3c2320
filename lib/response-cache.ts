import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * The response cache in front of Next (docs/decisions/009-response-cache.md): whole GET responses of the
 * public pages and API, keyed by the data version, the URL and whether the client takes gzip. A data
 * change (any write to the published tables, by any process) moves the version, so every key changes at
 * once: nothing is served stale for longer than the version poll interval.
 */
export interface CachedResponse {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

/** Paths whose GET responses are the same for every visitor. Admin, correction forms and status pages are not. */
const CACHEABLE = [/^\/$/, /^\/models(\/[^/]+)?$/, /^\/compare$/, /^\/orgs\/[^/]+$/, /^\/countries\/[^/]+$/, /^\/about$/, /^\/changes$/, /^\/changes\.atom$/, /^\/releases\.atom$/, /^\/data\/releases(\/[^/]+){0,2}$/, /^\/data-quality$/, /^\/docs\/api$/, /^\/api\/v1\//];

const MAX_BODY = 4 * 1024 * 1024;

export function isCacheableRequest(req: Pick<IncomingMessage, "method" | "url" | "headers">): boolean {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  const url = req.url ?? "";
  const path = url.split("?")[0] ?? "";
  if (!CACHEABLE.some((re) => re.test(path))) return false;
  // Client-side navigations (React Server Component payloads) vary by router state: leave them to Next.
  if (req.headers["rsc"] || req.headers["next-router-state-tree"] || req.headers["next-action"] || url.includes("_rsc=")) return false;
  // A signed-in moderator may see more than the public.
  if ((req.headers.cookie ?? "").includes("atlas_admin=")) return false;
  return true;
}

/**
 * `origin`: the public origin the request resolves to (lib/public-origin.ts). Responses hold absolute URLs
 * built from it, so without PUBLIC_URL two Host headers are two entries: one host's answer is never served
 * to another (a forged Host cannot poison what everyone else gets).
 */
export function cacheKey(version: string, req: Pick<IncomingMessage, "url" | "headers" | "method">, origin = ""): string {
  const gzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
  return `${version}|${req.method === "HEAD" ? "GET" : req.method}|${gzip ? "gz" : "id"}|${origin}${req.url}`;
}

/**
 * HTTP caching of the public responses (issue 17): any CDN or browser may keep them. A CDN serves one for
 * `s-maxage` seconds and, while it revalidates, a little longer; browsers revalidate every time
 * (`max-age=0`), which costs a 304. Admin pages, forms and anything sent with a session keep Next's
 * `private, no-cache, no-store`.
 */
export const PUBLIC_CACHE_CONTROL = "public, max-age=0, s-maxage=30, stale-while-revalidate=300";

/**
 * The entity tag of a public response: a digest of its cache key, which holds the data version, the URL,
 * the origin and the encoding. The same bytes always have the same tag and a data change gives every
 * response a new one, so it can be answered (304) without rendering anything.
 */
export function entityTag(key: string): string {
  return `"${createHash("sha256").update(key).digest("base64url").slice(0, 27)}"`;
}

/** If-None-Match against a strong tag (a list, `*`, or weak forms of the same tag all match, as RFC 9110 says for GET). */
export function matchesEntityTag(ifNoneMatch: string | string[] | undefined, tag: string): boolean {
  if (!ifNoneMatch) return false;
  const header = Array.isArray(ifNoneMatch) ? ifNoneMatch.join(",") : ifNoneMatch;
  return header.split(",").some((t) => {
    const v = t.trim();
    return v === "*" || v === tag || v === `W/${tag}`;
  });
}

/**
 * Marks a public 200 response as cacheable by anyone, with its tag. Next sets Cache-Control in several
 * ways (setHeader, writeHead's arguments as an object or a raw array; static pages get `s-maxage=31536000`),
 * so both headers are held back until the head is written, then decided: a 200 that sets no cookie gets
 * ours, unless the route tagged its own bytes (a data release's file: its SHA-256, cached for a year),
 * which keeps its own; any other response keeps what it set.
 */
export function cachePublicly(res: ServerResponse, tag: string): void {
  const held = new Map<string, string | number | readonly string[]>();
  const isHeld = (name: string) => /^(cache-control|etag)$/i.test(name);
  const setHeader = res.setHeader.bind(res);
  res.setHeader = ((name: string, value: string | number | readonly string[]) => {
    if (isHeld(name)) {
      held.set(name.toLowerCase(), value);
      return res;
    }
    return setHeader(name, value);
  }) as typeof res.setHeader;
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, statusCode: number, ...rest: unknown[]) {
    // Headers passed to writeHead win over setHeader's: take the two out of them, into `held`.
    const args = rest.map((a) => {
      if (Array.isArray(a)) {
        const flat = a.length > 0 && Array.isArray(a[0]) ? (a as [string, string][]) : null;
        if (flat) return flat.filter(([k, v]) => (isHeld(k) ? (held.set(k.toLowerCase(), v), false) : true));
        const out: unknown[] = [];
        for (let i = 0; i + 1 < a.length; i += 2) {
          if (isHeld(String(a[i]))) held.set(String(a[i]).toLowerCase(), a[i + 1] as string);
          else out.push(a[i], a[i + 1]);
        }
        return out;
      }
      if (typeof a === "object" && a !== null) {
        const copy: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(a)) {
          if (isHeld(k)) held.set(k.toLowerCase(), v as string);
          else copy[k] = v;
        }
        return copy;
      }
      return a;
    });
    res.setHeader = setHeader;
    if (statusCode === 200 && !held.has("etag") && !this.hasHeader("set-cookie")) {
      setHeader("cache-control", PUBLIC_CACHE_CONTROL);
      setHeader("etag", tag);
    } else {
      for (const [k, v] of held) setHeader(k, v);
    }
    return (writeHead as (code: number, ...args: unknown[]) => ServerResponse).call(this, statusCode, ...args);
  } as typeof res.writeHead;
}

/** 304 Not Modified: the validators and caching headers a 200 would carry, no body. */
export function sendNotModified(res: ServerResponse, tag: string, extra: Record<string, string> = {}): void {
  res.writeHead(304, { etag: tag, "cache-control": PUBLIC_CACHE_CONTROL, vary: "Accept-Encoding", "x-atlas-cache": "not-modified", ...extra });
  res.end();
}

/** Least-recently-used, bounded by entries and bytes. */
export class ResponseCache {
  private entries = new Map<string, CachedResponse>();
  private bytes = 0;

  constructor(private readonly maxEntries = 2000, private readonly maxBytes = 128 * 1024 * 1024) {}

  get(key: string): CachedResponse | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, value: CachedResponse): void {
    if (value.body.length > MAX_BODY) return;
    const old = this.entries.get(key);
    if (old) {
      this.bytes -= old.body.length;
      this.entries.delete(key);
    }
    this.entries.set(key, value);
    this.bytes += value.body.length;
    while (this.entries.size > this.maxEntries || this.bytes > this.maxBytes) {
      const oldest = this.entries.keys().next().value as string;
      this.bytes -= this.entries.get(oldest)!.body.length;
      this.entries.delete(oldest);
    }
  }

  /** Entries of older data versions are never read again: drop them. */
  dropOtherVersions(version: string): void {
    for (const key of this.entries.keys()) {
      if (!key.startsWith(`${version}|`)) {
        this.bytes -= this.entries.get(key)!.body.length;
        this.entries.delete(key);
      }
    }
  }

  get size(): number {
    return this.entries.size;
  }
}

/** Sends a cached response; `how` says so in x-atlas-cache (a hit, or one render shared while it ran). */
export function sendCached(res: ServerResponse, cached: CachedResponse, head: boolean, how: "hit" | "coalesced" = "hit"): void {
  // The copy holds the headers cachePublicly decided (ours, or a route's own tag), as they were sent.
  res.writeHead(cached.status, { ...cached.headers, "x-atlas-cache": how });
  res.end(head ? undefined : cached.body);
}

/**
 * Lets Next write the response as usual and keeps a copy: `done` gets it when it is a complete 200 that
 * sets no cookie, and null otherwise (an error, a redirect, a client gone before the end); it is called
 * once. (Next marks dynamic pages `no-store` for browsers and proxies; that is about HTTP caches
 * downstream, and stays on the cached copy.)
 */
export function captureResponse(res: ServerResponse, done: (r: CachedResponse | null) => void): void {
  let settled = false;
  const settle = (r: CachedResponse | null) => {
    if (settled) return;
    settled = true;
    done(r);
  };
  res.once("close", () => settle(null));
  const chunks: Buffer[] = [];
  let size = 0;
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  const keep = (chunk: unknown, encoding?: unknown) => {
    if (chunk == null || typeof chunk === "function" || size > MAX_BODY) return;
    const buf = Buffer.isBuffer(chunk) ? chunk : typeof chunk === "string" ? Buffer.from(chunk, (typeof encoding === "string" ? encoding : "utf8") as BufferEncoding) : Buffer.from(chunk as Uint8Array);
    chunks.push(buf);
    size += buf.length;
  };
  res.setHeader("x-atlas-cache", "miss");
  res.write = ((chunk: unknown, encoding?: unknown, cb?: unknown) => {
    keep(chunk, encoding);
    return write(chunk, encoding, cb);
  }) as typeof res.write;
  res.end = ((chunk?: unknown, encoding?: unknown, cb?: unknown) => {
    keep(chunk, encoding);
    const result = end(chunk, encoding, cb);
    const headers = res.getHeaders();
    if (res.statusCode === 200 && size <= MAX_BODY && !headers["set-cookie"]) {
      const plain: Record<string, string | string[]> = {};
      for (const [k, v] of Object.entries(headers)) {
        if (v !== undefined && k !== "x-atlas-cache" && k !== "date" && k !== "connection" && k !== "transfer-encoding") plain[k] = Array.isArray(v) ? v : String(v);
      }
      plain["content-length"] = String(size);
      settle({ status: 200, headers: plain, body: Buffer.concat(chunks) });
    }
    settle(null);
    return result;
  }) as typeof res.end;
}
