import { Browser, expect, Page, test } from "@playwright/test";
import { ADMIN, CONNECTOR, logIn, MEMBER, open } from "./helpers";

// Moves the server's clock (served only because the test server runs with --test-clock). This
// spec runs in its own project, after the others, so no other story sees time jump.

/** `YYYY-MM-DDTHH:MM` in the browser's zone (the same machine's), `hours` from now. */
function localInput(hours: number): string {
  const at = new Date(Date.now() + hours * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

async function personAt(browser: Browser, email: string, path: string, password?: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await logIn(page, email, password);
  await open(page, path);
  return page;
}

async function agree(page: Page) {
  await page.getByLabel("Agree", { exact: true }).check();
  await page.getByRole("button", { name: "Save my stance" }).click();
  await expect(page.locator(".stance-list")).toContainText("Agree");
}

test("a proposal is blocked, revised, unblocked, passes and is in the decision log", async ({ browser, page, request }) => {
  const title = `A repair café every month ${Date.now()}`;
  await logIn(page, MEMBER);
  await open(page, "/decisions/new");
  await page.getByLabel("Where").selectOption({ label: "Paris" });
  await page.getByLabel(/^Lazy consent/).check();
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Proposal", { exact: true }).fill("We host a **repair café** on the first Saturday of each month.");
  await page.getByLabel("Closing time", { exact: true }).fill(localInput(2));
  await expect(page.getByText(/In your time zone/)).toBeVisible();
  await page.getByRole("button", { name: "Propose" }).click();
  await expect(page).toHaveURL(/\/decisions\/\d+$/);
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await expect(page.locator(".rule")).toContainText("Silence counts as consent");
  const path = new URL(page.url()).pathname;

  // Two members agree: the admin (who lives in Paris) and a newcomer who just joined Paris.
  await expect(page.locator("body[data-hydrated='true']")).toBeAttached();
  const admin = await personAt(browser, ADMIN, path);
  await agree(admin);
  // The proposer's page, left open, counts the stance without a reload.
  await expect(page.locator(".tally div", { hasText: "Agree" }).locator("dd")).toHaveText("1");
  const newcomerEmail = `noor.${Date.now()}@example.org`;
  const newcomer = await (await browser.newContext()).newPage();
  await open(newcomer, "/signup");
  await newcomer.getByLabel("Your name").fill("Noor Haddad");
  await newcomer.getByLabel("Email").fill(newcomerEmail);
  await newcomer.getByLabel("Password").fill("a long passphrase");
  await newcomer.getByLabel("Home city").selectOption({ label: "Paris" });
  await newcomer.getByRole("button", { name: "Create my account" }).click();
  await expect(newcomer).toHaveURL(/\/me$/);
  await open(newcomer, path);
  await expect(newcomer.getByLabel("Block", { exact: true })).toHaveCount(0);
  await agree(newcomer);

  // A connector of Paris blocks, and must say why.
  const connector = await personAt(browser, CONNECTOR, path);
  await connector.getByLabel("Block", { exact: true }).check();
  await connector.getByRole("button", { name: "Save my stance" }).click();
  await expect(connector.getByText("Required.")).toBeVisible();
  await connector.getByLabel("Reason").fill("The room is only free every other month.");
  await connector.getByRole("button", { name: "Save my stance" }).click();
  await expect(connector.locator(".stance-list")).toContainText("The room is only free every other month.");

  // The proposer answers the block with a revision.
  await open(page, path);
  await expect(page.locator(".stance-block")).toBeVisible();
  await page.getByText("Revise the proposal").click();
  await page.getByLabel("Proposal", { exact: true }).fill("We host a **repair café** every other month, when the room is free.");
  await page.getByLabel("What changed (optional)").fill("Every other month, as the room allows.");
  await page.getByRole("button", { name: "Save the revision" }).click();
  await expect(page.getByText("Revised: this is version 2")).toBeVisible();
  await expect(page.locator(".proposal-body")).toContainText("every other month");

  // The blocker is told, reads the new text and withdraws the block.
  await open(connector, "/decisions");
  await expect(connector.getByRole("link", { name: `Revised since your stance: ${title}` })).toBeVisible();
  await open(connector, path);
  await expect(connector.locator(".stance-block")).toContainText("on version 1");
  await connector.getByRole("button", { name: "Withdraw my block" }).click();
  await expect(connector.locator(".timeline")).toContainText("withdrew their block");

  // The closing time comes: it passes.
  const moved = await request.post("/test-clock", { form: { advance: String(3 * 3600) } });
  expect(moved.ok()).toBeTruthy();
  await expect(async () => {
    await open(page, path);
    await expect(page.locator(".proposal-status")).toContainText("Passed", { timeout: 1_000 });
  }).toPass();
  await expect(page.locator(".timeline")).toContainText("Closed: Passed");

  // And it is in the decision log.
  await open(page, "/decisions/log");
  await page.getByLabel("Search").fill(title);
  await page.getByRole("button", { name: "Filter" }).click();
  const row = page.getByRole("row", { name: new RegExp(title) });
  await expect(row).toBeVisible();
  await expect(row).toContainText("Passed");
  await expect(row).toContainText("Lazy consent");
});
