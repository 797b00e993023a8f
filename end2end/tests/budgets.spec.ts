import { expect, Page, test } from "@playwright/test";
import { CONNECTOR, MEMBER, open, signedIn } from "./helpers";

/** From the budgets page, a manager opens a funding round; answers the round page's address. */
async function createFundingRound(page: Page, title: string): Promise<string> {
  const newRound = page.locator("section", { has: page.getByRole("heading", { name: "Open a round" }) });
  await newRound.getByLabel("Title").fill(title);
  await newRound.getByRole("button", { name: "Create the round" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  return page.url();
}

test("a connector opens a funding round and allocates; two members fund a bucket past its minimum and see it live", async ({ browser }) => {
  const run = Date.now();
  const connector = await signedIn(browser, CONNECTOR);
  await open(connector.page, "/budgets");
  await expect(connector.page.getByText("Payouts above €3,000 need a passed lazy-consent decision.")).toBeVisible();
  const roundUrl = await createFundingRound(connector.page, `Spring commons ${run}`);

  await expect(connector.page.locator("body[data-hydrated='true']")).toBeAttached();
  await connector.page.getByLabel("Phase", { exact: true }).selectOption("open");
  await connector.page.getByRole("button", { name: "Move to this phase" }).click();
  await expect(connector.page.locator(".badge", { hasText: "Open for funding" })).toBeVisible();
  await connector.page.getByLabel("Amount for each member").fill("20");
  await connector.page.getByRole("button", { name: "Allocate", exact: true }).click();
  await expect(connector.page.getByRole("status")).toContainText("Done");
  await expect(connector.page.locator(".figures .my-balance")).toHaveText("€20");

  const member = await signedIn(browser, MEMBER);
  await open(member.page, roundUrl);
  await member.page.getByLabel("Title").fill(`Bench by the canal ${run}`);
  await member.page.getByLabel("Minimum goal").fill("30");
  await member.page.getByLabel("Maximum goal (optional)").fill("40");
  await member.page.getByRole("button", { name: "Save as a draft" }).click();
  await expect(member.page.getByRole("heading", { level: 1, name: `Bench by the canal ${run}` })).toBeVisible();
  await expect(member.page.locator("body[data-hydrated='true']")).toBeAttached();
  await member.page.getByRole("button", { name: "Open for funding" }).click();
  await expect(member.page.locator(".bucket-status")).toHaveText("Open for funding");
  const bucketUrl = member.page.url();
  await open(connector.page, bucketUrl);

  await member.page.getByLabel("Amount").fill("20");
  await member.page.getByRole("button", { name: "Give" }).click();
  await expect(member.page.locator(".my-contribution")).toHaveText("You gave €20");
  // The connector's page follows the pot: the bar moves without a reload.
  await expect(connector.page.locator(".funding-text")).toHaveText("€20 of €30 (at most €40)");

  await connector.page.getByLabel("Amount").fill("15");
  await connector.page.getByRole("button", { name: "Give" }).click();
  await expect(member.page.locator(".bucket-status")).toHaveText("Funded");
  await expect(member.page.locator(".funding-text")).toHaveText("€35 of €30 (at most €40)");

  await member.page.getByLabel("Amount").fill("10");
  await member.page.getByRole("button", { name: "Give" }).click();
  await expect(member.page.getByText("This bucket takes at most €5 more.")).toBeVisible();

  await member.context.close();
  await connector.context.close();
});

test("a connector plans when a round closes, and members see the date in their own time", async ({ browser }) => {
  const run = Date.now();
  const connector = await signedIn(browser, CONNECTOR);
  await open(connector.page, "/budgets");
  const roundUrl = await createFundingRound(connector.page, `Autumn commons ${run}`);
  await expect(connector.page.locator("body[data-hydrated='true']")).toBeAttached();
  // No dates yet: the page shows no schedule.
  await expect(connector.page.getByRole("heading", { name: "Schedule", level: 2 })).toHaveCount(0);

  const day = (offset: number) => {
    const at = new Date(run + offset * 86_400_000);
    const pad = (n: number) => String(n).padStart(2, "0");
    return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T18:30`;
  };
  const tools = connector.page.locator(".schedule-form");
  await tools.getByLabel("Funding opens").fill(day(9));
  await tools.getByLabel("Closes").fill(day(3));
  // Meanwhile, in another tab, the round opens and money moves in its pot: the first tab follows
  // the pot live, and the dates being typed there stay.
  const otherTab = await connector.context.newPage();
  await open(otherTab, roundUrl);
  await otherTab.getByLabel("Phase", { exact: true }).selectOption("open");
  await otherTab.getByRole("button", { name: "Move to this phase" }).click();
  await expect(otherTab.locator(".badge", { hasText: "Open for funding" })).toBeVisible();
  await otherTab.getByLabel("Amount for each member").fill("1");
  await otherTab.getByRole("button", { name: "Allocate", exact: true }).click();
  await expect(connector.page.locator(".figures .my-balance")).toHaveText("€1");
  // The money goes back, so the pot is as it was for whoever comes next.
  await otherTab.getByRole("button", { name: "Withdraw unspent balances" }).click();
  await expect(connector.page.locator(".figures .my-balance")).toHaveText("€0");
  await otherTab.close();
  await expect(tools.getByLabel("Funding opens")).toHaveValue(day(9));
  await expect(tools.getByLabel("Closes")).toHaveValue(day(3));
  // Closing before funding opens is refused with a message, and nothing is saved.
  await connector.page.getByRole("button", { name: "Save the schedule" }).click();
  await expect(connector.page.getByText("This date must come after the one before it.")).toBeVisible();
  await tools.getByLabel("Funding opens").fill(day(2));
  await connector.page.getByRole("button", { name: "Save the schedule" }).click();
  await expect(connector.page.getByRole("status")).toContainText("Schedule saved.");
  await expect(connector.page.locator(".schedule [data-milestone='closes_on'] time")).toBeVisible();

  const member = await signedIn(browser, MEMBER);
  await open(member.page, roundUrl);
  await expect(member.page.getByRole("heading", { name: "Schedule", level: 2 })).toBeVisible();
  const closes = member.page.locator(".schedule [data-milestone='closes_on'] time");
  await expect(member.page.locator("body[data-hydrated='true']")).toBeAttached();
  // Once the script runs the time reads in the member's zone, not as the server's UTC.
  await expect(closes).toContainText("6:30");
  await expect(closes).not.toContainText("UTC");
  await expect(member.page.locator(".schedule-form")).toHaveCount(0);
  await member.context.close();
  await connector.context.close();
});
