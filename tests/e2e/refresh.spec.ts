import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

// Issue 16 against the production server on a fresh database (the first start loads the curated data and
// the shipped sources, each as a recorded run): /data-quality's last runs and review queue, and the feed
// of new releases with its section on /changes.

async function expectNoA11yViolations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("/data-quality says when each source last ran, how it ended, when it last succeeded, and how long the review queue is", async ({ page }) => {
  await page.goto("/data-quality");
  const section = page.locator("section", { has: page.getByRole("heading", { level: 2, name: "When each source last ran" }) });
  await expect(section).toBeVisible();
  const row = (source: string, job: string) => section.locator(`tr[data-source="${source}"][data-job="${job}"]`);

  // Loaded on first start: a finished, successful run with its counts and the same time as its last success.
  const curated = row("curated", "ingest");
  await expect(curated.getByRole("rowheader")).toHaveText("Curated");
  const cells = curated.locator("td");
  await expect(cells.nth(0)).toHaveText("ingest");
  await expect(cells.nth(1)).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/);
  await expect(cells.nth(2)).toContainText("succeeded");
  await expect(cells.nth(3)).toContainText(/\d+ created/);
  await expect(cells.nth(4)).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/);
  await expect(row("openrouter", "ingest").locator("td").nth(2)).toContainText("succeeded");
  await expect(row("llmfit", "ingest").locator("td").nth(2)).toContainText("succeeded");

  // Discovery: the first start does not run it. tests/e2e/candidates.spec.ts (before this file) runs it once
  // and accepts what it queued; run alone, this file sees a database where it never ran.
  const discovery = row("huggingface", "discover");
  await expect(discovery.getByRole("rowheader")).toHaveText("Hugging Face");
  await expect(discovery.locator("td").nth(0)).toHaveText("discovery");
  const queue = section.locator("[data-review-queue]");
  if ((await discovery.locator("td").nth(1).textContent()) === "never ran") {
    await expect(discovery.locator("td").nth(4)).toHaveText("never succeeded");
    await expect(discovery).toContainText("npm run refresh");
    await expect(queue).toContainText("Review queue: empty: discovery has never run, so nothing has been queued.");
  } else {
    await expect(discovery.locator("td").nth(1)).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/);
    await expect(discovery.locator("td").nth(2)).toContainText("succeeded");
    await expect(discovery.locator("td").nth(3)).toContainText("1 created");
    await expect(queue).toContainText("Review queue: empty");
  }
  await expect(queue.getByRole("link", { name: "/admin/candidates" })).toHaveAttribute("href", "/admin/candidates");
  await expect(page.locator('a[href="#last-runs"]')).toBeVisible();
  await expectNoA11yViolations(page);
});

test("/releases.atom is Atom that parses, newest listed first, each entry with its key values; /changes lists them and autodiscovers the feed", async ({ page, request }) => {
  const res = await request.get("/releases.atom");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
  expect(res.headers()["access-control-allow-origin"]).toBe("*");
  const xml = await res.text();

  await page.goto("/changes");
  // The browser's own XML parser: a feed reader's view of it.
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, "application/xml");
    const NS = "http://www.w3.org/2005/Atom";
    const get = (el: Element, name: string) => el.getElementsByTagNameNS(NS, name)[0]?.textContent ?? null;
    return {
      error: doc.getElementsByTagName("parsererror")[0]?.textContent ?? null,
      root: `${doc.documentElement.namespaceURI} ${doc.documentElement.localName}`,
      title: get(doc.documentElement, "title"),
      entries: [...doc.getElementsByTagNameNS(NS, "entry")].map((e) => ({
        id: get(e, "id"),
        title: get(e, "title"),
        updated: get(e, "updated"),
        published: get(e, "published"),
        summary: get(e, "summary"),
        link: e.getElementsByTagNameNS(NS, "link")[0]?.getAttribute("href") ?? null,
      })),
    };
  }, xml);
  expect(parsed.error).toBeNull();
  expect(parsed.root).toBe("http://www.w3.org/2005/Atom feed");
  expect(parsed.title).toBe("Open Model Atlas: new open-weights releases");
  expect(parsed.entries).toHaveLength(50);
  const ids = new Set(parsed.entries.map((e) => e.id));
  expect(ids.size).toBe(50);
  for (const [i, e] of parsed.entries.entries()) {
    expect(e.id, e.title!).toBe(e.link);
    expect(e.link, e.title!).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/models\/[a-z0-9][a-z0-9.-]*$/);
    expect(e.published, e.title!).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
    expect(e.summary, e.title!).toMatch(/^Developer: .+\. Country: .+\. Weights released: (\d{4}-\d{2}-\d{2})\. Total parameters: .+\. Active parameters: .+\. Context window: .+\. License: .+\. Listed in the atlas on \d{4}-\d{2}-\d{2}\.$/);
    expect(e.summary!.includes(`Weights released: ${e.published!.slice(0, 10)}.`), e.title!).toBe(true);
    // In order: newest listed first, then the newest weights.
    const prev = parsed.entries[i - 1];
    if (prev) {
      expect(Date.parse(prev.updated!) >= Date.parse(e.updated!), `${prev.title} before ${e.title}`).toBe(true);
      if (prev.updated === e.updated) expect(prev.published! >= e.published!, `${prev.title} before ${e.title}`).toBe(true);
    }
  }
  // Key values of one release read as the model page states them.
  const api = await (await request.get(`/api/v1/models/${parsed.entries[0]!.link!.split("/").pop()}`)).json();
  expect(parsed.entries[0]!.published!.slice(0, 10)).toBe(api.releaseDate);
  expect(parsed.entries[0]!.summary).toContain(`Developer: ${api.organization.name}. Country: `);

  // /changes: the autodiscovery links of both feeds, and the section with the same newest releases.
  await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"][href="/releases.atom"]')).toHaveCount(1);
  await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"][href="/changes.atom"]')).toHaveCount(1);
  const table = page.locator("table[data-new-releases]");
  await expect(page.getByRole("heading", { level: 2, name: "New releases" })).toBeVisible();
  await expect(table.locator("tbody tr")).toHaveCount(20);
  const names = await table.locator("tbody tr th").allInnerTexts();
  expect(names.map((n, i) => parsed.entries[i]!.title!.startsWith(`${n} by `))).toEqual(Array(20).fill(true));
  await table.locator("tbody tr th a").first().click();
  await expect(page).toHaveURL(new RegExp(`${parsed.entries[0]!.link!.replace(/^http:\/\/[^/]+/, "").replace(/\./g, "\\.")}$`));
  await page.goto("/changes");
  await expectNoA11yViolations(page);
});

test("on a phone, the last-runs and new-releases tables scroll inside themselves and keep every date on one line", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  for (const [url, table] of [["/data-quality", "table[data-source-runs]"], ["/changes", "table[data-new-releases]"]] as const) {
    await page.goto(url);
    await expect(page.locator(table)).toBeVisible();
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    expect(scrollWidth, url).toBeLessThanOrEqual(innerWidth);
    const broken = await page.locator(table).evaluate((el) => {
      const out: string[] = [];
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.parentElement?.checkVisibility()) continue;
        for (const m of (node.textContent ?? "").matchAll(/\d{4}-\d{2}-\d{2}/g)) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const rects = [...range.getClientRects()].filter((r) => r.width > 0);
          if (rects.some((r) => r.top >= rects[0]!.bottom - 1)) out.push(m[0]);
        }
      }
      return out;
    });
    expect(broken, url).toEqual([]);
  }
});
