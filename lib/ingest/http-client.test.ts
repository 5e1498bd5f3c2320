import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHfServer, type HfTestServer } from "@/tests/support/hf-server";
import { HttpClient, HttpError, parseRetryAfter } from "./http-client";

// The client against a real HTTP server on 127.0.0.1 (tests/support/hf-server.ts), not a mocked fetch.
let server: HfTestServer;
beforeAll(async () => {
  server = await startHfServer();
});
afterAll(() => server.close());

const fast = { backoffMs: 5, timeoutMs: 300, retries: 3 };
const countRequests = (p: string) => server.requests.filter((r) => r.path.startsWith(p)).length;

describe("HttpClient", () => {
  it("retries a 429 after the Retry-After the server asks for", async () => {
    server.script("/r429", { status: 429, headers: { "retry-after": "1" }, body: "slow down" }, { json: { ok: true } });
    const retries: number[] = [];
    const client = new HttpClient({ ...fast, onRetry: (i) => retries.push(i.waitMs) });
    const started = Date.now();
    const res = await client.getJson(`${server.url}/r429`);
    expect(res.json).toEqual({ ok: true });
    expect(retries).toEqual([1000]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(countRequests("/r429")).toBe(2);
  });

  it("retries 500 and 503 with backoff and succeeds when the server recovers", async () => {
    server.script("/r500", { status: 500 }, { status: 503 }, { json: [1, 2] });
    const res = await new HttpClient(fast).getJson(`${server.url}/r500`);
    expect(res.json).toEqual([1, 2]);
    expect(countRequests("/r500")).toBe(3);
  });

  it("gives up after its retries with a message that says what failed and how often", async () => {
    server.script("/down", ...Array.from({ length: 4 }, () => ({ status: 502 })));
    const err = await new HttpClient(fast).get(`${server.url}/down`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpError);
    expect((err as HttpError).message).toMatch(/GET http:\/\/127\.0\.0\.1:\d+\/down: HTTP 502 \(4 attempts\)/);
    expect((err as HttpError).status).toBe(502);
    expect(countRequests("/down")).toBe(4);
  });

  it("times out an answer that never comes, and retries it", async () => {
    server.script("/hang", { hang: true }, { hang: true });
    const err = await new HttpClient({ ...fast, retries: 1, timeoutMs: 150 }).get(`${server.url}/hang`).catch((e: unknown) => e);
    expect((err as HttpError).failure).toBe("timeout");
    expect((err as HttpError).message).toMatch(/timed out after 150 ms \(2 attempts\)/);
    expect(countRequests("/hang")).toBe(2);
  });

  it("times out a body that stops halfway", async () => {
    const slow = http.createServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"id": "a/b", ');
      // ...and nothing more.
    });
    await new Promise<void>((r) => slow.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(slow.address() as AddressInfo).port}/x`;
    const err = await new HttpClient({ ...fast, retries: 0, timeoutMs: 150 }).getJson(url).catch((e: unknown) => e);
    expect((err as HttpError).failure).toBe("timeout");
    slow.closeAllConnections();
    await new Promise((r) => slow.close(r));
  });

  it("reports a malformed JSON body without retrying it", async () => {
    server.script("/bad", { status: 200, body: '{"id": "deepseek-ai/DeepSeek-V3", "safetensors": ' });
    const err = await new HttpClient(fast).getJson(`${server.url}/bad`).catch((e: unknown) => e);
    expect((err as HttpError).failure).toBe("body");
    expect((err as HttpError).message).toMatch(/malformed JSON/);
    expect(countRequests("/bad")).toBe(1);
  });

  it("does not wait longer than it allows when Retry-After asks for too much", async () => {
    server.script("/later", { status: 429, headers: { "retry-after": "3600" } });
    const err = await new HttpClient({ ...fast, maxWaitMs: 2_000 }).get(`${server.url}/later`).catch((e: unknown) => e);
    expect((err as HttpError).message).toMatch(/asks to wait 3600 s, more than the 2 s this run waits/);
    expect(countRequests("/later")).toBe(1);
  });

  it("returns statuses the caller accepts (404) as answers, and refuses others", async () => {
    const client = new HttpClient(fast);
    expect((await client.getJson(`${server.url}/api/models/nobody/nothing`, [404])).status).toBe(404);
    await expect(client.getJson(`${server.url}/api/models/nobody/nothing`)).rejects.toThrow(/HTTP 404/);
  });

  it("retries a refused connection and then reports a network error", async () => {
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const err = await new HttpClient({ ...fast, retries: 1 }).get(`http://127.0.0.1:${port}/`).catch((e: unknown) => e);
    expect((err as HttpError).failure).toBe("network");
    expect((err as HttpError).message).toMatch(/network error \(ECONNREFUSED\) \(2 attempts\)/);
  });

  it("keeps at most `concurrency` requests in flight", async () => {
    const slow = await startHfServer({ delayMs: 60 });
    try {
      const client = new HttpClient({ ...fast, concurrency: 3 });
      await Promise.all(Array.from({ length: 10 }, (_, i) => client.get(`${slow.url}/api/models/x/y${i}`)));
      expect(slow.requests).toHaveLength(10);
      expect(slow.maxInFlight).toBe(3);
    } finally {
      await slow.close();
    }
  });

  it("sends the headers it is given (the token) with every request", async () => {
    await new HttpClient({ ...fast, headers: { authorization: "Bearer hf_test" } }).get(`${server.url}/api/models/a/token-check`);
    expect(server.requests.find((r) => r.path === "/api/models/a/token-check")?.authorization).toBe("Bearer hf_test");
  });
});

describe("parseRetryAfter", () => {
  it("reads seconds and HTTP dates, and ignores junk", () => {
    const now = Date.parse("2026-11-29T12:00:00Z");
    expect(parseRetryAfter("120", now)).toBe(120_000);
    expect(parseRetryAfter("Sun, 29 Nov 2026 12:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("Sun, 29 Nov 2026 11:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});
