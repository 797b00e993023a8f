import { Browser, expect, Page, test } from "@playwright/test";
import { CONNECTOR, logIn, MEMBER, open } from "./helpers";

/** A member signed in, in a browser of their own, with their city's channel open. */
async function inParisChannel(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await logIn(page, email);
  await openChannel(page, "Paris");
  return { context, page };
}

async function openChannel(page: Page, name: string) {
  await open(page, "/discussion");
  await page.getByRole("link", { name: new RegExp(`^# ${name}`) }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  // The channel's presence list comes over the live socket: once it shows, the socket is open
  // and subscribed, so what the story does next (going offline, say) meets a live page.
  await expect(page.locator(".presence")).toContainText("online");
}

async function send(page: Page, text: string) {
  const composer = page.getByPlaceholder(/Write a message/);
  await composer.fill(text);
  await composer.press("Enter");
  await expect(composer).toHaveValue("");
}

function messageWith(page: Page, text: string) {
  return page.locator(".channel .message").filter({ hasText: text });
}

test("two members chat live, reply in a thread and react", async ({ browser }) => {
  const alice = await inParisChannel(browser, MEMBER);
  const bob = await inParisChannel(browser, CONNECTOR);
  const hello = `Bonjour from the canal ${Date.now()}`;

  await send(alice.page, hello);
  await expect(messageWith(bob.page, hello)).toHaveCount(1);
  await expect(messageWith(alice.page, hello)).toHaveCount(1);

  await messageWith(bob.page, hello).getByRole("link", { name: "Reply" }).click();
  const thread = bob.page.locator(".thread-panel");
  await expect(thread.locator(".message-body", { hasText: hello })).toBeVisible();
  const reply = thread.getByPlaceholder("Reply in this thread…");
  await reply.fill("Count me in!");
  await reply.press("Enter");
  await expect(thread.locator(".message-body", { hasText: "Count me in!" })).toBeVisible();
  await expect(messageWith(alice.page, hello).getByRole("link", { name: "1 replies" })).toBeVisible();

  await messageWith(bob.page, hello).locator(".reaction-picker summary").click();
  await messageWith(bob.page, hello).getByRole("button", { name: "React with 🎉" }).click();
  await expect(messageWith(alice.page, hello).getByRole("button", { name: "React with 🎉" })).toContainText("1");

  await alice.context.close();
  await bob.context.close();
});

test("a member who goes offline sees each missed message exactly once", async ({ browser }) => {
  const alice = await inParisChannel(browser, MEMBER);
  const bob = await inParisChannel(browser, CONNECTOR);
  const run = Date.now();

  await bob.context.setOffline(true);
  await expect(bob.page.getByRole("status")).toContainText("Reconnecting");
  for (const n of [1, 2, 3]) {
    await send(alice.page, `while you were away ${run} #${n}`);
  }
  await bob.context.setOffline(false);
  for (const n of [1, 2, 3]) {
    await expect(messageWith(bob.page, `while you were away ${run} #${n}`)).toHaveCount(1);
  }
  await expect(bob.page.getByRole("status")).toHaveCount(0);
  await send(alice.page, `back together ${run}`);
  await expect(messageWith(bob.page, `back together ${run}`)).toHaveCount(1);
  await expect(messageWith(bob.page, `while you were away ${run}`)).toHaveCount(3);

  await alice.context.close();
  await bob.context.close();
});

test("unread and mention badges appear live and clear once read", async ({ browser }) => {
  const alice = await inParisChannel(browser, MEMBER);
  const bobContext = await browser.newContext();
  const bob = await bobContext.newPage();
  await logIn(bob, CONNECTOR);
  const bobName = (await bob.locator(".account-name").textContent())?.trim() ?? "";
  await openChannel(bob, "General");
  const parisLink = bob.getByRole("link", { name: /^# Paris/ });

  // Other scenarios may be talking in Paris at the same time: compare with the counts before.
  const count = async (badge: string) => {
    const shown = parisLink.locator(badge);
    return (await shown.count()) === 0 ? 0 : Number(((await shown.textContent()) ?? "0").replace("@", ""));
  };
  const unreadBefore = await count(".unread-badge");
  const mentionsBefore = await count(".mention-badge");
  const run = Date.now();
  await send(alice.page, `Hello @**${bobName}**, are you around? ${run}`);
  await expect(parisLink.locator(".mention-badge")).toHaveText(`@${mentionsBefore + 1}`);
  await expect.poll(() => count(".unread-badge")).toBeGreaterThan(unreadBefore);

  await parisLink.click();
  await expect(bob.getByRole("heading", { level: 1, name: "Paris" })).toBeVisible();
  await expect(parisLink.locator(".unread-badge")).toHaveCount(0);
  await expect(parisLink.locator(".mention-badge")).toHaveCount(0);
  // Where Bob left off: the unread part starts below a divider.
  await expect(bob.locator(".unread-divider")).toHaveCount(1);
  await expect(bob.locator(".unread-divider ~ .message", { hasText: `are you around? ${run}` })).toHaveCount(1);

  await alice.context.close();
  await bobContext.close();
});
