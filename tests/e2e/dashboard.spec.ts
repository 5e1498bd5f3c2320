import { expect, test, type Page } from "@playwright/test";
import { bucketEnd, nextDay } from "@/lib/domain/aggregation";
import { formatDay, incompleteNote } from "@/lib/domain/dates";
import { loadExclusions } from "@/lib/ingest/exclusions";

const CHARTS = ["capability", "usage-share", "releases-per-quarter", "size", "context", "moe-share", "licenses", "cumulative"];

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("pageerror", (e) => errors.push(e.message));
  return errors;
}

const marks = (page: Page, chart: string) =>
  page.locator(`[data-chart="${chart}"]`).locator(".recharts-bar-rectangle, g.recharts-scatter-symbol, .recharts-line-curve").count();

for (const [name, viewport] of [["desktop", { width: 1280, height: 900 }], ["phone", { width: 390, height: 844 }]] as const) {
  for (const colorScheme of ["light", "dark"] as const) {
    test(`the dashboard draws every card and chart without console errors (${name}, ${colorScheme})`, async ({ page }) => {
      const errors = collectErrors(page);
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme });
      await page.goto("/");
      await expect(page.getByRole("heading", { level: 1, name: /Who leads open-weights AI/ })).toBeVisible();
      for (const group of ["US", "CN", "other"]) await expect(page.locator(`[data-group="${group}"] dd`).first()).toBeVisible();
      await expect(page.locator("[data-threshold]")).toHaveCount(3);
      for (const chart of CHARTS) {
        await page.locator(`[data-chart="${chart}"]`).scrollIntoViewIfNeeded();
        await expect.poll(() => marks(page, chart), { message: chart }).toBeGreaterThan(0);
      }
      expect(errors).toEqual([]);
    });
  }
}

test("the size chart draws one point per release, and the total/active switch changes what is drawn", async ({ page }) => {
  await page.goto("/");
  const size = page.locator('[data-chart="size"]');
  await size.scrollIntoViewIfNeeded();
  const expected = Number(await size.getAttribute("data-points"));
  expect(expected).toBeGreaterThan(250);
  await expect(size.locator("g.recharts-scatter-symbol")).toHaveCount(expected);
  const frontierBefore = await size.locator(".recharts-line-curve").first().getAttribute("d");

  await page.getByRole("button", { name: "Active parameters" }).click();
  await expect(size).toHaveAttribute("data-measure", "activeParams");
  await expect(page).toHaveURL(/params=active/);
  await expect(page.getByRole("button", { name: "Active parameters" })).toHaveAttribute("aria-pressed", "true");
  await expect(size.getByText(/Active parameters \(log scale\)/)).toBeVisible();
  const frontierAfter = await size.locator(".recharts-line-curve").first().getAttribute("d");
  expect(frontierAfter).not.toEqual(frontierBefore);

  // The choice survives a reload: it is in the address.
  await page.reload();
  await expect(page.locator('[data-chart="size"]')).toHaveAttribute("data-measure", "activeParams");
});

test("a filter changes what is drawn: MoE only leaves no dense squares", async ({ page }) => {
  await page.goto("/");
  const size = page.locator('[data-chart="size"]');
  const all = Number(await size.getAttribute("data-points"));
  await page.getByLabel("Architecture").selectOption("moe");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/architecture=moe/);
  const moe = Number(await page.locator('[data-chart="size"]').getAttribute("data-points"));
  expect(moe).toBeGreaterThan(0);
  expect(moe).toBeLessThan(all);
  await page.locator('[data-chart="size"]').scrollIntoViewIfNeeded();
  await expect(page.locator('[data-chart="size"] g.recharts-scatter-symbol')).toHaveCount(moe);
  await expect(page.locator('[data-chart="size"] g.recharts-scatter-symbol rect')).toHaveCount(0);
});

test("asOf shows the world as it was: Kimi K2 (July 2025) is not there on 2025-01-01", async ({ page }) => {
  await page.goto("/?asOf=2025-01-01");
  await expect(page.getByText("As of 2025-01-01", { exact: false }).first()).toBeVisible();
  const oneT = page.locator('[data-threshold="1000000000000"]');
  await expect(oneT).toContainText("neither yet");
  await page.goto("/");
  await expect(page.locator('[data-threshold="1000000000000"]')).toContainText("Kimi");
});

test("a headline number links to the rows that prove it", async ({ page }) => {
  await page.goto("/");
  await page.locator('[data-group="CN"]').getByRole("link", { name: /%/ }).first().click();
  await expect(page).toHaveURL(/\/models\?country=CN&architecture=moe/);
  await expect(page.locator("tbody tr").first()).toContainText("China");
});

test("clicking a point opens that model's page", async ({ page }) => {
  await page.goto("/");
  // Charts are drawn when scrolled to, as a reader would.
  await page.locator('[data-chart="size"]').scrollIntoViewIfNeeded();
  const point = page.locator('[data-chart="size"] g.recharts-scatter-symbol').first();
  await point.click({ force: true });
  await expect(page).toHaveURL(/\/models\/[a-z0-9.-]+$/);
});

test("the headline says how far the data reaches, the API returns it, and the partial period is marked in chart, legend and table", async ({ page, request }) => {
  const stats = await (await request.get("/api/v1/stats")).json();
  const list = await (await request.get("/api/v1/models?pageSize=1")).json();
  expect(stats.completeThrough).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(list.completeThrough).toBe(stats.completeThrough);
  expect(stats.dataThrough).toBe(stats.completeThrough);
  const note = incompleteNote(stats.completeThrough);

  await page.goto("/");
  await expect(page.getByText(`Data complete through ${formatDay(stats.completeThrough)}.`)).toBeVisible();
  await expect(page.getByText(/limited by what has been curated so far/)).toHaveCount(0);

  // "Last 12 months" ends at the sweep date, and its link lists exactly the days counted.
  const us = page.locator('[data-group="US"]');
  await expect(us.getByText(`Releases, last 12 months to ${formatDay(stats.completeThrough)} / the year before`)).toBeVisible();
  const last12 = us.getByRole("link", { name: String(stats.recent.US.last12), exact: true }).first();
  await expect(last12).toHaveAttribute("href", new RegExp(`releasedFrom=${nextDay(stats.recent.US.window.from)}&releasedTo=${stats.completeThrough}`));

  // Every quarter that ends after the sweep date is partial (the one it falls in, unless the sweep reached
  // its last day, and any later one a release already reaches): labelled in the drawing, keyed in the
  // legend, noted in the table (even with no release in it yet: then its bars are zero, not missing).
  const quarterRows = stats.charts.releasesPerQuarter as { quarter: string; incomplete: boolean }[];
  const partial = quarterRows.filter((q) => q.incomplete).map((q) => q.quarter);
  expect(partial).toEqual(quarterRows.filter((q) => bucketEnd(q.quarter) > stats.completeThrough).map((q) => q.quarter));
  if (partial.length) {
    const quarters = page.locator('[data-chart="releases-per-quarter"]');
    await quarters.scrollIntoViewIfNeeded();
    await expect(quarters.locator('[data-legend="incomplete"]')).toHaveText(note);
    await expect(quarters.locator("svg text").filter({ hasText: note })).toBeVisible();
    const frame = page.locator('section[aria-labelledby="quarters-title"]');
    await frame.getByText("Data table").click();
    await expect(frame.getByRole("rowheader", { name: `${partial[0]} (${note})` })).toBeVisible();
  }

  // The year of the sweep date is partial unless the sweep ended on 31 December; where it has releases,
  // its license bars are hatched, never plain low bars, and the legend keys them.
  const years = stats.charts.licensesPerYear as Record<string, string | number | boolean>[];
  expect(years.filter((y) => y.incomplete).map((y) => y.year)).toEqual(stats.completeThrough.endsWith("-12-31") ? [] : [stats.completeThrough.slice(0, 4)]);
  const licenses = page.locator('[data-chart="licenses"]');
  await licenses.scrollIntoViewIfNeeded();
  const last = years.at(-1)!;
  if (last.incomplete) await expect(licenses.locator('[data-legend="incomplete"]')).toHaveText(note);
  if (last.incomplete && Object.entries(last).some(([k, v]) => k.includes(":") && Number(v) > 0)) {
    await expect.poll(() => licenses.locator(".recharts-bar-rectangle [data-incomplete]").count()).toBeGreaterThan(0);
  }
});

test("as of a day in mid-quarter, that quarter is hatched, labelled 'incomplete: through <day>' and noted in the table", async ({ page, request }) => {
  // An as-of date ends the data earlier than the sweep: min(asOf, completeThrough). 2025-Q4 has releases.
  const asOf = "2025-11-15";
  const stats = await (await request.get(`/api/v1/stats?asOf=${asOf}`)).json();
  expect(stats).toMatchObject({ asOf, dataThrough: asOf });
  expect(stats.recent.CN.window.to).toBe(asOf);
  const quartersData = stats.charts.releasesPerQuarter as Record<string, string | number | boolean>[];
  expect(quartersData.filter((q) => q.incomplete).map((q) => q.quarter)).toEqual(["2025-Q4"]);
  expect(quartersData.at(-1)).toMatchObject({ quarter: "2025-Q4", incomplete: true });
  const note = incompleteNote(asOf);
  expect(note).toBe("incomplete: through 15 Nov");

  await page.goto(`/?asOf=${asOf}`);
  await expect(page.getByText(`Data complete through ${formatDay(stats.completeThrough)}.`)).toBeVisible();
  const quarters = page.locator('[data-chart="releases-per-quarter"]');
  await quarters.scrollIntoViewIfNeeded();
  await expect(quarters.locator('[data-legend="incomplete"]')).toHaveText(note);
  await expect(quarters.locator("svg text").filter({ hasText: note })).toBeVisible();
  // Every non-empty bar of the partial quarter is hatched; no other quarter's is.
  const inPartial = stats.groups.filter((g: string) => Number(quartersData.at(-1)![g]) > 0).length;
  expect(inPartial).toBeGreaterThan(0);
  await expect(quarters.locator(".recharts-bar-rectangle [data-incomplete]")).toHaveCount(inPartial);

  const frame = page.locator('section[aria-labelledby="quarters-title"]');
  await frame.getByText("Data table").click();
  await expect(frame.getByRole("rowheader", { name: `2025-Q4 (${note})` })).toBeVisible();
  await expect(frame.getByRole("rowheader", { name: /incomplete/ })).toHaveCount(1);

  for (const chart of ["moe-share", "licenses", "cumulative"]) {
    await page.locator(`[data-chart="${chart}"]`).scrollIntoViewIfNeeded();
    await expect(page.locator(`[data-chart="${chart}"] [data-legend="incomplete"]`), chart).toHaveText(note);
  }
});

test("the headline links the releases the last sweep found but could not yet enter, listed on /data-quality with what is missing", async ({ page }) => {
  const pending = (await loadExclusions()).pending();
  expect(pending.length).toBeGreaterThan(0);
  await page.goto("/");
  const link = page.getByRole("link", { name: `${pending.length} releases`, exact: true });
  await expect(link).toHaveAttribute("href", "/data-quality#not-yet");
  await link.click();
  await expect(page).toHaveURL(/\/data-quality#not-yet$/);
  const section = page.locator("section", { has: page.getByRole("heading", { name: `Found, not yet in the data (${pending.length})` }) });
  const items = section.getByRole("list", { name: "Releases found by the last sweep and not yet in the data" }).getByRole("listitem");
  await expect(items).toHaveCount(pending.length);
  const first = pending[0]!;
  await expect(items.first()).toContainText(first.name ?? first.repo ?? first.path!);
  await expect(items.first()).toContainText(first.why);
});

