import { expect, test } from "@playwright/test";

test("the /models table lists the curated releases from the database", async ({ page }) => {
  await page.goto("/models?sort=totalParams&pageSize=200");
  await expect(page.getByRole("heading", { level: 1, name: "Open-weights model releases" })).toBeVisible();
  const table = page.getByRole("table");
  // Real records, with their developer's country and formatted counts (the largest 200 are on page 1).
  const v3 = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "DeepSeek-V3", exact: true }) });
  await expect(v3).toContainText("China");
  await expect(v3).toContainText("671B");
  await expect(v3).toContainText("MoE");
  const llama = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Llama-3.1-405B", exact: true }) });
  await expect(llama).toContainText("United States");
  await expect(llama).toContainText("405B");
  // Every release in the database is listed: walk the pages of 200.
  await page.goto("/models");
  const count = Number((await page.locator("p[aria-live] strong").innerText()).trim());
  expect(count).toBeGreaterThanOrEqual(250);
  const seen = new Set<string>();
  for (let p = 1; p <= Math.ceil(count / 200); p++) {
    await page.goto(`/models?pageSize=200&page=${p}`);
    for (const href of await page.locator("tbody tr th a").evaluateAll((as) => as.map((a) => a.getAttribute("href")!))) seen.add(href);
  }
  expect(seen.size).toBe(count);
});

test("the overview counts releases per country from the database and leads to the table", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByText(/the atlas counts \d+ open-weights releases: \d+ from the United States, \d+ from China/)).toBeVisible();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Models" }).click();
  await expect(page).toHaveURL(/\/models$/);
});
