import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, MEMBER } from "./helpers";

test("cities and a city page render without JavaScript", async ({ page }) => {
  await page.goto("/cities");
  await expect(page.locator(".city-card")).toHaveCount(20);
  await page.getByRole("link", { name: "Paris" }).click();
  await expect(page.getByRole("heading", { name: "Paris", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Connectors" })).toBeVisible();
});

test("logging in works with a plain form post", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(MEMBER);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("button", { name: "Log out" })).toBeVisible();
  await page.goto("/cities/paris");
  await expect(page.locator(".member-list .member-card").first()).toBeVisible();
});

test("the page declares its language", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});
