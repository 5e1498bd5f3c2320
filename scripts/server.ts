// The production HTTP server (started by scripts/start.ts): Next's request handler behind the response
// cache of lib/response-cache.ts. The data version is polled, so a cache hit never waits on the database.
import http from "node:http";
import next from "next";
import pg from "pg";
import { readEnv } from "@/lib/env";
import { publicOriginFrom } from "@/lib/public-origin";
import { cacheKey, cachePublicly, captureResponse, entityTag, isCacheableRequest, matchesEntityTag, ResponseCache, sendCached, sendNotModified, type CachedResponse } from "@/lib/response-cache";
import { corsHeaders, isCorsPath } from "@/lib/security-headers";

const POLL_MS = 500;
const env = readEnv();
if (!env.DATABASE_URL) throw new Error("scripts/server.ts needs DATABASE_URL (start the app with `npm start`).");

const app = next({ dev: false, dir: process.cwd(), port: env.PORT });
const handle = app.getRequestHandler();
await app.prepare();

const cache = new ResponseCache();
/** Off only to measure cache misses (lib/env.ts). */
const cacheOn = env.ATLAS_RESPONSE_CACHE === "on";
/** Renders under way, by cache key: later requests for the same key share the first one's response. */
const inFlight = new Map<string, Promise<CachedResponse | null>>();
const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 1, connectionTimeoutMillis: 2_000 });
pool.on("error", () => {}); // a dropped idle connection: the next poll reconnects
let version: string | null = null;

async function pollVersion(): Promise<void> {
  try {
    // The number of data releases too: pages say which release to cite (and whether an asOf date has one),
    // and a new snapshot moves no data version (docs/decisions/016-snapshots.md). Releases are never removed.
    const { rows } = await pool.query<{ version: string }>(
      `SELECT "version"::text || '.' || (SELECT count(*) FROM "DataRelease")::text AS version FROM "DataVersion" WHERE "id" = 1`,
    );
    const next = rows[0]?.version ?? null;
    if (next !== version && next !== null) cache.dropOtherVersions(next);
    version = next;
  } catch {
    // The database is unreachable: serve nothing from the cache (pages then say so, the API answers 503).
    version = null;
  }
}
await pollVersion();
setInterval(() => void pollVersion(), POLL_MS).unref();

/**
 * While the database is unreachable (the last poll failed), a page that fails to render is a 503 with
 * Retry-After, like the API's answers, not a 500: the page is fine, the data store is briefly away, and
 * clients, proxies and crawlers should come back. Node sends every response's head through writeHead.
 */
function unavailableWhileDatabaseDown(res: http.ServerResponse): void {
  const writeHead = res.writeHead;
  res.writeHead = function (this: http.ServerResponse, statusCode: number, ...rest: unknown[]) {
    if (statusCode === 500 && version === null) {
      statusCode = 503;
      this.setHeader("Retry-After", "5");
    }
    return (writeHead as (code: number, ...args: unknown[]) => http.ServerResponse).call(this, statusCode, ...rest);
  } as typeof res.writeHead;
}

const server = http.createServer((req, res) => {
  unavailableWhileDatabaseDown(res);
  if (version === null || !isCacheableRequest(req)) {
    void handle(req, res);
    return;
  }
  const header = (name: string) => {
    const v = req.headers[name];
    return Array.isArray(v) ? v.join(",") : v;
  };
  const key = cacheKey(version, req, publicOriginFrom(header, env, "-"));
  // The tag follows from the data version and the request alone: a revalidation costs no render.
  const tag = entityTag(key);
  if (matchesEntityTag(req.headers["if-none-match"], tag)) {
    const cors = isCorsPath(req.url ?? "") ? Object.fromEntries(corsHeaders().map((h) => [h.key, h.value])) : {};
    sendNotModified(res, tag, cors);
    return;
  }
  const hit = cacheOn ? cache.get(key) : undefined;
  if (hit) {
    sendCached(res, hit, req.method === "HEAD");
    return;
  }
  cachePublicly(res, tag);
  // Only a GET's body is the page; a HEAD is answered by Next and not kept.
  if (req.method === "GET" && cacheOn) {
    // The same response is being rendered for another request: wait for it instead of rendering it
    // again. After a data change every key is new at once, and a popular page (the dashboard renders
    // in about 2 s at 100,000 models) would otherwise be rendered once per waiting visitor.
    const pending = inFlight.get(key);
    if (pending) {
      void pending.then((r) => (r ? sendCached(res, r, false, "coalesced") : void handle(req, res)));
      return;
    }
    let settle!: (r: CachedResponse | null) => void;
    inFlight.set(key, new Promise((resolve) => (settle = resolve)));
    captureResponse(res, (r) => {
      inFlight.delete(key);
      if (r) cache.set(key, r);
      settle(r);
    });
  }
  void handle(req, res);
});
server.keepAliveTimeout = 65_000;
server.listen(env.PORT, () => console.log(`[atlas] listening on http://localhost:${env.PORT} (response cache ${env.ATLAS_RESPONSE_CACHE})`));

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    server.close();
    void pool.end().finally(() => process.exit(0));
  });
}
