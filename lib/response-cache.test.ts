import { describe, expect, it } from "vitest";
import http, { type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { cacheKey, cachePublicly, entityTag, isCacheableRequest, matchesEntityTag, PUBLIC_CACHE_CONTROL, ResponseCache } from "./response-cache";

const req = (url: string, headers: Record<string, string> = {}, method = "GET") => ({ url, headers, method });

describe("isCacheableRequest", () => {
  it.each(["/", "/models", "/models?country=CN", "/models/deepseek-v3", "/compare?models=a,b", "/orgs/meta", "/countries/CN", "/about", "/changes", "/changes.atom", "/releases.atom", "/data-quality", "/docs/api", "/api/v1/models", "/api/v1/stats?asOf=2025-01-01"])(
    "caches GET %s", (url) => expect(isCacheableRequest(req(url))).toBe(true),
  );
  it.each(["/admin", "/admin/login", "/models/deepseek-v3/correct", "/corrections/123", "/_next/static/x.js"])("does not cache %s", (url) =>
    expect(isCacheableRequest(req(url))).toBe(false),
  );
  it("leaves POSTs, RSC navigations and moderators to Next", () => {
    expect(isCacheableRequest(req("/models", {}, "POST"))).toBe(false);
    expect(isCacheableRequest(req("/models", { rsc: "1" }))).toBe(false);
    expect(isCacheableRequest(req("/models?_rsc=abc"))).toBe(false);
    expect(isCacheableRequest(req("/models", { cookie: "a=1; atlas_admin=xyz" }))).toBe(false);
  });
});

describe("cacheKey", () => {
  it("changes with the data version, the URL and gzip", () => {
    const a = cacheKey("7", req("/models?country=CN", { "accept-encoding": "gzip, br" }));
    expect(a).toBe("7|GET|gz|/models?country=CN");
    expect(cacheKey("8", req("/models?country=CN", { "accept-encoding": "gzip" }))).not.toBe(a);
    expect(cacheKey("7", req("/models?country=CN"))).toBe("7|GET|id|/models?country=CN");
    expect(cacheKey("7", req("/models?country=CN", {}, "HEAD"))).toBe("7|GET|id|/models?country=CN");
  });
  it("changes with the public origin the request resolves to", () => {
    expect(cacheKey("7", req("/changes.atom"), "https://atlas.example.org")).toBe("7|GET|id|https://atlas.example.org/changes.atom");
    expect(cacheKey("7", req("/changes.atom"), "http://evil.example")).not.toBe(cacheKey("7", req("/changes.atom"), "https://atlas.example.org"));
  });
});

describe("ResponseCache", () => {
  const entry = (n: number) => ({ status: 200, headers: {}, body: Buffer.alloc(n) });
  it("evicts the least recently used past its bounds", () => {
    const c = new ResponseCache(2, 1000);
    c.set("1|a", entry(10));
    c.set("1|b", entry(10));
    c.get("1|a");
    c.set("1|c", entry(10));
    expect(c.get("1|b")).toBeUndefined();
    expect(c.get("1|a")).toBeDefined();
    c.set("1|d", entry(995));
    expect(c.size).toBe(1);
  });
  it("drops entries of other data versions", () => {
    const c = new ResponseCache();
    c.set("1|a", entry(1));
    c.set("2|a", entry(1));
    c.dropOtherVersions("2");
    expect(c.get("1|a")).toBeUndefined();
    expect(c.get("2|a")).toBeDefined();
  });
});

describe("entity tags of public responses", () => {
  it("are strong, stable for one key, and different for another data version, URL or encoding", () => {
    const a = entityTag("41|GET|gz|http://x/models");
    expect(a).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(entityTag("41|GET|gz|http://x/models")).toBe(a);
    for (const other of ["42|GET|gz|http://x/models", "41|GET|id|http://x/models", "41|GET|gz|http://x/models?q=1"]) expect(entityTag(other)).not.toBe(a);
    expect(matchesEntityTag(a, a)).toBe(true);
    expect(matchesEntityTag(`"other", ${a}`, a)).toBe(true);
    expect(matchesEntityTag(`W/${a}`, a)).toBe(true);
    expect(matchesEntityTag("*", a)).toBe(true);
    expect(matchesEntityTag('"stale"', a)).toBe(false);
    expect(matchesEntityTag(undefined, a)).toBe(false);
  });
});

describe("cachePublicly", () => {
  /** One response through a real HTTP server, written by `write` after cachePublicly. */
  async function respond(write: (res: ServerResponse) => void): Promise<{ status: number; cacheControl: string | null; etag: string | null }> {
    const server = http.createServer((_req, res) => {
      cachePublicly(res, '"ours"');
      write(res);
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const { port } = server.address() as AddressInfo;
    try {
      const res = await fetch(`http://127.0.0.1:${port}/`);
      await res.text();
      return { status: res.status, cacheControl: res.headers.get("cache-control"), etag: res.headers.get("etag") };
    } finally {
      server.close();
    }
  }

  it("gives a 200 the public Cache-Control and the tag, however the handler set its own", async () => {
    const ours = { status: 200, cacheControl: PUBLIC_CACHE_CONTROL, etag: '"ours"' };
    expect(await respond((res) => { res.setHeader("Cache-Control", "s-maxage=31536000"); res.end("x"); })).toEqual(ours);
    expect(await respond((res) => { res.writeHead(200, { "Cache-Control": "private, no-store" }); res.end("x"); })).toEqual(ours);
    expect(await respond((res) => { res.writeHead(200, ["Cache-Control", "private", "Content-Type", "text/plain"]); res.end("x"); })).toEqual(ours);
  });

  it("leaves a route's own tag, an error and a response that sets a cookie as they were", async () => {
    expect(await respond((res) => { res.setHeader("ETag", '"sha"'); res.setHeader("Cache-Control", "public, max-age=31536000, immutable"); res.end("x"); })).toEqual({ status: 200, cacheControl: "public, max-age=31536000, immutable", etag: '"sha"' });
    expect(await respond((res) => { res.statusCode = 404; res.setHeader("Cache-Control", "private, no-store"); res.end("x"); })).toEqual({ status: 404, cacheControl: "private, no-store", etag: null });
    expect(await respond((res) => { res.setHeader("Set-Cookie", "a=b"); res.setHeader("Cache-Control", "private, no-store"); res.end("x"); })).toEqual({ status: 200, cacheControl: "private, no-store", etag: null });
  });
});
