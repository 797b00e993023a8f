import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, MEMBER } from "./helpers";

test("a member reads a channel and posts in it before any JavaScript runs", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(MEMBER);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("button", { name: "Log out" })).toBeVisible();

  await page.goto("/discussion");
  await page.getByRole("link", { name: /^# Paris/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Paris" })).toBeVisible();

  const text = `Posted with a plain form ${Date.now()}`;
  await page.getByPlaceholder(/Write a message/).fill(text);
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.locator(".channel .message-body", { hasText: text })).toHaveCount(1);

  await page.goto(`/search?q=${encodeURIComponent(text)}`);
  await expect(page.locator(".hit", { hasText: text })).toHaveCount(1);
});
