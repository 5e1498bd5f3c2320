import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { readFile } from "node:fs/promises";

test("a researcher filters to Chinese MoE models, sorts by active parameters, opens one, compares two and downloads the view", async ({ page }) => {
  await page.goto("/models");
  // The filters start folded (issue 15): open them.
  await page.locator("details[data-filters] > summary").click();
  const filters = page.getByRole("form", { name: "Filter models" });
  await filters.getByRole("checkbox", { name: /^China/ }).check();
  await filters.getByRole("radio", { name: "MoE" }).check();
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/country=CN/);
  await expect(page).toHaveURL(/architecture=moe/);
  await expect(page.getByText(/country: China · architecture: MoE/)).toBeVisible();

  // Every row is Chinese and MoE.
  const rows = page.locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  for (const text of await rows.allInnerTexts()) {
    expect(text).toContain("China");
    expect(text).toContain("MoE");
  }

  // Switch the table to active parameters and sort by them: largest first.
  await page.getByRole("link", { name: "Active", exact: true }).click();
  await page.getByRole("link", { name: /^Active params/ }).click();
  await expect(page).toHaveURL(/sort=activeParams/);
  await expect(page.getByRole("columnheader", { name: /Active params/ })).toHaveAttribute("aria-sort", "descending");
  const activeCells = await page.locator('tbody tr td[data-col="params"]').allInnerTexts();
  const toNumber = (s: string) => (s === "—" ? -1 : parseFloat(s) * ({ T: 1e12, B: 1e9, M: 1e6 }[s.slice(-1)] ?? 1));
  const values = activeCells.map(toNumber);
  expect(values).toEqual([...values].sort((a, b) => b - a));

  // Open the first model.
  const firstName = (await page.locator("tbody tr th a").first().innerText()).trim();
  await page.locator("tbody tr th a").first().click();
  await expect(page.getByRole("heading", { level: 1, name: firstName })).toBeVisible();
  await expect(page.locator('[data-field="activeParams"]')).toContainText("source");
  await page.goBack();

  // Compare the first two rows.
  await page.locator('tbody input[type="checkbox"]').nth(0).check();
  await page.locator('tbody input[type="checkbox"]').nth(1).check();
  await page.getByRole("button", { name: "Compare 2 selected" }).click();
  await expect(page).toHaveURL(/\/compare\?models=/);
  await expect(page.getByRole("heading", { level: 1, name: "Compare models" })).toBeVisible();
  await expect(page.locator("thead th a")).toHaveCount(2);
  await expect(page.locator("tr[data-differs]").first()).toBeVisible();
  await page.goBack();

  // Download the CSV of this view.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CSV" }).click();
  const file = await (await download).path();
  const csv = (await readFile(file!, "utf8")).trimEnd().split("\r\n");
  expect(csv[0]).toMatch(/^slug,name,/);
  const total = Number((await page.locator("p[aria-live] strong").innerText()).trim());
  expect(csv.length - 1).toBe(total); // the header, then one row per model: the credit is in the X-Credit header
  expect(csv.slice(1).every((line) => line.includes(",CN,") && line.includes(",moe,"))).toBe(true);
});

test("a filter that matches nothing says which filter to loosen", async ({ page }) => {
  await page.goto("/models?country=CN&architecture=dense&minTotalParams=400B");
  await expect(page.getByText("No releases match these filters.")).toBeVisible();
  await page.getByRole("link", { name: /minimum total parameters \(400B\)/ }).click();
  await expect(page).not.toHaveURL(/minTotalParams/);
  await expect(page.locator("tbody tr").first()).toBeVisible();
});

test("a bad parameter in the address is named and ignored, the rest still applies", async ({ page }) => {
  await page.goto("/models?country=CN&pageSize=9999");
  await expect(page.getByText("Some parameters in the address were ignored:")).toBeVisible();
  await expect(page.getByText(/pageSize.*1 to 200/)).toBeVisible();
  await expect(page.getByText(/country: China/)).toBeVisible();
});

for (const path of ["/models", "/models?country=CN&architecture=moe&sort=activeParams", "/models/deepseek-v3", "/compare?models=deepseek-v3,llama-3.1-405b-instruct", "/orgs/deepseek", "/countries/CN", "/about", "/"]) {
  for (const colorScheme of ["light", "dark"] as const) {
    test(`axe finds no violations on ${path} (${colorScheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto(path);
      // The dashboard draws a chart when it is scrolled to: scroll to each, so axe checks the drawings too.
      for (const chart of await page.locator("[data-chart]").all()) {
        await chart.scrollIntoViewIfNeeded();
        await expect(chart.locator("svg.recharts-surface").first()).toBeVisible();
      }
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`)).toEqual([]);
    });
  }
}

// A phone shows the name and one measure, no sideways scroll (phone.spec.ts); a tablet scrolls the whole table.
test("on a tablet the table scrolls sideways and keeps the model name visible", async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 800 });
  await page.goto("/models");
  const scroller = page.locator("table").first().locator("..");
  expect(await scroller.evaluate((el) => ((el.scrollLeft = 400), el.scrollLeft))).toBeGreaterThan(0);
  const name = page.locator("tbody tr th").first();
  const box = await name.boundingBox();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x).toBeLessThan(50);
});

test("unknown pages and models say so with a way on", async ({ page }) => {
  const res = await page.goto("/models/no-such-model");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("link", { name: "Search all models" })).toBeVisible();
});

for (const [path, api, heading] of [
  ["/countries/CN", "country=CN", "Open-weights releases from China"],
  ["/orgs/deepseek", "org=deepseek", "DeepSeek"],
] as const) {
  test(`${path} sums up every release, lists the newest and leads to all of them`, async ({ page, request }) => {
    const total = ((await (await request.get(`/api/v1/models?${api}&pageSize=1`)).json()) as { total: number }).total;
    expect(total).toBeGreaterThan(0);
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    // The summary covers all of them, the table the newest 100 at most.
    await expect(page.locator("dl dt", { hasText: /^Releases$/ }).locator("xpath=following-sibling::dd[1]")).toHaveText(String(total));
    await expect(page.locator("tbody tr")).toHaveCount(Math.min(100, total));
    if (total > 100) await expect(page.getByText(`The newest 100 of ${total}.`)).toBeVisible();
    await page.getByRole("link", { name: /in the models table$/ }).click();
    await expect(page).toHaveURL(new RegExp(`/models\\?${api}$`));
    await expect(page.getByText(new RegExp(`^${total} releases`))).toBeVisible();
  });
}
