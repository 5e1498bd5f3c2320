import { readFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { signIn } from "../support/e2e-sign-in";

const EVIDENCE = "https://arxiv.org/abs/2412.19437";

async function expectNoA11yViolations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("a visitor's correction is refused with clear errors, then sent, accepted by a moderator and made public", async ({ page, context, browser }) => {
  // Nothing typed into the form may ever run as script.
  page.on("dialog", (d) => {
    throw new Error(`a dialog opened: ${d.message()}`);
  });

  // From the model page.
  await page.goto("/models/deepseek-v3");
  await page.getByRole("link", { name: "Suggest a correction" }).click();
  await expect(page).toHaveURL(/\/models\/deepseek-v3\/correct$/);
  await expect(page.getByRole("heading", { level: 1, name: "Suggest a correction to DeepSeek-V3" })).toBeVisible();
  await expect(page.locator("#contextWindow-current")).toHaveText("Now: 128K tokens (131,072)");

  // Sent empty: told what is missing, nothing stored.
  await page.getByRole("button", { name: "Send correction" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "Nothing was sent" });
  await expect(summary).toContainText("Propose at least one value");
  await expect(summary).toBeFocused();
  await expect(page.locator("#evidenceUrl-error")).toHaveText("Evidence URL is required: link to the page that shows the right value");

  // Bad values: each error beside its field, tied to it for screen readers, and the input kept.
  await page.getByLabel("Total parameters").fill("-5");
  await page.getByLabel("Context window").fill("lots");
  await page.getByLabel("Evidence URL").fill("javascript:alert(document.cookie)");
  await page.getByLabel("Note").fill("<script>alert(1)</script>");
  await page.getByRole("button", { name: "Send correction" }).click();
  await expect(page.locator("#totalParams-error")).toHaveText("Total parameters must be a whole number like 70000000000, 70,000,000,000, 70e9 or 70B (units K, M, B, T)");
  await expect(page.locator("#contextWindow-error")).toHaveText("Context window must be a whole number like 70000000000, 70,000,000,000, 70e9 or 70B (units K, M, B, T)");
  await expect(page.locator("#evidenceUrl-error")).toHaveText("Evidence URL must be an http or https URL");
  await expect(page.locator("#note-error")).toContainText("Note looks like HTML markup");
  const total = page.getByLabel("Total parameters");
  await expect(total).toHaveAttribute("aria-invalid", "true");
  await expect(total).toHaveAttribute("aria-describedby", "totalParams-current totalParams-hint totalParams-error");
  await expect(total).toHaveValue("-5");
  await expect(page.getByLabel("Note")).toHaveValue("<script>alert(1)</script>");
  await expect(page.getByLabel("Evidence URL")).toHaveValue("javascript:alert(document.cookie)");
  await expectNoA11yViolations(page);

  // The same value as now: refused, saying so.
  await page.getByLabel("Total parameters").fill("671B");
  await page.getByLabel("Context window").fill("163840");
  await page.getByLabel("Evidence URL").fill(EVIDENCE);
  await page.getByLabel("Note").fill('Section 4.3 says "160K" & the config agrees');
  await page.getByRole("button", { name: "Send correction" }).click();
  await expect(page.locator("#totalParams-error")).toHaveText("Total parameters is already the current value (671B (671,000,000,000)): there is nothing to correct");

  // A good one.
  await page.getByLabel("Total parameters").fill("");
  await page.getByRole("button", { name: "Send correction" }).click();
  await expect(page).toHaveURL(/\/corrections\/[0-9a-f-]{36}\?sent=1$/);
  await expect(page.getByRole("heading", { name: "Thank you: your correction was received" })).toBeVisible();
  const statusPath = new URL(page.url()).pathname;
  await expect(page.getByRole("link", { name: statusPath })).toHaveAttribute("href", statusPath);
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Context window" }) });
  await expect(row).toContainText("160K tokens (163,840)");
  await expect(row).toContainText("128K tokens (131,072)");
  await expect(row).toContainText("Awaiting review");
  await expect(page.getByText('Section 4.3 says "160K" & the config agrees')).toBeVisible();
  await expectNoA11yViolations(page);

  // Not applied yet.
  await page.goto("/changes");
  await expect(page.getByText("No correction has been accepted yet.")).toBeVisible();

  // The moderator: wrong password first.
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/admin\/login$/);
  await expectNoA11yViolations(page);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Wrong password.")).toBeVisible();
  await expect(page).toHaveURL(/\/admin\/login$/);
  await signIn(page);
  const cookie = (await context.cookies()).find((c) => c.name === "atlas_admin");
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Strict", secure: false, path: "/" });

  const card = page.getByRole("article").filter({ hasText: "DeepSeek-V3" });
  const item = card.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Context window" }) });
  await expect(item).toContainText("128K tokens (131,072)");
  await expect(item).toContainText("160K tokens (163,840)");
  await expect(item).toContainText("Curated: 128K tokens (131,072)");
  await expect(card.getByRole("link", { name: EVIDENCE })).toHaveAttribute("href", EVIDENCE);
  await expect(card).toContainText('Section 4.3 says "160K" & the config agrees');
  await expect(card).toContainText(/sent (just now|\d+ minutes? ago)/);
  await expectNoA11yViolations(page);

  // Rejecting needs a reason; then accept.
  await card.getByRole("button", { name: "Reject selected" }).click();
  await expect(card.getByText("Reason is required when rejecting: the person who sent it will read it")).toBeVisible();
  await card.getByLabel(/^Reason/).fill("Checked against the paper, section 4.3.");
  await card.getByRole("button", { name: "Accept selected" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Accepted 1 proposed value." })).toBeVisible();
  await expect(page.getByRole("article").filter({ hasText: "DeepSeek-V3" })).toHaveCount(0);

  // The sender sees the decision.
  await page.goto(statusPath);
  await expect(page.getByRole("row").filter({ hasText: "Context window" })).toContainText("Accepted");
  await expect(page.getByText("Checked against the paper, section 4.3.")).toBeVisible();

  // The public history and the feed.
  await page.goto("/changes");
  const change = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "DeepSeek-V3" }) });
  await expect(change).toContainText("Context window");
  await expect(change).toContainText("128K tokens (131,072)");
  await expect(change).toContainText("160K tokens (163,840)");
  await expect(change.getByRole("link", { name: "arxiv.org" })).toHaveAttribute("href", EVIDENCE);
  await expect(change.getByRole("link", { name: "DeepSeek-V3" })).toHaveAttribute("href", "/models/deepseek-v3");
  await expectNoA11yViolations(page);

  // The model page: the new value in use, sourced to the evidence; the curated value kept beside it; the history.
  await page.goto("/models/deepseek-v3");
  const field = page.locator('[data-field="contextWindow"]');
  await expect(field).toContainText("160K tokens");
  await expect(field).toContainText("(Accepted correction,");
  await expect(field.getByRole("link", { name: "source" }).first()).toHaveAttribute("href", EVIDENCE);
  await expect(field).toContainText("128K tokens");
  const history = page.getByRole("table", { name: /Every change of a value of DeepSeek-V3/ });
  const revision = history.getByRole("row").filter({ hasText: "Context window" });
  await expect(revision).toContainText("128K tokens");
  await expect(revision).toContainText("160K tokens");
  await expect(revision).toContainText("accepted correction");

  // A visitor without the moderator's cookie (served through the response cache) sees it too.
  const visitor = await browser.newPage();
  await visitor.goto("/models/deepseek-v3");
  await expect(visitor.locator('[data-field="contextWindow"]')).toContainText("160K tokens");
  await visitor.close();
  const feed = await page.request.get("/changes.atom");
  expect(feed.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
  const xml = await feed.text();
  expect(xml).toContain("<title type=\"text\">DeepSeek-V3: Context window 128K tokens (131,072) → 160K tokens (163,840)</title>");
  expect(xml).toContain(`<link rel="related" href="${EVIDENCE}"/>`);

  // The form now shows the corrected value in use.
  await page.goto("/models/deepseek-v3/correct");
  await expect(page.locator("#contextWindow-current")).toHaveText("Now: 160K tokens (163,840)");

  // Sign out: the session is gone.
  await page.goto("/admin");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/admin\/login\?signedOut=1$/);
  await expect(page.getByText("You are signed out.")).toBeVisible();
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/admin\/login$/);
});

test("the form works without JavaScript: errors, kept input, and a successful submission", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/models/llama-3.1-405b/correct");
  await page.getByLabel("Max position embeddings").fill("-1");
  await page.getByLabel("Evidence URL").fill("ftp://example.org");
  await page.getByRole("button", { name: "Send correction" }).click();
  await expect(page.locator("#maxPositionEmbeddings-error")).toHaveText("Max position embeddings (config) must be a whole number like 70000000000, 70,000,000,000, 70e9 or 70B (units K, M, B, T)");
  await expect(page.locator("#evidenceUrl-error")).toHaveText("Evidence URL must be an http or https URL");
  await expect(page.getByLabel("Max position embeddings")).toHaveValue("-1");
  await page.getByLabel("Max position embeddings").fill("128000");
  await page.getByLabel("Evidence URL").fill("https://huggingface.co/meta-llama/Llama-3.1-405B/blob/main/config.json");
  await page.getByRole("button", { name: "Send correction" }).click();
  await expect(page).toHaveURL(/\/corrections\/[0-9a-f-]{36}\?sent=1$/);
  await expect(page.getByRole("row").filter({ hasText: "Max position embeddings" })).toContainText("Awaiting review");
  await context.close();
});

/** Next's build lists every server action (id, file, export) and every app route: the test enumerates them. */
function buildManifests() {
  const actions = JSON.parse(readFileSync(path.resolve(".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }>;
  };
  // An action is called on a page that uses it (its first worker), dynamic segments filled with 1.
  const pageOf = (workers: Record<string, unknown>) => `/${Object.keys(workers)[0]!.replace(/^app\//, "").replace(/\/?page$/, "").replace(/\[[^\]]+\]/g, "1")}`.replace(/\/$/, "") || "/";
  const routes = JSON.parse(readFileSync(path.resolve(".next/server/app-paths-manifest.json"), "utf8")) as Record<string, string>;
  return {
    publicAction: Object.entries(actions.node).find(([, a]) => a.filename === "app/models/[slug]/correct/actions.ts")![0],
    adminActions: Object.entries(actions.node)
      .filter(([, a]) => a.filename.startsWith("app/admin/"))
      .map(([id, a]) => ({ id, name: `${a.filename}#${a.exportedName}`, page: pageOf(a.workers) })),
    adminPaths: Object.keys(routes)
      .filter((r) => r.startsWith("/admin"))
      .map((r) => ({ route: r, path: r.replace(/\/(page|route)$/, "") || "/", kind: r.endsWith("/route") ? "route" : "page" })),
  };
}

/** Calls an action the two ways a browser can: a plain form POST (no JS) and the fetch the React client makes. */
async function callAction(request: APIRequestContext, baseURL: string, id: string, page = "/admin") {
  const plain = await request.post(page, {
    headers: { Origin: baseURL },
    multipart: { [`$ACTION_ID_${id}`]: "", decision: "accept", ids: "1", reason: "anonymous", password: "guess" },
    maxRedirects: 0,
  });
  const fetched = await request.post(page, {
    headers: { Origin: baseURL, "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8" },
    data: "[]",
    maxRedirects: 0,
  });
  return { plain, fetched };
}

test("every admin page, route handler and server action refuses an anonymous request", async ({ page, request, baseURL }) => {
  // A pending correction that the anonymous calls must not be able to touch.
  await page.goto("/models/mistral-7b-v0.1/correct");
  await page.getByLabel("Context window").fill("32768");
  await page.getByLabel("Evidence URL").fill("https://mistral.ai/news/announcing-mistral-7b");
  await page.getByRole("button", { name: "Send correction" }).click();
  await expect(page).toHaveURL(/\/corrections\//);
  const statusPath = new URL(page.url()).pathname;

  const { adminActions, adminPaths, publicAction } = buildManifests();
  expect(adminActions.map((a) => a.name).sort()).toEqual(expect.arrayContaining(["app/admin/actions.ts#login", "app/admin/actions.ts#logout", "app/admin/actions.ts#reviewSubmission", "app/admin/candidates/actions.ts#decideCandidateAction"]));
  expect(adminPaths.map((p) => p.path)).toEqual(expect.arrayContaining(["/admin", "/admin/login"]));

  for (const { path: url, kind } of adminPaths) {
    const res = await request.get(url, { maxRedirects: 0 });
    if (url === "/admin/login") {
      // The way in: it shows the form and nothing else.
      expect(res.status()).toBe(200);
      expect(await res.text()).not.toContain("mistral.ai/news");
    } else if (kind === "page") {
      expect(res.status(), url).toBe(307);
      expect(res.headers().location, url).toBe("/admin/login");
    } else {
      expect([401, 403, 307], url).toContain(res.status());
    }
  }

  for (const { id, name, page: actionPage } of adminActions) {
    const { plain, fetched } = await callAction(request, baseURL!, id, actionPage);
    if (name.endsWith("#login")) {
      // Open by design, but a wrong password gets no session.
      expect(plain.headers()["set-cookie"] ?? "").not.toContain("atlas_admin");
      expect(fetched.headers()["set-cookie"] ?? "").not.toContain("atlas_admin");
      continue;
    }
    expect(plain.status(), name).toBe(303);
    expect(plain.headers().location, name).toBe("/admin/login");
    expect(fetched.headers()["x-action-redirect"], name).toMatch(/^\/admin\/login;/);
  }

  // The origin check is on: a cross-site POST to the public action is refused outright.
  const crossSite = await request.post("/models/mistral-7b-v0.1/correct", {
    headers: { Origin: "https://evil.example", "Next-Action": publicAction, "Content-Type": "text/plain;charset=UTF-8" },
    data: "[]",
    maxRedirects: 0,
  });
  expect(crossSite.status()).toBeGreaterThanOrEqual(400);

  // Nothing changed: the correction is still waiting.
  await page.goto(statusPath);
  await expect(page.getByRole("row").filter({ hasText: "Context window" })).toContainText("Awaiting review");
});

test("every response carries the security headers", async ({ page, request }) => {
  await page.goto("/changes");
  const asset = await page.locator("script[src^='/_next/static/']").first().getAttribute("src");
  const urls = ["/", "/models", "/changes", "/changes.atom", "/admin", "/admin/login", "/models/deepseek-v3/correct", `/corrections/${crypto.randomUUID()}`, "/no-such-page", asset!];
  for (const url of urls) {
    const res = await request.get(url, { maxRedirects: 0 });
    const h = res.headers();
    expect(h["content-security-policy"], url).toContain("frame-ancestors 'none'");
    expect(h["content-security-policy"], url).toContain("default-src 'self'");
    expect(h["content-security-policy"], url).toContain("object-src 'none'");
    expect(h["x-content-type-options"], url).toBe("nosniff");
    expect(h["referrer-policy"], url).toBe("strict-origin-when-cross-origin");
    expect(h["x-frame-options"], url).toBe("DENY");
  }
  // The policy does not break the app: the page hydrated (a client component reacted) without CSP errors.
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/.test(m.text())) violations.push(m.text());
  });
  await page.goto("/models/deepseek-v3/correct");
  await page.getByRole("button", { name: "Send correction" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Nothing was sent" })).toBeFocused();
  expect(violations).toEqual([]);
});

test("/admin signs the moderator in and out; the status page of an unknown submission is a 404", async ({ page }) => {
  await signIn(page);
  await expect(page.getByRole("heading", { name: "Accepted corrections a source disagrees with" })).toBeVisible();
  const res = await page.goto(`/corrections/${crypto.randomUUID()}`);
  expect(res?.status()).toBe(404);
  expect((await page.goto("/corrections/not-a-uuid"))?.status()).toBe(404);
  expect((await page.goto("/models/no-such-model/correct"))?.status()).toBe(404);
});
