import { expect, test } from "@playwright/test";
import { open } from "./helpers";

test("a visitor switches the interface to French and back, and the choice is remembered", async ({ page }) => {
  await open(page, "/cities");
  await expect(page.getByRole("heading", { level: 1, name: "Cities" })).toBeVisible();
  await page.getByRole("button", { name: "Français" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Villes" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("navigation").getByRole("link", { name: "Carte" })).toBeVisible();

  await open(page, "/cities");
  await expect(page.getByRole("heading", { level: 1, name: "Villes" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");

  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Cities" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});
