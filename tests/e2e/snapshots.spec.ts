import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { runScript } from "../support/e2e-cli";

// Citable snapshots as an operator and a reader meet them: `npm run snapshot` against the e2e app's
// database (tests/support/e2e-cli.ts), then the index page, a release's page and a download checked against the manifest; "Cite
// this" on a model page and under the dashboard's charts; an asOf view that links to its date's release.
test.describe.configure({ mode: "serial" });

const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");
const today = () => new Date().toISOString().slice(0, 10);
/** The reader's day as the browser's clock says it (the machine's time zone, as the test's). */
const localToday = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
};

/** `npm run snapshot` against the e2e app's database, as an operator runs it (PUBLIC_URL unset: site-relative URLs in the files). */
const snapshot = (args: string[]) => runScript("snapshot", args, { PUBLIC_URL: "" });

async function openCite(page: Page, scope = page.locator("body")) {
  const cite = scope.locator("[data-cite]").first();
  await cite.getByText("Cite this", { exact: true }).click();
  return cite;
}

test("before any snapshot, Cite this says there is no release yet; the index says how to take one", async ({ page }) => {
  await page.goto("/models/deepseek-v3");
  const cite = await openCite(page);
  await expect(cite).toContainText("No data release yet");
  await page.goto("/data/releases");
  await expect(page.getByRole("status")).toContainText("npm run snapshot");
});

test("npm run snapshot stores a release, and a second run of the same data changes nothing", async () => {
  test.setTimeout(120_000);
  const first = await snapshot([]);
  expect(first.status, first.stderr).toBe(0);
  expect(first.stdout).toContain(`Release ${today()} stored`);
  const again = await snapshot([]);
  expect(again.status, again.stderr).toBe(0);
  expect(again.stdout).toContain("nothing changed");
});

test("the release holds every record the site lists, those accepted from the review queue too", async ({ request }) => {
  const slugs = (csv: string) => csv.trim().split("\n").slice(1).map((l) => l.split(",")[0]!.replace(/"/g, "")).sort();
  const released = slugs(await (await request.get(`/data/releases/${today()}/models.csv`)).text());
  const listed = slugs(await (await request.get("/api/v1/models.csv?openWeights=all")).text());
  expect(released).toEqual(listed);
  // tests/e2e/candidates.spec.ts (which runs before) accepts a discovered release: it is in the release.
  if (listed.includes("deepseek-v9-flash")) expect(released).toContain("deepseek-v9-flash");
});

test("the index lists the release; its page gives each file's checksum, and a download's SHA-256 is the manifest's", async ({ page, request }) => {
  const date = today();
  const manifest = (await (await request.get(`/data/releases/${date}/manifest.json`)).json()) as { dataVersion: number; files: { name: string; rows: number; sha256: string }[] };
  await page.goto("/data/releases");
  await expect(page.getByRole("heading", { level: 1, name: "Data releases" })).toBeVisible();
  const row = page.locator(`tr[data-release="${date}"]`);
  await expect(row).toContainText(String(manifest.dataVersion));
  await expect(row).toContainText(String(manifest.files.find((f) => f.name === "models.csv")!.rows));
  await row.getByRole("link", { name: date }).click();
  await expect(page).toHaveURL(new RegExp(`/data/releases/${date}$`));
  await expect(page.getByRole("heading", { level: 1, name: `Data release ${date}` })).toBeVisible();
  await expect(page.getByText("sha256sum -c SHA256SUMS").first()).toBeVisible();
  // The release cites itself: its own URL, and no "stable version" beside it.
  const cite = await openCite(page);
  await expect(cite.locator("[data-citation]")).toContainText(`Open Model Atlas, data release ${date}, data version ${manifest.dataVersion}`);
  await expect(cite).not.toContainText("No data release yet");

  for (const name of ["models.csv", "sources.json"]) {
    const expected = manifest.files.find((f) => f.name === name)!.sha256;
    await expect(page.locator(`tr[data-file="${name}"] [data-sha256]`)).toHaveText(expected);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name, exact: true }).click()]);
    expect(download.suggestedFilename()).toBe(name);
    expect(sha256(readFileSync(await download.path()))).toBe(expected);
  }
  const res = await request.get(`/data/releases/${date}/models.csv`);
  expect(res.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  expect(res.headers()["access-control-allow-origin"]).toBe("*");
  const sums = await (await request.get(`/data/releases/${date}/SHA256SUMS`)).text();
  expect(sums).toContain(`${manifest.files[0]!.sha256}  models.csv\n`);
});

test("a model page's Cite this gives a ready citation and the release as the stable version", async ({ page, context, baseURL }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const date = today();
  // The page may be in the response cache from before the release: a new release changes the cache's key.
  await page.goto("/models/deepseek-v3");
  const cite = await openCite(page);
  const citation = cite.locator("[data-citation]");
  await expect(citation).toHaveText(new RegExp(`^Open Model Atlas, DeepSeek-V3 \\(model record\\), data version \\d+ \\(\\d{4}-\\d{2}-\\d{2}\\), ${baseURL}/models/deepseek-v3, retrieved ${localToday()}$`));
  const stable = cite.locator("[data-citation-stable]");
  await expect(stable.getByRole("link", { name: `data release ${date}` })).toHaveAttribute("href", `${baseURL}/data/releases/${date}`);
  await expect(stable).toContainText(`Open Model Atlas, data release ${date}, data version`);
  await cite.getByRole("button", { name: "Copy the citation", exact: true }).click();
  await expect(cite.getByRole("button", { name: "Copy the citation", exact: true })).toHaveText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await citation.innerText());
});

test("every dashboard chart has Cite this, and an asOf view links to the release of its date", async ({ page, baseURL }) => {
  const date = today();
  await page.goto("/");
  const charts = page.locator("section:has([data-source])");
  const count = await charts.count();
  expect(count).toBeGreaterThanOrEqual(7);
  expect(await page.locator("section:has([data-source]) [data-cite]").count()).toBe(count);
  const quarters = page.locator("section", { has: page.locator("#quarters-title") });
  const cite = await openCite(page, quarters);
  await expect(cite.locator("[data-citation]")).toContainText(`${baseURL}/#quarters-title, retrieved`);
  await expect(cite.locator("[data-citation-stable]")).toContainText(`${baseURL}/data/releases/${date}`);

  await page.goto(`/?asOf=${date}`);
  await expect(page.locator("[data-as-of-release]")).toContainText(`A snapshot of the data as of this date: /data/releases/${date}`);
  await page.locator("[data-as-of-release]").getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1, name: `Data release ${date}` })).toBeVisible();
  await page.goto("/?asOf=2025-01-01");
  await expect(page.locator("[data-as-of-release]")).toHaveCount(0);
});

test("an unknown release is the site's 404 page; an unknown file a 404 that points to the releases", async ({ page, request }) => {
  for (const url of ["/data/releases/2001-01-01", "/data/releases/junk"]) {
    const res = await request.get(url);
    expect(res.status(), url).toBe(404);
    expect(await res.text(), url).toContain("There is no page at this address");
  }
  await page.goto("/data/releases/2001-01-01");
  await expect(page.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();
  for (const url of ["/data/releases/2001-01-01/models.csv", `/data/releases/${today()}/models.xlsx`, "/data/releases/junk/models.csv"]) {
    const res = await request.get(url);
    expect(res.status(), url).toBe(404);
    expect((await res.json()).error, url).toContain("Every release and its files: /data/releases");
  }
});
