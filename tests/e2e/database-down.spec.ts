import { spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { expect, test } from "@playwright/test";

// The production server (scripts/server.ts) with its database unreachable from the start: pages and the
// API fail cleanly with 503 and Retry-After, and a static page still works. (The bench's fault run stops
// and restarts a real server under load; this is the part that fits in CI.)
async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((r) => probe.listen(0, "127.0.0.1", () => r()));
  const port = (probe.address() as net.AddressInfo).port;
  await new Promise<void>((r) => probe.close(() => r()));
  return port;
}

test("with the database unreachable, pages and the API answer 503 with Retry-After and say what happened", async ({ page, request }) => {
  test.setTimeout(90_000);
  const port = await freePort();
  const server = spawn(process.execPath, ["--import", "tsx", path.resolve("scripts/server.ts")], {
    env: { ...process.env, DATABASE_URL: "postgresql://postgres@127.0.0.1:1/unreachable", PORT: String(port), NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "ignore",
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    await expect.poll(async () => (await request.get(`${base}/about`).catch(() => null))?.status(), { timeout: 60_000 }).toBe(200);

    // In a browser: the error page says what happened and offers to try again.
    const response = await page.goto(`${base}/models?country=CN`);
    expect(response?.status()).toBe(503);
    expect(response?.headers()["retry-after"]).toBe("5");
    await expect(page.getByRole("heading", { name: "The data could not be loaded" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();

    const api = await request.get(`${base}/api/v1/models`);
    expect(api.status()).toBe(503);
    expect(api.headers()["retry-after"]).toBe("5");
    expect(await api.json()).toEqual({ error: "The data store is unavailable; try again shortly." });

    // A page that does not need the database is unaffected.
    expect((await request.get(`${base}/about`)).status()).toBe(200);
  } finally {
    server.kill("SIGTERM");
  }
});
