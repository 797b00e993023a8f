import { expect, test } from "@playwright/test";
import { open } from "./helpers";

test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });

test("on a phone every section is reachable and nothing overflows sideways", async ({ page }) => {
  await open(page, "/");
  for (const section of ["Discussion", "Map", "Budgets", "Decisions", "Cities"]) {
    await expect(page.getByRole("navigation").getByRole("link", { name: section })).toBeVisible();
  }
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.getByRole("navigation").getByRole("link", { name: "Cities" }).click();
  await expect(page.getByRole("heading", { name: "Cities", level: 1 })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("cities-phone.png"), fullPage: true });
});

test("the keyboard reaches the navigation with a visible focus", async ({ page }) => {
  await open(page, "/");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
  expect(outline).not.toBe("none");
});
