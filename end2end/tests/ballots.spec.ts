import { expect, test } from "@playwright/test";
import { CONNECTOR, logIn, MEMBER, open, signedIn } from "./helpers";

test("a member approves at most three projects of the neighbourhood budget, and the saved ballot can still change", async ({ page }) => {
  await logIn(page, MEMBER);
  await open(page, "/budgets");
  await page.getByRole("link", { name: "Neighbourhood budget 2027" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Neighbourhood budget 2027" })).toBeVisible();
  await expect(page.getByText("Ballots are secret")).toBeVisible();

  const ballot = page.locator("section", { has: page.getByRole("heading", { name: "Your ballot" }) });
  for (const project of ["Shaded benches on the canal", "Repair café every Saturday", "Community fridge", "Sign-language café evenings"]) {
    await ballot.getByLabel(project).check();
  }
  await ballot.getByRole("button", { name: "Save my ballot" }).click();
  await expect(ballot.getByRole("alert")).toContainText("At most 3");
  await expect(ballot.getByRole("status")).toHaveCount(0);

  await ballot.getByLabel("Repair café every Saturday").uncheck();
  await ballot.getByRole("button", { name: "Save my ballot" }).click();
  await expect(ballot.getByRole("status")).toContainText("Your ballot is saved");

  // What the server kept, not what the browser remembers.
  await open(page, page.url());
  await expect(ballot.getByLabel("Shaded benches on the canal")).toBeChecked();
  await expect(ballot.getByLabel("Community fridge")).toBeChecked();
  await expect(ballot.getByLabel("Sign-language café evenings")).toBeChecked();
  await expect(ballot.getByLabel("Repair café every Saturday")).not.toBeChecked();
});

test("a counted budget says why each project won or lost, and the what-if recounts the same ballots", async ({ page }) => {
  await logIn(page, MEMBER);
  await open(page, "/budgets");
  await page.getByRole("link", { name: "Spring participatory budget" }).click();
  await page.getByRole("link", { name: "See the results" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Results: Spring participatory budget" })).toBeVisible();

  const rows = page.locator(".results-table tbody tr");
  await expect(rows).toHaveCount(6);
  await expect(page.locator(".results-table tr.winner").first()).toBeVisible();
  for (const row of await rows.all()) {
    await expect(row.locator("td").last()).not.toBeEmpty();
  }

  const whatIf = page.locator("section", { has: page.getByRole("heading", { name: "What if…" }) });
  const summary = whatIf.locator(".what-if-summary");
  // The browser's count of the published budget and rule is the server's.
  await expect(summary).toContainText("The published outcome.");
  await whatIf.getByLabel("Budget").fill("1000");
  await expect(summary).toContainText("A different outcome.");
  await whatIf.getByLabel("Budget").fill("12000");
  await expect(summary).toContainText("The published outcome.");
  await whatIf.getByLabel("Counting rule").selectOption("greedy");
  await whatIf.getByLabel("Budget").fill("5000");
  await expect(summary).toContainText("A different outcome.");
});

test("a connector takes a ballot round from proposals through review and voting to published results", async ({ browser }) => {
  // Two people and four phases: a long story.
  test.slow();
  const run = Date.now();
  const connector = await signedIn(browser, CONNECTOR);
  await open(connector.page, "/budgets");
  const newRound = connector.page.locator("section", { has: connector.page.getByRole("heading", { name: "Open a round" }) });
  await newRound.getByLabel("Mode").selectOption("ballot");
  await newRound.getByLabel("Title").fill(`Street budget ${run}`);
  await newRound.getByLabel("Budget", { exact: true }).fill("100");
  await newRound.getByRole("button", { name: "Create the round" }).click();
  await expect(connector.page.getByRole("heading", { level: 1, name: `Street budget ${run}` })).toBeVisible();
  const roundUrl = connector.page.url();

  const member = await signedIn(browser, MEMBER);
  await open(member.page, roundUrl);
  for (const [title, cost] of [[`Planters ${run}`, "60"], [`Mural ${run}`, "70"]]) {
    await member.page.getByLabel("Project", { exact: true }).fill(title);
    await member.page.getByLabel("Cost", { exact: true }).fill(cost);
    await member.page.getByRole("button", { name: "Propose", exact: true }).click();
    await expect(member.page.locator("li.project", { hasText: title })).toBeVisible();
  }

  await open(connector.page, roundUrl);
  const moveTo = async (phase: string) => {
    await connector.page.getByLabel("Phase", { exact: true }).selectOption(phase);
    await connector.page.getByRole("button", { name: "Move to this phase" }).click();
  };
  await moveTo("review");
  for (const title of [`Planters ${run}`, `Mural ${run}`]) {
    const card = connector.page.locator("li.project", { hasText: title });
    await card.getByRole("button", { name: "Accept" }).click();
    await expect(card.locator(".badge")).toHaveText("Accepted");
  }
  await moveTo("voting");
  await expect(connector.page.getByRole("button", { name: "Close voting and count" })).toBeVisible();

  await open(member.page, roundUrl);
  await member.page.getByLabel(`Planters ${run}`).check();
  await member.page.getByRole("button", { name: "Save my ballot" }).click();
  await expect(member.page.getByRole("status")).toContainText("Your ballot is saved");

  // Counting closes the round and opens its published results.
  await connector.page.getByRole("button", { name: "Close voting and count" }).click();
  await expect(connector.page.getByRole("heading", { level: 1, name: `Results: Street budget ${run}` })).toBeVisible();
  await expect(connector.page.locator(".results-table tr.winner")).toHaveText(new RegExp(`Planters ${run}`));
  await expect(connector.page.locator(".results-table tr", { hasText: `Mural ${run}` })).toContainText("Not selected");

  await member.context.close();
  await connector.context.close();
});
