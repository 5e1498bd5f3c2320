import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import nextConfig from "../next.config";
import { contentSecurityPolicy, CORS_PATHS, isCorsPath, securityHeaders } from "./security-headers";

describe("security headers", () => {
  it("are set by next.config.ts on every path", async () => {
    const rules = await nextConfig.headers!();
    expect(rules[0]!.source).toBe("/:path*");
    const names = rules[0]!.headers.map((h) => h.key);
    expect(names).toEqual(expect.arrayContaining(["Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options"]));
  });

  it("open CORS only on the public read-only paths: the API and the feed, never admin, forms or pages", async () => {
    const rules = await nextConfig.headers!();
    const cors = rules.filter((r) => r.headers.some((h) => h.key === "Access-Control-Allow-Origin"));
    expect(cors.map((r) => r.source).sort()).toEqual([...CORS_PATHS].sort());
    expect(cors.map((r) => r.source).sort()).toEqual(["/api/v1/:path*", "/changes.atom", "/data/releases/:date/:file", "/releases.atom"]);
    for (const r of cors) {
      const h = Object.fromEntries(r.headers.map((x) => [x.key, x.value]));
      expect(h["Access-Control-Allow-Origin"]).toBe("*");
      expect(h["Access-Control-Allow-Methods"]).toBe("GET, HEAD, OPTIONS");
      expect(h["Access-Control-Expose-Headers"]).toContain("X-Credit");
      expect(h).not.toHaveProperty("Access-Control-Allow-Credentials");
    }
  });

  it("forbid framing, plugins, foreign scripts and foreign form targets; no eval in production", () => {
    const csp = contentSecurityPolicy(false);
    const directives = Object.fromEntries(csp.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1).join(" ")]));
    expect(directives["default-src"]).toBe("'self'");
    expect(directives["frame-ancestors"]).toBe("'none'");
    expect(directives["object-src"]).toBe("'none'");
    expect(directives["form-action"]).toBe("'self'");
    expect(directives["base-uri"]).toBe("'self'");
    expect(directives["script-src"]).toBe("'self' 'unsafe-inline'");
    expect(csp).not.toContain("unsafe-eval");
    expect(contentSecurityPolicy(true)).toContain("'unsafe-eval'");
    const headers = Object.fromEntries(securityHeaders(false).map((h) => [h.key, h.value]));
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
  });

  it("are backed by rendering text as text: no page or component injects raw HTML", () => {
    // The CSP allows inline scripts (see security-headers.ts); this is what keeps user text from becoming one.
    const root = path.resolve(import.meta.dirname, "..");
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.(tsx?|jsx?)$/.test(entry.name) && !entry.name.endsWith(".test.ts") && /dangerouslySetInnerHTML|\.innerHTML\s*=/.test(readFileSync(full, "utf8"))) {
          offenders.push(path.relative(root, full));
        }
      }
    };
    for (const dir of ["app", "components"]) walk(path.join(root, dir));
    expect(offenders).toEqual([]);
  });
});

describe("isCorsPath", () => {
  it("matches the API and the feeds, not pages, admin or forms", () => {
    for (const p of ["/api/v1/models", "/api/v1/models/deepseek-v3?x=1", "/changes.atom", "/releases.atom", "/data/releases/2026-12-01/models.csv"]) expect(isCorsPath(p), p).toBe(true);
    for (const p of ["/", "/models", "/admin", "/api/v2/x", "/changes", "/api/v1", "/changesXatom", "/data/releases", "/data/releases/2026-12-01"]) expect(isCorsPath(p), p).toBe(false);
  });
});
