import { expect, test } from "@playwright/test";

// The header's search box, on a page other than /models: what a new user types finds what they meant.
test("the header search on another page shows the ranked results, DeepSeek-R1 first for \"deepseek r\"", async ({ page }) => {
  await page.goto("/about");
  const box = page.getByRole("search", { name: "Models" }).getByRole("searchbox", { name: "Search models" });
  // "deepseek r1" also names DeepSeek-R1 exactly, which goes straight to its page: the ranked list is
  // the answer to a query that names several ("deepseek r1 distill" less exactly, "deepseek r" by prefix).
  await box.fill("deepseek r");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/models\?q=deepseek\+r$/);
  await expect(page.locator("table tbody tr th a").first()).toHaveText("DeepSeek-R1");
  await expect(page.getByText(/sorted by relevance/)).toBeAttached();
});

test("\"deepseek r1\" and an exact name go straight to the model's page, without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/changes");
  const box = page.getByRole("searchbox", { name: "Search models" });
  await box.fill("deepseek r1");
  await page.getByRole("search", { name: "Models" }).getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/models\/deepseek-r1$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("DeepSeek-R1");
  await page.goto("/data-quality");
  await page.getByRole("searchbox", { name: "Search models" }).fill("Llama-3.1-405B-Instruct");
  await page.getByRole("search", { name: "Models" }).getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/models\/llama-3\.1-405b-instruct$/);
  await context.close();
});

test("the six queries of issue 15 find the intended model first, and a close spelling still finds DeepSeek-R1", async ({ page }) => {
  const intended: [string, string[]][] = [
    ["deepseek r1", ["DeepSeek-R1"]],
    ["deepseek v3", ["DeepSeek-V3"]],
    ["qwen3 235b", ["Qwen3-235B-A22B"]],
    ["gpt oss", ["gpt-oss-20b", "gpt-oss-120b"]],
    ["llama 3.1 405b", ["Llama-3.1-405B"]],
    ["mixtral 8x7b", ["Mixtral-8x7B-v0.1", "Mixtral-8x7B-Instruct-v0.1"]],
    ["deepsek r1", ["DeepSeek-R1"]],
  ];
  for (const [q, names] of intended) {
    await page.goto(`/models?${new URLSearchParams({ q })}`);
    const name = await page.locator("table tbody tr th a").first().innerText();
    expect(names, q).toContain(name.trim());
  }
});

test("the search box stays small on a phone", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto("/");
  const box = await page.getByRole("searchbox", { name: "Search models" }).boundingBox();
  expect(box!.width).toBeLessThanOrEqual(160);
  expect(box!.height).toBeGreaterThanOrEqual(24);
  await context.close();
});
