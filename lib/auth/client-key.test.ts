import { describe, expect, it } from "vitest";
import { clientAddress, clientKey, SHARED_CLIENT } from "./client-key";

describe("clientAddress", () => {
  it("ignores X-Forwarded-For unless the app is told it sits behind proxies", () => {
    expect(clientAddress("203.0.113.7", 0)).toBe(SHARED_CLIENT);
    expect(clientAddress(null, 0)).toBe(SHARED_CLIENT);
  });

  it("takes the address the outermost trusted proxy saw, not what the client wrote", () => {
    // The client sent "1.2.3.4"; our one proxy appended the real address.
    expect(clientAddress("1.2.3.4, 203.0.113.7", 1)).toBe("203.0.113.7");
    // Two proxies of ours: the load balancer appended the client, the ingress appended the balancer.
    expect(clientAddress("1.2.3.4, 203.0.113.7, 10.0.0.2", 2)).toBe("203.0.113.7");
    expect(clientAddress("2001:DB8::1", 1)).toBe("2001:db8::1");
  });

  it("falls back to one bucket when the header is missing, too short or not an address", () => {
    expect(clientAddress(null, 1)).toBe("unknown");
    expect(clientAddress("203.0.113.7", 2)).toBe("unknown");
    expect(clientAddress("<script>", 1)).toBe("unknown");
    expect(clientAddress("9".repeat(500), 1)).toBe("unknown");
  });
});

describe("clientKey", () => {
  it("is a keyed hash: stable for one key, different across keys, never the address", () => {
    const a = clientKey("203.0.113.7", Buffer.from("k1"));
    expect(a).toBe(clientKey("203.0.113.7", Buffer.from("k1")));
    expect(a).not.toBe(clientKey("203.0.113.7", Buffer.from("k2")));
    expect(a).not.toBe(clientKey("203.0.113.8", Buffer.from("k1")));
    expect(a).not.toContain("203");
    expect(a).toMatch(/^[\w-]{32}$/);
  });
});
