import { expect, Page, test } from "@playwright/test";
import { CONNECTOR, MEMBER, filterToCounts, logIn, open } from "./helpers";

/** Every city slug some marker stands for. */
async function citiesOnMap(page: Page): Promise<string[]> {
  return page.locator(".world-map .marker").evaluateAll((markers) =>
    markers.flatMap((marker) => (marker.getAttribute("data-cities") ?? "").split(" ").filter(Boolean)),
  );
}

/** Opens a city from its marker, choosing the groups it is in until it stands alone. */
async function chooseOnMap(page: Page, slug: string, by: "click" | "tap" = "click") {
  for (let attempt = 0; attempt < 12; attempt++) {
    const alone = page.locator(`.world-map .marker[data-cities="${slug}"]`);
    if ((await alone.count()) > 0) {
      await (by === "tap" ? alone.tap() : alone.click());
      return;
    }
    const group = page.locator(`.world-map .marker[data-cities~="${slug}"]`);
    const before = await group.getAttribute("data-cities");
    await (by === "tap" ? group.tap() : group.click());
    await expect(page.locator(`.world-map .marker[data-cities~="${slug}"]`)).not.toHaveAttribute("data-cities", before ?? "");
  }
  throw new Error(`${slug} never stood alone on the map`);
}

/** The map's zoom after one, two and three presses of + (1.6 each), as its transform writes it. */
const ZOOM_STEPS = ["1\\.6000", "2\\.5600", "4\\.0960"];

function land(page: Page) {
  return page.locator(".world-map g.land");
}

function shownIn(page: Page, slug: string) {
  return page.locator(`.figures-table tr[data-city="${slug}"] td.shown`);
}

test("the map shows the 20 seeded cities over the countries", async ({ page }) => {
  await open(page, "/map");
  await expect(page.getByRole("heading", { name: "Member map", level: 1 })).toBeVisible();
  await expect(page.locator(".world-map[data-land='110m'] path.country").first()).toBeAttached();
  expect(new Set(await citiesOnMap(page)).size).toBe(20);
  await expect(page.locator(".figures-table tbody tr")).toHaveCount(20);
  // Nearby cities are grouped at world zoom and split when zooming in.
  const grouped = await page.locator(".world-map .marker").count();
  expect(grouped).toBeLessThan(20);
  // Each press glides one step from where the map is: wait for it to arrive before the next.
  for (const scale of ZOOM_STEPS) {
    await page.getByRole("button", { name: "Zoom in" }).click();
    await expect(land(page)).toHaveAttribute("transform", new RegExp(`scale\\(${scale}\\)`));
  }
  await expect(page.locator(".world-map[data-land='50m']")).toBeAttached();
  await page.getByRole("button", { name: "Whole world" }).click();
  await expect(page.locator(".world-map[data-land='110m']")).toBeAttached();
  await page.screenshot({ path: test.info().outputPath("map-desktop.png") });
  await test.info().attach("map-desktop", { path: test.info().outputPath("map-desktop.png"), contentType: "image/png" });
});

test("selecting Paris on the map lists its members with their skills and languages", async ({ page }) => {
  await logIn(page, MEMBER);
  await open(page, "/map");
  await chooseOnMap(page, "paris");
  await expect(page).toHaveURL(/city=paris/);
  const panel = page.locator(".city-panel");
  await expect(panel.getByRole("heading", { name: "Paris" })).toBeVisible();
  await expect(panel.locator(".member-card").first()).toBeVisible();
  expect(await panel.locator(".member-card").count()).toBe(20);
  await expect(panel.locator(".member-card .avatar").first()).toHaveText(/^\p{Lu}{1,2}$/u);
  await expect(panel.locator(".badge.connector").first()).toBeVisible();
  await expect(panel.getByRole("link", { name: "City channel" })).toHaveAttribute("href", /\/discussion\/\d+/);
  await panel.getByRole("link", { name: "Next" }).click();
  await expect(panel.getByText(/Page 2 of \d+/)).toBeVisible();
  // Hovering a marker tells its city and counts.
  await page.locator(".world-map .marker.selected").hover();
  await expect(page.locator(".map-tooltip .tooltip-title")).toHaveText("Paris");
  await expect(page.locator(".map-tooltip")).toContainText(/\d+ on the map/);
});

test("a skill filter changes the counts at once", async ({ page }) => {
  await open(page, "/map");
  const before = Number(await shownIn(page, "paris").textContent());
  const tag = await page.locator("#map-tag option").nth(1).getAttribute("value");
  // From the change to the new count on screen, measured in the page.
  const elapsed = await filterToCounts(page, tag!);
  test.info().annotations.push({ type: "filter to counts (ms)", description: elapsed.toFixed(1) });
  console.log(`filter to counts: ${elapsed.toFixed(1)} ms`);
  await expect(page).toHaveURL(new RegExp(`tag=${tag}`));
  const after = Number(await shownIn(page, "paris").textContent());
  expect(after).toBeLessThan(before);
  expect(after).toBeGreaterThan(0);
  expect(elapsed).toBeLessThan(1000);
  await page.getByLabel("Connectors only").check();
  await expect(page).toHaveURL(/connectors=on/);
  await expect(shownIn(page, "paris")).not.toHaveText(String(after));
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(shownIn(page, "paris")).toHaveText(String(before));
});

test("someone who opts in appears and after opting out disappears, without a reload", async ({ browser }) => {
  const name = `Zoé Mapcheck ${Date.now() % 100000}`;
  const watcherContext = await browser.newContext();
  const watcher = await watcherContext.newPage();
  await logIn(watcher, CONNECTOR);
  await open(watcher, `/map?q=${encodeURIComponent(name)}`);
  await expect(watcher.getByText("Nobody on the map has that name.")).toBeVisible();
  await watcher.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
  const lyonBefore = Number(await shownIn(watcher, "lyon").textContent());

  const memberContext = await browser.newContext();
  const member = await memberContext.newPage();
  await open(member, "/signup");
  await member.getByLabel("Your name").fill(name);
  await member.getByLabel("Email").fill(`zoe.${Date.now()}@example.org`);
  await member.getByLabel("Password").fill("a long passphrase");
  await member.getByLabel("Home city").selectOption({ label: "Lyon" });
  await member.getByRole("button", { name: "Create my account" }).click();
  await expect(member).toHaveURL(/\/me$/);
  await member.getByLabel("Skills and interests").fill("cartography");
  await member.getByLabel(/Show me on the member map/).check();
  await member.getByRole("button", { name: "Save my profile" }).click();
  await expect(member).toHaveURL(/\/members\/\d+$/);

  const hit = watcher.locator(".search-hits li", { hasText: name });
  await expect(hit).toBeVisible();
  await expect(shownIn(watcher, "lyon")).toHaveText(String(lyonBefore + 1));

  await open(member, "/me");
  await member.getByLabel(/Show me on the member map/).uncheck();
  await member.getByRole("button", { name: "Save my profile" }).click();
  await expect(member).toHaveURL(/\/members\/\d+$/);

  await expect(hit).toHaveCount(0);
  await expect(watcher.getByText("Nobody on the map has that name.")).toBeVisible();
  await expect(shownIn(watcher, "lyon")).toHaveText(String(lyonBefore));
  expect(await watcher.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
  await watcherContext.close();
  await memberContext.close();
});

test("the map page asks nothing of any other origin", async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).host;
  const elsewhere: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).host !== origin) elsewhere.push(request.url());
  });
  page.on("websocket", (socket) => {
    if (new URL(socket.url()).host !== origin) elsewhere.push(socket.url());
  });
  await logIn(page, MEMBER);
  await open(page, "/map");
  await expect(page.locator(".world-map[data-land='110m']")).toBeAttached();
  const map = page.locator(".world-map");
  await map.focus();
  for (const scale of ZOOM_STEPS) {
    await page.keyboard.press("+");
    await expect(land(page)).toHaveAttribute("transform", new RegExp(`scale\\(${scale}\\)`));
  }
  for (const key of ["ArrowLeft", "ArrowUp"]) {
    await page.keyboard.press(key);
  }
  await expect(page.locator(".world-map[data-land='50m']")).toBeAttached();
  await page.getByRole("searchbox", { name: "Find a member" }).fill("a");
  await page.getByRole("button", { name: "Find" }).click();
  await expect(page.locator(".search-hits li").first()).toBeVisible();
  await page.locator(".search-hits a").first().click();
  await expect(page.locator(".city-panel")).toBeVisible();
  expect(elsewhere).toEqual([]);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });

  test("the map fits, a tap opens a city as a bottom sheet", async ({ page }) => {
    await logIn(page, MEMBER);
    await open(page, "/map");
    await expect(page.locator(".world-map[data-land='110m']")).toBeAttached();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const box = await page.locator(".world-map").boundingBox();
    expect(box!.width).toBeLessThanOrEqual(375);
    await chooseOnMap(page, "sao-paulo", "tap");
    await expect(page.locator(".city-panel")).toBeVisible();
    const sheet = await page.locator(".city-panel").boundingBox();
    expect(Math.round(sheet!.y + sheet!.height)).toBe(740);
    await expect(page.locator(".city-panel .member-card").first()).toBeVisible();
    await page.screenshot({ path: test.info().outputPath("map-phone.png") });
    await test.info().attach("map-phone", { path: test.info().outputPath("map-phone.png"), contentType: "image/png" });
  });
});
