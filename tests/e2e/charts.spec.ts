// Issue 15, item 3: charts that clip and mislead. Every chart at a desktop and a phone width draws every
// text and mark inside its SVG; the y-axis title never overlaps the tick labels; the log axes reach a
// tick above the record holder; the license small multiples share one scale; the MoE chart tells 0%
// from "no releases"; each title states the finding /api/v1/stats computes, not a question.
import { expect, test, type Locator, type Page } from "@playwright/test";

const CHARTS = ["capability", "usage-share", "releases-per-quarter", "size", "context", "moe-share", "licenses", "cumulative"] as const;
/** The section of each chart, by its title's id (a chart with no data in view still has its titled section). */
const SECTION: Record<(typeof CHARTS)[number], string> = {
  capability: "capability", "usage-share": "usage", "releases-per-quarter": "quarters", size: "size", context: "context", "moe-share": "moe", licenses: "licenses", cumulative: "cumulative",
};
const VIEWPORTS = [["desktop", { width: 1280, height: 900 }], ["phone", { width: 390, height: 844 }]] as const;

const MARKS = ".recharts-bar-rectangle, g.recharts-scatter-symbol, .recharts-line-curve";

/** A chart scrolled to and drawn (the drawings load when they come near the viewport). */
async function drawn(page: Page, chart: string): Promise<Locator> {
  const box = page.locator(`[data-chart="${chart}"]`);
  await box.scrollIntoViewIfNeeded();
  await expect.poll(() => box.locator(MARKS).count(), { message: `${chart} draws marks`, timeout: 15_000 }).toBeGreaterThan(0);
  return box;
}

/** Every text and mark of each recharts SVG in `box` that lies outside its SVG (1 px allowed), and y-axis titles that overlap tick labels. */
function problems(box: Locator) {
  return box.evaluate((root) => {
    const out: string[] = [];
    const describe = (el: Element) => `${el.tagName}${el.getAttribute("class") ? `.${el.getAttribute("class")!.split(" ").join(".")}` : ""}${el.textContent ? ` "${el.textContent.slice(0, 40)}"` : ""}`;
    const overlap = (a: DOMRect, b: DOMRect) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
    const svgs = [...root.querySelectorAll("svg.recharts-surface")];
    if (!svgs.length) out.push("no recharts SVG");
    for (const svg of svgs) {
      const s = svg.getBoundingClientRect();
      let checked = 0;
      for (const el of svg.querySelectorAll("text, circle, rect, path, line, polygon, polyline")) {
        if (el.closest("defs, pattern, clipPath, mask")) continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0 && !el.getClientRects().length) continue;
        checked++;
        if (r.left < s.left - 1 || r.top < s.top - 1 || r.right > s.right + 1 || r.bottom > s.bottom + 1) {
          out.push(`${describe(el)} at [${Math.round(r.left - s.left)}, ${Math.round(r.top - s.top)}, ${Math.round(r.right - s.left)}, ${Math.round(r.bottom - s.top)}] outside ${Math.round(s.width)}x${Math.round(s.height)}`);
        }
      }
      if (checked < 5) out.push(`only ${checked} elements checked`);
      const ticks = [...svg.querySelectorAll(".recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value")].map((t) => t.getBoundingClientRect());
      const titles = [...svg.querySelectorAll("text.recharts-label")].filter((t) => (t.getAttribute("transform") ?? "").includes("rotate(-90"));
      if (!titles.length) out.push("no y-axis title");
      for (const t of titles) {
        const r = t.getBoundingClientRect();
        if (ticks.some((k) => overlap(k, r))) out.push(`y-axis title "${t.textContent}" overlaps a tick label`);
      }
    }
    return out;
  });
}

/** "10T" -> 1e13, "128K" -> 128000, "75%" -> 75. */
const parseTick = (t: string) => {
  const m = /^([\d.]+)([KMBT%]?)$/.exec(t.trim());
  if (!m) throw new Error(`not a tick: ${t}`);
  return Number(m[1]) * ({ K: 1e3, M: 1e6, B: 1e9, T: 1e12 }[m[2] as "K"] ?? 1);
};

// Eight charts at two widths, some with hundreds of points, on two shared cores.
test.setTimeout(120_000);

const yTicks = (svg: Locator) => svg.locator(".recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value").allTextContents();

for (const [name, viewport] of VIEWPORTS) {
  test(`no chart text or mark lies outside its SVG, and no y-axis title overlaps its ticks (${name})`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto("/");
    for (const chart of CHARTS) {
      const box = await drawn(page, chart);
      expect(await problems(box), chart).toEqual([]);
    }
    // Both measures of the size chart.
    await page.getByRole("button", { name: "Active parameters" }).click();
    await expect(page.locator('[data-chart="size"]')).toHaveAttribute("data-measure", "activeParams");
    expect(await problems(await drawn(page, "size")), "size, active").toEqual([]);
  });

  test(`the size and context charts draw the record holder inside, under a tick above it (${name})`, async ({ page, request }) => {
    const stats = await (await request.get("/api/v1/stats")).json();
    await page.setViewportSize(viewport);
    await page.goto("/");
    for (const [chart, measure] of [["size", "totalParams"], ["context", "contextWindow"]] as const) {
      const steps = Object.values(stats.charts.frontiers[measure] as Record<string, { value: number }[]>).flat();
      const largest = Math.max(...steps.map((s) => s.value));
      expect(largest, chart).toBeGreaterThan(0);
      const box = await drawn(page, chart);
      const ticks = (await yTicks(box.locator("svg.recharts-surface"))).map(parseTick);
      expect(Math.max(...ticks), `${chart}: top tick above the record`).toBeGreaterThan(largest);
      // Every point (the record holder included) inside the plot area: the grid's box.
      const inside = await box.evaluate((root) => {
        const grid = root.querySelector(".recharts-cartesian-grid")!.getBoundingClientRect();
        const symbols = [...root.querySelectorAll("g.recharts-scatter-symbol")].map((g) => g.getBoundingClientRect());
        const centres = symbols.map((s) => s.top + s.height / 2);
        return { outside: centres.filter((y) => y < grid.top || y > grid.bottom).length, n: symbols.length, topGap: Math.min(...centres) - grid.top, bottomGap: grid.bottom - Math.max(...centres) };
      });
      expect(inside.n, chart).toBeGreaterThan(0);
      expect(inside.outside, chart).toBe(0);
      expect(inside.topGap, `${chart}: the largest point sits below the top of the plot`).toBeGreaterThan(4);
      expect(inside.bottomGap, `${chart}: the smallest point sits above the bottom of the plot`).toBeGreaterThan(4);
    }
  });
}

test("the license small multiples share one y scale, whose top covers the largest year", async ({ page, request }) => {
  const stats = await (await request.get("/api/v1/stats")).json();
  const years = stats.charts.licensesPerYear as Record<string, number | string | boolean>[];
  const max = Math.max(...years.flatMap((y) => (stats.groups as string[]).map((g) => ["permissive", "restricted", "non-commercial"].reduce((n, c) => n + Number(y[`${g}:${c}`]), 0))));
  await page.goto("/");
  const box = await drawn(page, "licenses");
  const svgs = box.locator("svg.recharts-surface");
  await expect(svgs).toHaveCount(stats.groups.length);
  const all = [];
  for (let i = 0; i < stats.groups.length; i++) all.push(await yTicks(svgs.nth(i)));
  expect(all[0]!.length).toBeGreaterThan(1);
  for (const t of all) expect(t).toEqual(all[0]);
  expect(Math.max(...all[0]!.map(parseTick))).toBeGreaterThanOrEqual(max);
});

test("the MoE chart draws 0% and 'no releases' differently", async ({ page, request }) => {
  // The first view that has both a half-year with releases and none MoE, and one without releases.
  const views = ["", "?architecture=dense", "?minTotalParams=100B", "?minTotalParams=400B", "?architecture=dense&minTotalParams=100B"];
  type Half = Record<string, string | number | boolean | null>;
  let found: { view: string; halves: Half[]; groups: string[] } | null = null;
  for (const view of views) {
    const stats = await (await request.get(`/api/v1/stats${view}`)).json();
    const halves = stats.charts.moeSharePerHalf as Half[];
    const cells = halves.flatMap((h) => (stats.groups as string[]).map((g) => h[g]));
    if (cells.includes(0) && cells.includes(null)) {
      found = { view, halves, groups: stats.groups };
      break;
    }
  }
  expect(found, "a view with both a 0% and a no-releases half-year").not.toBeNull();
  const { view, halves, groups } = found!;
  await page.goto(`/${view}`);
  const box = await drawn(page, "moe-share");
  const cells = halves.flatMap((h) => groups.map((g) => ({ half: String(h.half), group: g, v: h[g] })));
  await expect(box.locator("[data-moe='zero']")).toHaveCount(cells.filter((c) => c.v === 0).length);
  await expect(box.locator("[data-moe='none']")).toHaveCount(cells.filter((c) => c.v === null).length);
  const zero = cells.find((c) => c.v === 0)!;
  const none = cells.find((c) => c.v === null)!;
  const zeroMark = box.locator(`[data-moe='zero'][data-group='${zero.group}'][data-half='${zero.half}']`);
  await expect(zeroMark).toHaveCount(1);
  await expect(zeroMark.locator("text")).toHaveText("0%");
  expect(await zeroMark.locator("rect").evaluate((r) => r.getBoundingClientRect().height)).toBeGreaterThan(1);
  const noneMark = box.locator(`[data-moe='none'][data-group='${none.group}'][data-half='${none.half}']`);
  await expect(noneMark).toHaveCount(1);
  await expect(noneMark.locator("title")).toHaveText(/no releases$/);
  expect(await noneMark.locator("rect").getAttribute("stroke-dasharray")).toBeTruthy();
  await expect(box.locator("[data-legend='none']")).toHaveText("no releases");
  await expect(box.locator("[data-legend='zero']")).toContainText("0%");
  // The data table says the same.
  const section = page.locator('section[aria-labelledby="moe-title"]');
  await section.getByText("Data table").click();
  await expect(section.getByRole("cell", { name: "no releases" }).first()).toBeVisible();
});

for (const view of ["", "?asOf=2025-01-01", "?architecture=moe", "?minTotalParams=400B&compare=FR"]) {
  test(`each chart title states the API's finding, not a question (${view || "default view"})`, async ({ page, request }) => {
    const stats = await (await request.get(`/api/v1/stats${view}`)).json();
    await page.goto(`/${view}`);
    for (const chart of CHARTS) {
      const finding = stats.findings[chart] as string | null;
      if (chart === "capability" && finding === null) continue;
      expect(finding, chart).toBeTruthy();
      expect(finding, chart).not.toMatch(/\?\s*$/);
      const title = page.locator(`#${SECTION[chart]}-title`);
      await expect(title, chart).toHaveText(finding!);
    }
  });
}
