import { expect, test } from "@playwright/test";
import { ADMIN, logIn, MEMBER, open } from "./helpers";

test("an admin appoints a member connector of Lyon, who then gets Lyon's tools, and removes them again", async ({ browser }) => {
  const memberContext = await browser.newContext();
  const member = await memberContext.newPage();
  await logIn(member, MEMBER);
  const name = ((await member.locator(".account-name").textContent()) ?? "").trim();
  await open(member, "/cities/lyon");
  await expect(member.getByRole("heading", { name: "Connector tools" })).toHaveCount(0);

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await logIn(admin, ADMIN);
  await open(admin, "/cities/lyon");
  await admin.getByLabel("Member's email").fill(MEMBER);
  await admin.getByRole("button", { name: "Appoint", exact: true }).click();
  const appointed = admin.locator("#admin-title ~ .member-list li", { hasText: name });
  await expect(appointed).toHaveCount(1);

  await open(member, "/cities/lyon");
  await expect(member.getByRole("heading", { name: "Connector tools" })).toBeVisible();

  // The page reloaded with the new list: wait for it to be live before the next click.
  await expect(admin.locator("body[data-hydrated='true']")).toBeAttached();
  await appointed.getByRole("button", { name: "Remove as connector" }).click();
  await expect(appointed).toHaveCount(0);
  await open(member, "/cities/lyon");
  await expect(member.getByRole("heading", { name: "Connector tools" })).toHaveCount(0);

  await memberContext.close();
  await adminContext.close();
});
