import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, MEMBER } from "./helpers";

test("a member proposes, takes a stance and searches the log with plain forms", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(MEMBER);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("button", { name: "Log out" })).toBeVisible();

  const title = `Sense check without script ${Date.now()}`;
  await page.goto("/decisions/new");
  // Without the script the form reads times as UTC, and says so.
  await expect(page.getByText("In UTC.")).toBeVisible();
  await page.getByLabel("Where").selectOption({ label: "Whole network" });
  await page.getByLabel(/^Sense check/).check();
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Proposal", { exact: true }).fill("Shall we try a plain-text newsletter?");
  await page.getByLabel("Closing time", { exact: true }).fill(new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 16));
  await page.getByRole("button", { name: "Propose" }).click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await expect(page.locator(".proposal-status time")).toContainText("UTC");

  await page.getByLabel("Disagree").check();
  await page.getByRole("button", { name: "Save my stance" }).click();
  await expect(page.locator(".stance-list")).toContainText("Disagree");

  await page.goto("/decisions/log?kind=poll");
  await expect(page.getByRole("heading", { name: "Decision log" })).toBeVisible();
  await expect(page.locator(".log-table tbody tr").first()).toContainText("Poll");
  await expect(page.getByRole("link", { name: "Export CSV" })).toHaveAttribute("href", "/decisions/log.csv?kind=poll");
});
