import { expect, test } from "@playwright/test";
import { CONNECTOR, logIn, MEMBER, open } from "./helpers";

test("a connector sees the connector tools of their city", async ({ page }) => {
  await logIn(page, CONNECTOR);
  await open(page, "/cities/paris");
  await expect(page.getByRole("heading", { name: "Connector tools" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Joined in the last 30 days" })).toBeVisible();
});

test("a connector does not see tools for another city", async ({ page }) => {
  await logIn(page, CONNECTOR);
  await open(page, "/cities/lyon");
  await expect(page.getByRole("heading", { name: "Connectors" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Connector tools" })).toHaveCount(0);
});

test("a member sees the city's members but no connector tools", async ({ page }) => {
  await logIn(page, MEMBER);
  await open(page, "/cities/paris");
  await expect(page.getByRole("heading", { name: "Members" })).toBeVisible();
  await expect(page.locator(".member-list .member-card").first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Connector tools" })).toHaveCount(0);
});
