import { describe, expect, it } from "vitest";
import { readEnv } from "./env";
import { publicOriginFrom } from "./public-origin";

const from = (headers: Record<string, string>, settings: { PUBLIC_URL?: string; TRUST_PROXY: number } = { TRUST_PROXY: 0 }) =>
  publicOriginFrom((n) => headers[n], settings, "http://localhost:3917");

describe("publicOriginFrom", () => {
  it("uses PUBLIC_URL whatever the request says", () => {
    expect(from({ host: "evil.example", "x-forwarded-host": "evil.example" }, { PUBLIC_URL: "https://atlas.example.org", TRUST_PROXY: 1 })).toBe("https://atlas.example.org");
  });
  it("without PUBLIC_URL takes the Host header, not the listening address", () => {
    expect(from({ host: "atlas.example.org" })).toBe("http://atlas.example.org");
    expect(from({ host: "Atlas.Example.org:8443" })).toBe("http://atlas.example.org:8443");
    expect(from({ host: "[::1]:3000" })).toBe("http://[::1]:3000");
  });
  it("ignores X-Forwarded-Host and -Proto unless TRUST_PROXY says a proxy of ours set them", () => {
    const h = { host: "atlas.example.org", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" };
    expect(from(h)).toBe("http://atlas.example.org");
    expect(from(h, { TRUST_PROXY: 1 })).toBe("https://evil.example");
    // Two proxies: the entry the outer one appended; a single entry passed through is taken as is.
    expect(from({ host: "internal:3000", "x-forwarded-host": "forged.example, atlas.example.org, inner.local" }, { TRUST_PROXY: 2 })).toBe("http://atlas.example.org");
    expect(from({ host: "internal:3000", "x-forwarded-host": "atlas.example.org", "x-forwarded-proto": "https" }, { TRUST_PROXY: 2 })).toBe("https://atlas.example.org");
    expect(from({ host: "atlas.example.org", "x-forwarded-proto": "gopher" }, { TRUST_PROXY: 1 })).toBe("http://atlas.example.org");
  });
  it("falls back when the host is missing or not a host", () => {
    expect(from({})).toBe("http://localhost:3917");
    for (const host of ["evil.example/path", "a b", "x@evil.example", "evil.example:99999999", "<script>", ""]) expect(from({ host }), host).toBe("http://localhost:3917");
  });
});

describe("PUBLIC_URL", () => {
  it("is an origin: a trailing slash is dropped, a path or a non-http scheme refused", () => {
    expect(readEnv({ PUBLIC_URL: "https://atlas.example.org/" }).PUBLIC_URL).toBe("https://atlas.example.org");
    expect(readEnv({ PUBLIC_URL: "HTTPS://Atlas.Example.org:8443" }).PUBLIC_URL).toBe("https://atlas.example.org:8443");
    expect(readEnv({}).PUBLIC_URL).toBeUndefined();
    expect(readEnv({ PUBLIC_URL: "" }).PUBLIC_URL).toBeUndefined();
    expect(() => readEnv({ PUBLIC_URL: "atlas.example.org" })).toThrow(/PUBLIC_URL: must be an http\(s\) URL/);
    expect(() => readEnv({ PUBLIC_URL: "ftp://atlas.example.org" })).toThrow(/PUBLIC_URL/);
    expect(() => readEnv({ PUBLIC_URL: "https://atlas.example.org/atlas" })).toThrow(/PUBLIC_URL: must be an origin only/);
  });
});
