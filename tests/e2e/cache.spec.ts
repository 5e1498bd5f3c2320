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
