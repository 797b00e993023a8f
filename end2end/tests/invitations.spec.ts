import { expect, test } from "@playwright/test";
import { CONNECTOR, mailTo, open, signedIn } from "./helpers";

test("a connector invites a friend into Paris, who joins from the emailed link", async ({ browser }) => {
  const friend = `amina.${Date.now()}@example.org`;
  const { page: connector } = await signedIn(browser, CONNECTOR);
  await open(connector, "/cities/paris");
  const panel = connector.getByRole("region", { name: "Invitations" });
  await panel.getByLabel("Their email").fill(friend);
  await panel.getByLabel("A welcome note (optional)").fill("Come to Thursday's soup!");
  await panel.getByRole("button", { name: "Send the invitation" }).click();
  await expect(panel.getByText("Invitation sent.")).toBeVisible();
  await expect(panel.getByRole("row", { name: new RegExp(friend) })).toContainText("Waiting");

  const mail = await mailTo(friend, "invites you to Edges in Paris");
  const link = mail.match(/http:\/\/127\.0\.0\.1:\d+(\/join\/[0-9a-f]{64})/);
  expect(link).not.toBeNull();

  const newcomer = await (await browser.newContext()).newPage();
  await open(newcomer, link![1]);
  await expect(newcomer.getByRole("heading", { name: "Join Edges in Paris" })).toBeVisible();
  await expect(newcomer.getByText("Come to Thursday's soup!")).toBeVisible();
  await expect(newcomer.getByLabel("Email")).toHaveValue(friend);
  await newcomer.getByLabel("Your name").fill("Amina Diallo");
  await newcomer.getByLabel("Password").fill("a long passphrase");
  await newcomer.getByRole("button", { name: "Create my account" }).click();
  await expect(newcomer).toHaveURL(/\/me$/);

  await open(connector, "/cities/paris");
  await expect(connector.getByRole("row", { name: new RegExp(friend) })).toContainText("Joined");
  // The link was for one person only.
  const latecomer = await (await browser.newContext()).newPage();
  await open(latecomer, link![1]);
  await expect(latecomer.getByRole("status")).toContainText("no longer works");
});

test("a connector revokes an invitation before it is used", async ({ browser }) => {
  const friend = `tomas.${Date.now()}@example.org`;
  const { page: connector } = await signedIn(browser, CONNECTOR);
  await open(connector, "/cities/paris");
  const panel = connector.getByRole("region", { name: "Invitations" });
  await panel.getByLabel("Their email").fill(friend);
  await panel.getByRole("button", { name: "Send the invitation" }).click();
  await expect(panel.getByText("Invitation sent.")).toBeVisible();
  await panel.getByRole("button", { name: `Revoke ${friend}` }).click();
  await expect(panel.getByRole("row", { name: new RegExp(friend) })).toContainText("Revoked");

  const mail = await mailTo(friend, "invites you to Edges in Paris");
  const link = mail.match(/http:\/\/127\.0\.0\.1:\d+(\/join\/[0-9a-f]{64})/);
  const visitor = await (await browser.newContext()).newPage();
  await open(visitor, link![1]);
  await expect(visitor.getByRole("status")).toContainText("no longer works");
});
