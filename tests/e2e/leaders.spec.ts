import { expect, test } from "@playwright/test";

// Issue 14 in a real browser, on the data a fresh start loads (the curated dataset and every shipped source).

interface Side { value: number | null; text: string; model: { slug: string; name: string; date: string } | null }
interface Row { id: string; label: string; leader: string | null; us: Side; cn: Side; margin: string | null; current: boolean; source: { label: string } }

const LEADER_NAMES: Record<string, string> = { US: "United States", CN: "China", tie: "tie" };

test("the scoreboard shows what /api/v1/leaders answers, row by row, and its rows link to the rows behind them", async ({ page, request }) => {
  const api = (await (await request.get("/api/v1/leaders")).json()) as { rows: Row[] };
  const current = api.rows.filter((r) => r.current);
  expect(current.length).toBeGreaterThanOrEqual(10);
  await page.goto("/");
  const table = page.locator("[data-leaders]").first();
  await expect(table.locator("tbody tr")).toHaveCount(current.length);
  for (const r of current) {
    const tr = table.locator(`tr[data-measure="${r.id}"]`);
    await expect(tr, r.id).toHaveAttribute("data-leader", r.leader ?? "");
    if (r.leader && LEADER_NAMES[r.leader]) await expect(tr.locator("td").first()).toContainText(LEADER_NAMES[r.leader]!);
    for (const [side, s] of [["US", r.us], ["CN", r.cn]] as const) {
      const cell = tr.locator(`td[data-side="${side}"]`);
      if (s.value === null) await expect(cell).toContainText("none in view");
      else await expect(cell).toContainText(s.text);
      if (s.model) await expect(cell.getByRole("link", { name: s.model.name })).toHaveAttribute("href", `/models/${s.model.slug}`);
    }
    if (r.margin) await expect(tr).toContainText(r.margin);
  }
  // Older benchmarks are kept, apart and folded, not sorted away.
  const older = api.rows.filter((r) => !r.current).length;
  if (older) await expect(page.locator("[data-older-benchmarks] tbody tr")).toHaveCount(older);

  // A benchmark row opens /models ranked by that benchmark.
  const bench = current.find((r) => r.id.startsWith("benchmark:"))!;
  await table.locator(`tr[data-measure="${bench.id}"] th a`).click();
  await expect(page).toHaveURL(new RegExp(`benchmark=${bench.id.slice("benchmark:".length)}`));
  await expect(page).toHaveURL(/sort=score/);
});

test("the scoreboard follows the filters and asOf, like the API", async ({ page, request }) => {
  const api = (await (await request.get("/api/v1/leaders?asOf=2025-06-30&architecture=moe")).json()) as { rows: Row[] };
  await page.goto("/?asOf=2025-06-30&architecture=moe");
  const largest = api.rows.find((r) => r.id === "largest-total")!;
  await expect(page.locator('tr[data-measure="largest-total"] td[data-side="CN"]')).toContainText(largest.cn.text);
  expect(largest.cn.model!.date <= "2025-06-30").toBe(true);
  // No usage before the OpenRouter window: the row is absent, the chart says so.
  await expect(page.locator('tr[data-measure="usage-share"]')).toHaveCount(0);
  await expect(page.locator("#usage-title")).toContainText("no data");
});

test("the capability chart: legend, gap sentence, table and source; another benchmark can be chosen", async ({ page }) => {
  await page.goto("/");
  const chart = page.locator('[data-chart="capability"]');
  await chart.scrollIntoViewIfNeeded();
  await expect(chart).toHaveAttribute("data-benchmark", "gpqa-diamond-epoch");
  await expect(chart.getByText("closed (API-only), reference")).toBeVisible();
  await expect(chart.getByText("United States, open weights")).toBeVisible();
  await expect(page.locator("section", { has: chart }).getByText(/The best Chinese open model/)).toBeVisible();
  await expect(page.locator("section", { has: chart }).locator("[data-source]")).toContainText("Epoch AI");
  await expect.poll(() => chart.locator(".recharts-line-curve").count()).toBe(3);

  await page.getByLabel("Benchmark").selectOption("swe-bench-verified-reported");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/capability=swe-bench-verified-reported/);
  await expect(page.locator('[data-chart="capability"]')).toHaveAttribute("data-benchmark", "swe-bench-verified-reported");
});

test("the usage chart names its one router and its as-of date", async ({ page }) => {
  await page.goto("/");
  const section = page.locator("section", { has: page.locator('[data-chart="usage-share"]') });
  await expect(section.locator("[data-source]")).toContainText("Source: OpenRouter (openrouter.ai/rankings), as of 2026-08-21");
  await expect(section.locator("[data-source]")).toContainText("One router");
  await expect(section.getByRole("heading", { level: 2 })).toContainText("OpenRouter's open-weights tokens");
});

test("a researcher ranks models by SWE-bench Verified, at least 70, from the filter form", async ({ page, request }) => {
  await page.goto("/models");
  await page.locator("details[data-filters] > summary").click(); // folded at first (issue 15)
  await page.getByLabel("Has a score on").selectOption("swe-bench-verified-reported");
  await page.getByLabel("Min score (with a benchmark)").fill("70");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/benchmark=swe-bench-verified-reported/);
  await page.getByRole("columnheader", { name: /SWE-bench Verified/ }).getByRole("link").click();
  await expect(page).toHaveURL(/sort=score/);
  const cells = page.locator("td[data-score]");
  const values = (await cells.allTextContents()).map(Number);
  expect(values.length).toBeGreaterThan(5);
  expect(values).toEqual([...values].sort((a, b) => b - a));
  expect(values.every((v) => v >= 70)).toBe(true);
  const api = await (await request.get("/api/v1/models?benchmark=swe-bench-verified-reported&minScore=70&sort=score")).json();
  expect(values[0]).toBe(api.data[0].score.value);
  await expect(page.locator("tbody tr").first().locator("th a")).toHaveText(api.data[0].name);
});

test("a model page lists its scores with who measured them, its usage and its sources", async ({ page }) => {
  await page.goto("/models/deepseek-v3");
  const scores = page.locator("[data-scores]");
  await expect(scores.locator("tbody tr").first()).toBeVisible();
  await expect(scores).toContainText("developer's claim");
  await expect(scores).toContainText("independent");
  await page.goto("/models/gpt-5");
  await expect(page.getByText(/A closed reference model \(API only/)).toBeVisible();
  await page.goto("/models?openWeights=all&q=gpt-5");
  await expect(page.getByText("closed", { exact: true }).first()).toBeVisible();
});

test("/data-quality lists the usage listings no record is mapped to", async ({ page }) => {
  await page.goto("/data-quality#unmapped-usage");
  const table = page.locator("[data-unmapped-usage]");
  await expect(table).toContainText("anthropic/claude-4.7-opus-20260416");
  await expect(table).not.toContainText("deepseek/deepseek-v4-flash-20260423");
});
