/** The moderators' password of the e2e server (playwright.config.ts passes it as ADMIN_PASSWORD). Test-only. */
export const E2E_ADMIN_PASSWORD = "e2e-moderator-password-not-secret";
