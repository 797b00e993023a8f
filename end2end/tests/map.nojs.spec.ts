import { expect, test } from "@playwright/test";

test("without JavaScript the map's figures are a table, filtered by a plain form", async ({ page }) => {
  await page.goto("/map");
  await expect(page.locator(".figures-table tbody tr")).toHaveCount(20);
  await expect(page.locator(".world-map .marker").first()).toBeAttached();
  const paris = page.locator('.figures-table tr[data-city="paris"] td.shown');
  const before = Number(await paris.textContent());
  await page.getByLabel("Skill or interest").selectOption({ index: 1 });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/tag=/);
  expect(Number(await paris.textContent())).toBeLessThan(before);
  await page.getByRole("link", { name: "Paris: show its members" }).click();
  await expect(page.locator(".city-panel").getByRole("heading", { name: "Paris" })).toBeVisible();
  await expect(page.getByText("Log in to see who is here.")).toBeVisible();
});
