import { expect, test, type Page } from "@playwright/test";

// Issue 15, items 2 (phone layout) and 5 (rankings table).

const PAGES = [
  "/",
  "/models",
  "/models/deepseek-v3",
  "/models/kimi-k3",
  "/compare?models=deepseek-v3,llama-3.1-405b-instruct",
  "/about",
  "/data-quality",
  "/changes",
  "/orgs/deepseek",
  "/countries/CN",
];

/**
 * Pieces of text that break across lines where they must not: ISO dates ("2026-12-" / "01") and country
 * labels ("( ● France" / ")"). A piece is broken when its text's line boxes do not all share one top.
 */
async function brokenPieces(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    // On two lines: a line box starts below the bottom of the first one.
    const twoLines = (rects: DOMRect[]) => rects.some((r) => r.top >= rects[0]!.bottom - 1);
    const broken: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      // Text for screen readers only sits in a 1 px box: every character is a line of its own.
      if (node.parentElement?.closest(".sr-only") || !node.parentElement?.checkVisibility({ contentVisibilityAuto: true, visibilityProperty: true })) continue;
      // A date shown as a value (a cell, a source line, a model's date), not a date inside a sentence.
      if (!/^\(?[\d-]+\)?$/.test((node.textContent ?? "").trim()) && !node.parentElement?.closest("td")) continue;
      for (const m of (node.textContent ?? "").matchAll(/\d{4}-\d{2}-\d{2}/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const rects = [...range.getClientRects()].filter((r) => r.width > 0);
        if (rects.length && twoLines(rects)) broken.push(m[0]);
      }
    }
    for (const label of document.querySelectorAll("[data-country-label]")) {
      const rects = [...label.getClientRects()].filter((r) => r.width > 0);
      const fontSize = parseFloat(getComputedStyle(label).fontSize);
      if (rects.length > 1 || (rects[0] && rects[0].height > 2 * fontSize)) broken.push(label.textContent ?? "");
    }
    return broken;
  });
}

for (const width of [360, 390]) {
  for (const path of PAGES) {
    test(`at ${width} px ${path} is no wider than the screen and breaks no date or country label`, async ({ page }) => {
      await page.setViewportSize({ width, height: 844 });
      await page.goto(path);
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
      expect(scrollWidth, `page is ${scrollWidth} px wide on a ${innerWidth} px screen`).toBeLessThanOrEqual(innerWidth);
      expect(await brokenPieces(page)).toEqual([]);
    });
  }
}

test("on a phone /models starts with the filters folded, says which are in force, and shows the first result on the first screen", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/models");
  const top = await page.locator("tbody tr").first().evaluate((tr) => tr.getBoundingClientRect().top);
  expect(top).toBeLessThan(844);
  await expect(page.locator("details[data-filters]")).not.toHaveAttribute("open");

  await page.goto("/models?country=CN&architecture=moe");
  await expect(page.locator("details[data-filters] > summary")).toHaveText("Filters: China, MoE (2 in force)");
  await expect(page.getByRole("form", { name: "Filter models" })).toBeHidden();
  await page.locator("details[data-filters] > summary").click();
  await expect(page.getByRole("form", { name: "Filter models" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test("on a phone the table shows the pinned name and the one measure it is sorted by", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const visibleHeaders = () => page.locator("thead th").evaluateAll((ths) => ths.filter((th) => th.getBoundingClientRect().width > 0).map((th) => (th as HTMLElement).innerText.split("\n")[0]!.replace(/[▲▼]/g, "").trim()));
  await page.goto("/models");
  expect(await visibleHeaders()).toEqual(["Select to compare", "#", "Model", "Released"]);
  await page.goto("/models?sort=contextWindow");
  expect(await visibleHeaders()).toEqual(["Select to compare", "#", "Model", "Context"]);
  // Sorted by name, the parameter count of the chosen view.
  await page.goto("/models?sort=name&params=active");
  expect(await visibleHeaders()).toEqual(["Select to compare", "#", "Model", "Active params"]);
  // The phone's own choice of measure.
  await page.getByRole("link", { name: "Context", exact: true }).first().click();
  await expect(page).toHaveURL(/sort=contextWindow/);
});

test("on a phone the links, buttons and checkboxes of the nav, the rankings and the pages are at least 24 px", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/models?pageSize=20");
  const small = await page.locator('nav[aria-label="Main"] a, [data-rankings] a, [data-rankings] input, [data-rankings] button, nav[aria-label="Pagination"] a, [data-compare-bar] button').evaluateAll((els) =>
    els
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0 && box.height > 0)
      .filter(({ box }) => box.width < 24 || box.height < 24)
      .map(({ el, box }) => `${el.tagName} "${(el.textContent ?? el.getAttribute("aria-label") ?? "").trim().slice(0, 30)}" ${Math.round(box.width)}x${Math.round(box.height)}`));
  expect(small).toEqual([]);
  expect(await page.locator('[data-rankings] input[type="checkbox"]').count()).toBe(20);
});

for (const viewport of [{ width: 1280, height: 720 }, { width: 390, height: 844 }]) {
  test(`the rankings header sticks to the top of the window when the page scrolls (${viewport.width} px)`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto("/models?pageSize=100");
    await page.evaluate(() => window.scrollTo(0, 2000));
    expect(await page.evaluate(() => window.scrollY)).toBe(2000);
    const top = await page.locator("[data-rankings] thead").evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(100);
  });
}

test("the rank column counts 1, 2, 3 ... and continues across pages", async ({ page }) => {
  const ranks = () => page.locator('tbody td[data-col="rank"]').allInnerTexts().then((t) => t.map(Number));
  await page.goto("/models");
  const first = await ranks();
  expect(first.length).toBe(50);
  expect(first).toEqual(first.map((_, i) => i + 1));
  await page.goto("/models?page=2");
  expect((await ranks())[0]).toBe(51);
  await page.goto("/models?pageSize=20&page=3");
  const third = await ranks();
  expect(third).toEqual(third.map((_, i) => 41 + i));
});

for (const path of ["/models", "/models?benchmark=gpqa-diamond-epoch&sort=score"]) {
  test(`at 1366 px every column of ${path} fits: no clipped license, no name on more than 2 lines`, async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(path);
    const box = await page.locator("[data-rankings]").evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, table: el.querySelector("table")!.getBoundingClientRect().width }));
    expect(box.scroll, "the table is wider than its box").toBeLessThanOrEqual(box.client);
    const clipped = await page.locator('tbody td[data-col="license"]').evaluateAll((tds) => tds.filter((td) => td.scrollWidth > td.clientWidth || td.getBoundingClientRect().right > window.innerWidth).map((td) => td.textContent));
    expect(clipped).toEqual([]);
    const lines = await page.locator("tbody th a").evaluateAll((as) =>
      as.map((a) => {
        const range = document.createRange();
        range.selectNodeContents(a);
        return { name: a.textContent, lines: new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size };
      }).filter((n) => n.lines > 2));
    expect(lines).toEqual([]);
  });
}

test("the skip link takes the keyboard to the results", async ({ page }) => {
  await page.goto("/models");
  // From the top of the page: the site's "Skip to content", then the page's "Skip to results".
  await page.keyboard.press("Tab");
  await expect(page.locator(":focus")).toHaveText("Skip to content");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  await expect(page.locator(":focus")).toHaveText("Skip to results");
  await page.keyboard.press("Enter");
  await expect(page.locator("#results")).toBeFocused();
  // The next Tab is in the table, and the first model is a few more away (the sort headings, the first box).
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => !!document.activeElement?.closest("[data-rankings]"))).toBe(true);
  const firstModel = await page.locator("tbody tr th a").first().getAttribute("href");
  let presses = 1;
  while ((await page.evaluate(() => document.activeElement?.getAttribute("href"))) !== firstModel && presses < 10) {
    await page.keyboard.press("Tab");
    presses++;
  }
  expect(presses).toBeLessThanOrEqual(6);
});

test("ticking two rows brings up the compare bar, a few key presses from the top, and it compares them", async ({ page }) => {
  await page.goto("/models");
  const bar = page.locator("[data-compare-bar]");
  await expect(bar).toBeHidden();
  const boxes = page.locator('tbody input[type="checkbox"]');
  const slugs = [await boxes.nth(0).getAttribute("value"), await boxes.nth(1).getAttribute("value")];
  await boxes.nth(0).check();
  await expect(bar).toBeVisible();
  await boxes.nth(1).check();
  const compare = bar.getByRole("button", { name: "Compare 2 selected" });
  await expect(compare).toBeVisible();
  // Fixed to the bottom of the window.
  const box = (await bar.boundingBox())!;
  expect(Math.round(box.y + box.height)).toBe(720);

  // From the top of the page: Tab, Enter (skip to content), Tab, Enter (skip to results), Tab.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.locator("h1").click();
  let tabs = 0;
  while (!(await compare.evaluate((b) => b === document.activeElement)) && tabs < 5) {
    await page.keyboard.press("Tab");
    tabs++;
    const text = await page.evaluate(() => document.activeElement?.textContent?.trim());
    if (text === "Skip to results") await page.keyboard.press("Enter");
  }
  await expect(compare).toBeFocused();
  expect(tabs).toBeLessThanOrEqual(5);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/compare\\?models=${slugs[0]}&models=${slugs[1]}|/compare\\?models=${slugs[0]}%2C${slugs[1]}|/compare\\?models=${slugs[0]},${slugs[1]}`));
  await expect(page.locator("thead th a")).toHaveCount(2);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("the compare bar still appears when rows are ticked, and the filters still open", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/models");
    const bar = page.locator("[data-compare-bar]");
    await expect(bar).toBeHidden();
    await page.locator('tbody input[type="checkbox"]').nth(0).check();
    await expect(bar.getByRole("button", { name: "Compare selected" })).toBeVisible();
    await page.locator("details[data-filters] > summary").click();
    await expect(page.getByRole("form", { name: "Filter models" })).toBeVisible();
  });
});
