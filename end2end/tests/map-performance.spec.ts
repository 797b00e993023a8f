import { expect, test } from "@playwright/test";
import { MEMBER, filterToCounts, logIn } from "./helpers";

// Measures the map in the browser: how soon after hydration it answers and has its countries,
// and how long frames take while it is dragged and zoomed. Run against a large network with
//   EDGES_MAP_PERF=1 EDGES_E2E_URL=http://127.0.0.1:3000 npx playwright test map-performance
// on a server seeded with `edges seed --members 80000 --cities 200`.

declare global {
  interface Window {
    mapTimes: Record<string, number>;
    frameTimes: number[];
    recording: boolean;
  }
}

function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0;
}

test("the map answers within 150 ms of hydration and pans in smooth frames", async ({ page }) => {
  await logIn(page, MEMBER);
  await page.addInitScript(() => {
    window.mapTimes = {};
    const seen = () => {
      const now = performance.now();
      const times = window.mapTimes;
      if (document.body?.dataset.hydrated && times.hydrated === undefined) times.hydrated = now;
      const map = document.querySelector(".world-map");
      if (map?.getAttribute("data-map-ready") && times.ready === undefined) times.ready = now;
      const land = map?.getAttribute("data-land");
      if (land && land !== "none" && times[land] === undefined) times[land] = now;
    };
    new MutationObserver(seen).observe(document, { subtree: true, attributes: true, childList: true });
  });
  await page.goto("/map");
  await expect(page.locator("body[data-hydrated='true']")).toBeAttached();
  await expect(page.locator(".world-map[data-land='110m']")).toBeAttached();
  const times = await page.evaluate(() => window.mapTimes);
  const markers = await page.locator(".world-map .marker").count();
  const interactive = Math.max(times.ready, times.hydrated) - times.hydrated;
  const land = times["110m"] - times.hydrated;

  // Drag across the zoomed-in map while counting frame times.
  const box = (await page.locator(".world-map").boundingBox())!;
  await page.locator(".world-map").focus();
  // Each press glides one step from where the map is: wait for it to arrive before the next.
  for (const scale of ["1\\.6000", "2\\.5600", "4\\.0960"]) {
    await page.keyboard.press("+");
    await expect(page.locator(".world-map g.land")).toHaveAttribute("transform", new RegExp(`scale\\(${scale}\\)`));
  }
  await expect(page.locator(".world-map[data-land='50m']")).toBeAttached();
  await page.evaluate(() => {
    window.frameTimes = [];
    window.recording = true;
    let last = performance.now();
    const tick = (now: number) => {
      window.frameTimes.push(now - last);
      last = now;
      if (window.recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const start = { x: box.x + box.width * 0.7, y: box.y + box.height * 0.5 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  for (let step = 1; step <= 60; step++) {
    await page.mouse.move(start.x - step * 6, start.y - Math.sin(step / 6) * 40);
  }
  await page.mouse.up();
  for (let turn = 0; turn < 10; turn++) {
    await page.mouse.wheel(0, turn < 5 ? -120 : 120);
  }
  const frames = await page.evaluate(() => {
    window.recording = false;
    return window.frameTimes.slice(1);
  });
  const tag = await page.locator("#map-tag option").nth(1).getAttribute("value");
  const filtered = await filterToCounts(page, tag!);
  const figures = {
    markers,
    filter_to_counts_ms: Math.round(filtered),
    interactive_after_hydration_ms: Math.round(interactive),
    countries_after_hydration_ms: Math.round(land),
    frames: frames.length,
    frame_p50_ms: Number(percentile(frames, 0.5).toFixed(1)),
    frame_p95_ms: Number(percentile(frames, 0.95).toFixed(1)),
    frame_max_ms: Number(Math.max(...frames).toFixed(1)),
    frames_over_50ms: frames.filter((frame) => frame > 50).length,
  };
  console.log(`map performance: ${JSON.stringify(figures)}`);
  for (const [name, value] of Object.entries(figures)) {
    test.info().annotations.push({ type: name, description: String(value) });
  }
  expect(interactive).toBeLessThanOrEqual(150);
  expect(filtered).toBeLessThan(1000);
  expect(figures.frame_p95_ms).toBeLessThan(100);
});
