import { readFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { signIn } from "../support/e2e-sign-in";
import { runScript } from "../support/e2e-cli";
import { fixtureConfig, startHfServer } from "../support/hf-server";

// A new release found on the Hub, from discovery to publication: `npm run ingest -- discover` against a
// local stand-in for the Hub queues it; a moderator completes and accepts it; it is then a record like
// any other. The repository is made up (tests/fixtures/hf/discovery/README.md): the real data has no such model.
const REPO = "deepseek-ai/DeepSeek-V9-Flash";
const CARD = `https://huggingface.co/${REPO}`;

test("discovery queues a new release; an anonymous visitor cannot reach the queue; a moderator completes and accepts it and it is published", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const hub = await startHfServer({ empty: true });
  const body = JSON.parse(readFileSync(path.resolve("tests/fixtures/hf/discovery/new-repos.json"), "utf8"))["deepseek-ai/DeepSeek-V4-Flash"];
  hub.setInfo(REPO, { ...body, _id: "69a0c0ffee000000000000e2", id: REPO });
  hub.setConfig(REPO, fixtureConfig("deepseek-ai/DeepSeek-V4-Flash"));
  try {
    const run = await runScript("ingest", ["discover", "--author", "deepseek-ai", "--limit", "10"], { HF_ENDPOINT: hub.url });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(REPO);
  } finally {
    await hub.close();
  }

  // Anonymous: the queue and a candidate's page send to the sign-in page and show nothing of it.
  const anonymous = await browser.newContext();
  const visitor = await anonymous.newPage();
  for (const url of ["/admin/candidates", "/admin/candidates/1"]) {
    await visitor.goto(url);
    await expect(visitor).toHaveURL(/\/admin\/login$/);
    await expect(visitor.getByText(REPO)).toHaveCount(0);
  }
  await anonymous.close();

  await signIn(page);
  await page.getByRole("link", { name: "New releases to review" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New releases to review" })).toBeVisible();
  await page.getByRole("link", { name: REPO }).click();
  await expect(page.getByRole("heading", { level: 1, name: REPO })).toBeVisible();
  const a11y = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(a11y.violations.map((v) => v.id)).toEqual([]);

  // What discovery read is filled in with its source; the license is one the table lacks, so it is missing.
  await expect(page.getByLabel(/^Total parameters/)).toHaveValue("284000000000");
  await expect(page.getByLabel("Source of total parameters")).toHaveValue(CARD);
  await expect(page.getByLabel(/^Architecture/)).toHaveValue("moe");

  // Accepting with the context missing its source is refused, with the field named; nothing is published.
  await page.getByLabel(/^Name/).fill("DeepSeek-V9-Flash");
  await page.getByLabel(/^Family/).fill("DeepSeek-V9");
  await page.getByLabel(/^Variant/).selectOption("instruct");
  await page.getByLabel(/^Active parameters/).fill("13B");
  await page.getByLabel("Source of active parameters").fill("https://api-docs.deepseek.com/news/news-v9");
  await page.getByLabel(/^Context window/).fill("1048576");
  await page.getByLabel(/^License/).selectOption("mit");
  await page.getByLabel("Source of license").fill(CARD);
  await page.getByRole("button", { name: "Accept as a new record" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "Nothing was changed" });
  await expect(alert).toContainText("Nothing was changed");
  await expect(alert).toContainText("Context window: source");
  await expect(page.getByLabel(/^Context window/)).toHaveValue("1048576");

  await page.getByLabel("Source of context window").fill(CARD);
  await page.getByRole("button", { name: "Accept as a new record" }).click();
  await expect(page.getByRole("status")).toContainText(`Accepted ${REPO}`);
  await page.getByRole("link", { name: "/models/deepseek-v9-flash" }).click();

  // Published: the model page, with the moderator's values and the Hub's beside them, and the list.
  await expect(page.getByRole("heading", { level: 1, name: "DeepSeek-V9-Flash" })).toBeVisible();
  await expect(page.getByRole("row", { name: /^Total parameters 284B .*Moderator review.* 1 other source agrees/ })).toBeVisible();
  await expect(page.getByRole("row", { name: /^Active parameters 13B .*Moderator review/ })).toBeVisible();
  await page.goto("/models?q=deepseek-v9");
  await expect(page.getByRole("link", { name: "DeepSeek-V9-Flash" }).first()).toBeVisible();

  // The feed of new releases lists it first, with its key values (tests/e2e/snapshots.spec.ts checks that
  // the next data release holds it).
  const feed = await (await page.request.get("/releases.atom")).text();
  const first = feed.slice(feed.indexOf("<entry>"), feed.indexOf("</entry>"));
  expect(first).toContain("DeepSeek-V9-Flash");
  expect(first).toContain("/models/deepseek-v9-flash");
  expect(first).toMatch(/284B/);
});
