import { expect, test } from "@playwright/test";
import { logIn, open } from "./helpers";

test("a newcomer signs up, edits the profile, logs out and back in", async ({ page }) => {
  const email = `lucia.${Date.now()}@example.org`;
  await open(page, "/signup");
  await page.getByLabel("Your name").fill("Lucía Fernández");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a long passphrase");
  await page.getByLabel("Home city").selectOption({ label: "Barcelona" });
  await page.getByRole("button", { name: "Create my account" }).click();

  await expect(page).toHaveURL(/\/me$/);
  await expect(page.getByRole("heading", { name: "Edit my profile" })).toBeVisible();
  await page.getByLabel("About me").fill("I facilitate *cooperative* projects.");
  await page.getByLabel("Skills and interests").fill("facilitation, cooperatives");
  await page.getByLabel("Languages").fill("es, ca, en");
  await page.getByLabel(/Show me on the member map/).check();
  await page.getByRole("button", { name: "Save my profile" }).click();

  await expect(page).toHaveURL(/\/members\/\d+$/);
  await expect(page.getByRole("heading", { name: "Lucía Fernández" })).toBeVisible();
  await expect(page.locator(".bio em")).toHaveText("cooperative");
  await expect(page.locator(".tag", { hasText: "cooperatives" })).toBeVisible();

  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page.getByRole("link", { name: "Log in" })).toBeVisible();

  await logIn(page, email, "a long passphrase");
  await expect(page.getByRole("link", { name: "Lucía Fernández" })).toBeVisible();
});

test("a wrong password is refused with a message beside the form", async ({ page }) => {
  await open(page, "/login");
  await page.getByLabel("Email").fill("nobody@example.org");
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByText("This email and password do not match an account.")).toBeVisible();
});

test("a member downloads their data from their profile", async ({ page }) => {
  const email = `amara.${Date.now()}@example.org`;
  await open(page, "/signup");
  await page.getByLabel("Your name").fill("Amara Okafor");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a long passphrase");
  await page.getByLabel("Home city").selectOption({ label: "Paris" });
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page).toHaveURL(/\/me$/);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download my data" }).click();
  const archive = await download;
  expect(archive.suggestedFilename()).toBe("edges-my-data.zip");
  const path = await archive.path();
  const fs = await import("node:fs");
  // A ZIP starts with "PK".
  expect(fs.readFileSync(path).subarray(0, 2).toString()).toBe("PK");
});

test("a member deletes their account and can no longer log in", async ({ page }) => {
  const email = `noor.${Date.now()}@example.org`;
  await open(page, "/signup");
  await page.getByLabel("Your name").fill("Noor Haddad");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a long passphrase");
  await page.getByLabel("Home city").selectOption({ label: "Barcelona" });
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page).toHaveURL(/\/me$/);

  await page.getByLabel("Your password, to confirm").fill("not my passphrase");
  await page.getByLabel("I understand that this cannot be undone").check();
  await page.getByRole("button", { name: "Delete my account for good" }).click();
  await expect(page.getByText("This email and password do not match an account.")).toBeVisible();

  await page.getByLabel("Your password, to confirm").fill("a long passphrase");
  await page.getByRole("button", { name: "Delete my account for good" }).click();
  await expect(page.getByRole("status")).toHaveText(/Your account was deleted/);
  await expect(page.getByRole("link", { name: "Log in" })).toBeVisible();

  await open(page, "/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a long passphrase");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByText("This email and password do not match an account.")).toBeVisible();
});
