import { expect, test } from "@playwright/test";

test("public GET responses are served from the response cache on the second request, identical", async ({ request }) => {
  for (const url of ["/api/v1/models?country=CN&sort=totalParams", "/models?architecture=moe", "/models/deepseek-v3"]) {
    const first = await request.get(url);
    const second = await request.get(url);
    expect(first.status()).toBe(200);
    expect(second.headers()["x-atlas-cache"]).toBe("hit");
    expect(await second.body()).toEqual(await first.body());
    expect(second.headers()["content-security-policy"]).toBe(first.headers()["content-security-policy"]);
  }
});

test("errors, admin pages and form pages are never cached", async ({ request }) => {
  await request.get("/api/v1/models?country=XX");
  expect((await request.get("/api/v1/models?country=XX")).headers()["x-atlas-cache"]).not.toBe("hit");
  await request.get("/admin");
  expect((await request.get("/admin")).headers()["x-atlas-cache"]).not.toBe("hit");
  await request.get("/models/deepseek-v3/correct");
  expect((await request.get("/models/deepseek-v3/correct")).headers()["x-atlas-cache"]).not.toBe("hit");
});

test("requests for the same page while it renders share one render", async ({ request }) => {
  // A view nobody has asked for yet (the dashboard as of a date no other test uses), eight times at once.
  const url = "/?asOf=2024-02-29";
  const responses = await Promise.all(Array.from({ length: 8 }, () => request.get(url)));
  const how = responses.map((r) => r.headers()["x-atlas-cache"]);
  expect(responses.every((r) => r.status() === 200)).toBe(true);
  expect(how.filter((h) => h === "miss")).toHaveLength(1);
  expect(how.filter((h) => h === "coalesced").length).toBeGreaterThan(0);
  const bodies = await Promise.all(responses.map((r) => r.body()));
  expect(bodies.every((b) => b.equals(bodies[0]!))).toBe(true);
});
