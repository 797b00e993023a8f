import { expect, test } from "@playwright/test";
import { MEMBER, logIn, open } from "./helpers";

test("/cities lists the 20 cities on 3 continents", async ({ page }) => {
  await open(page, "/cities");
  await expect(page.locator("section.continent")).toHaveCount(3);
  await expect(page.locator(".city-card")).toHaveCount(20);
  for (const continent of ["Europe", "North America", "South America"]) {
    await expect(page.getByRole("heading", { name: continent })).toBeVisible();
  }
  await expect(page.locator(".city-card", { hasText: "São Paulo" })).toBeVisible();
});

test("a member searches a city's members by skill and pages through them", async ({ page }) => {
  await logIn(page, MEMBER);
  await open(page, "/cities/paris");
  await expect(page.getByText(/Page 1 of \d+/)).toBeVisible();
  await page.getByRole("link", { name: "Next" }).click();
  await expect(page.getByText(/Page 2 of \d+/)).toBeVisible();
  await page.getByLabel("Search by name or skill").fill("facilitation");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/q=facilitation/);
  const first = page.locator(".member-list .member-card").first();
  await expect(first).toBeVisible();
});
