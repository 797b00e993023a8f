import { Browser, expect, Page } from "@playwright/test";

export const DEMO_PASSWORD = "edges-demo-2026";
export const ADMIN = "admin@edges.demo";
export const CONNECTOR = "connector@edges.demo";
export const MEMBER = "member@edges.demo";

/** Opens a page and waits until the WASM has hydrated it, so clicks reach live handlers. */
export async function open(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator("body[data-hydrated='true']")).toBeAttached();
}

export async function logIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await open(page, "/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("button", { name: "Log out" })).toBeVisible();
}

/** A separate browser context (its own cookies) signed in as `email`: one person of a story. */
export async function signedIn(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await logIn(page, email);
  return { context, page };
}
