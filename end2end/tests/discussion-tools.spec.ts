import { expect, test } from "@playwright/test";
import { CONNECTOR, logIn, MEMBER, open } from "./helpers";

test("typing @ and a few letters suggests members, and picking one writes the mention", async ({ page }) => {
  await logIn(page, MEMBER);
  await open(page, "/discussion");
  await page.getByRole("link", { name: /^# Paris/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Paris" })).toBeVisible();
  const composer = page.getByPlaceholder(/Write a message/);
  await composer.pressSequentially("Thanks @Ad");
  const suggestion = page.locator(".mention-suggestions button").first();
  await expect(suggestion).toBeVisible();
  const name = (await suggestion.textContent())?.trim() ?? "";
  await suggestion.click();
  await expect(composer).toHaveValue(`Thanks @**${name}** `);
});

test("a member reports a message and a connector hides it from everyone", async ({ browser }) => {
  const session = async (email: string) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await logIn(page, email);
    await open(page, "/discussion");
    await page.getByRole("link", { name: /^# Paris/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Paris" })).toBeVisible();
    return { context, page };
  };
  const poster = await session("admin@edges.demo");
  const member = await session(MEMBER);
  const text = `Buy cheap followers now ${Date.now()}`;
  const composer = poster.page.getByPlaceholder(/Write a message/);
  await composer.fill(text);
  await composer.press("Enter");

  const spam = member.page.locator(".channel .message").filter({ hasText: text });
  await spam.locator("summary", { hasText: "Report" }).click();
  await spam.getByLabel("What is wrong with this message?").fill("Spam");
  await spam.getByRole("button", { name: "Report" }).click();

  const connectorContext = await browser.newContext();
  const connector = await connectorContext.newPage();
  await logIn(connector, CONNECTOR);
  await open(connector, "/moderation");
  const report = connector.locator(".report").filter({ hasText: text });
  await expect(report).toContainText("Spam");
  await report.getByRole("button", { name: "Hide" }).click();
  await expect(connector.locator(".report").filter({ hasText: text }).getByRole("button", { name: "Hide" })).toHaveCount(0);

  await expect(member.page.locator(".channel .message-body", { hasText: text })).toHaveCount(0);
  await expect(member.page.locator(".channel .withdrawn").last()).toHaveText("This message was hidden by a moderator.");

  await poster.context.close();
  await member.context.close();
  await connectorContext.close();
});

test("a member opens a private conversation from a profile", async ({ page }) => {
  await logIn(page, MEMBER);
  await open(page, "/cities/paris");
  await page.locator(".channel, .member-list").first().waitFor();
  const someone = page.locator(".member-list .member-card a").first();
  const name = (await someone.textContent())?.trim() ?? "";
  await someone.click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await page.getByRole("button", { name: "Send a private message" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
  const composer = page.getByPlaceholder(/Write a message/);
  await composer.fill("Shall we meet at the festival?");
  await composer.press("Enter");
  await expect(page.locator(".channel .message-body", { hasText: "Shall we meet" })).toHaveCount(1);
  await expect(page.getByRole("link", { name: new RegExp(`^@ .*${name}`) })).toBeVisible();
});

test("a member starts a private conversation with two others", async ({ page }) => {
  await logIn(page, MEMBER);
  await open(page, "/discussion");
  await page.getByText("New private conversation").click();
  const people = page.getByLabel("Add people (up to 8)");
  const chosen: string[] = [];
  for (const letters of ["Ma", "Lu"]) {
    await people.pressSequentially(letters);
    const suggestion = page.locator(".new-conversation .mention-suggestions button").first();
    await expect(suggestion).toBeVisible();
    chosen.push(((await suggestion.textContent()) ?? "").trim());
    await suggestion.click();
  }
  await expect(page.locator(".new-conversation .chosen li")).toHaveCount(2);
  await page.getByRole("button", { name: "Start" }).click();
  const heading = page.getByRole("heading", { level: 1 });
  for (const name of chosen) {
    await expect(heading).toContainText(name);
  }
});
