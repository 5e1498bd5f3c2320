import { expect, type Page } from "@playwright/test";
import { E2E_ADMIN_PASSWORD } from "./e2e-admin";

/** Signs a moderator in the way a person does: /admin sends to the login page, the password, the queue. `base`: another instance's origin. */
export async function signIn(page: Page, base = ""): Promise<void> {
  await page.goto(`${base}/admin`);
  await expect(page).toHaveURL(/\/admin\/login$/);
  await page.getByLabel("Password").fill(E2E_ADMIN_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Moderation" })).toBeVisible();
}
