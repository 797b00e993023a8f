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

/** The folder the test server writes its emails to (see playwright.config.ts). */
const MAIL_FOLDER = `${__dirname}/../../target/e2e-mail`;

/** The text of the newest email to `address` whose subject has `subject`, once it has been sent. */
export async function mailTo(address: string, subject: string): Promise<string> {
  const fs = await import("node:fs");
  let found = "";
  await expect
    .poll(
      () => {
        const files = fs.existsSync(MAIL_FOLDER) ? fs.readdirSync(MAIL_FOLDER) : [];
        const mails = files
          .filter((name) => name.endsWith(".eml"))
          .map((name) => fs.readFileSync(`${MAIL_FOLDER}/${name}`, "utf8"))
          // Long lines come soft-wrapped and =XX-escaped (quoted-printable).
          .map((text) => text.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16))))
          .filter((text) => text.includes(`To: ${address}`) && text.includes(subject));
        found = mails[mails.length - 1] ?? "";
        return found !== "";
      },
      { timeout: 20_000, message: `an email to ${address} about ${subject}` },
    )
    .toBe(true);
  return found;
}

/**
 * Chooses the map's skill filter `tag` and answers the milliseconds, measured in the page, from
 * the change until the figures table shows other counts.
 */
export async function filterToCounts(page: Page, tag: string): Promise<number> {
  return page.evaluate(async (tag) => {
    const table = document.querySelector(".map-table")!;
    // The text before, not the nodes: counts may be updated in place.
    const was = table.textContent;
    const select = document.querySelector<HTMLSelectElement>("#map-tag")!;
    const start = performance.now();
    const changed = new Promise<number>((resolve) => {
      new MutationObserver((_, observer) => {
        if (table.textContent !== was) {
          observer.disconnect();
          resolve(performance.now() - start);
        }
      }).observe(table, { subtree: true, childList: true, characterData: true });
    });
    select.value = tag;
    select.dispatchEvent(new Event("change", { bubbles: true }));
    return changed;
  }, tag);
}
