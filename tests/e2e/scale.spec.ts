// A story of 100,000 events: it opens, stays interactive, keeps the page small and still filters.
import { expect, test } from "@playwright/test";
import { generate } from "../../scripts/bench/generate.mjs";
import { TimelinePage } from "./timeline-page";

const COUNT = 100_000;
const story = generate(COUNT, 2025);
const body = JSON.stringify(story);
const NODE_BOUND = 2_000;

test.describe("100,000 events", () => {
  test.skip(({ isMobile }) => isMobile, "one viewport is enough for the size checks");

  test("open, zoom, click a cluster and filter with a bounded page", async ({ page }, info) => {
    test.setTimeout(60_000);
    await page.route("**/big/events.json", (route) => route.fulfill({ body, contentType: "application/json" }));
    const timeline = new TimelinePage(page);
    await page.goto("./?src=big/events.json");
    await expect(page.locator("[data-cluster-count]").first()).toBeVisible({ timeout: 20_000 });
    const nodes = () => page.evaluate(() => document.getElementsByTagName("*").length);

    // Every event is accounted for at the widest view, alone or inside a cluster's count.
    expect(await timeline.eventTotal()).toBe(COUNT);
    expect(await nodes()).toBeLessThan(NODE_BOUND);

    // Zooming in and out keeps the page bounded at every step.
    await timeline.stage.focus();
    for (const key of [..."++++++++++", ..."----------"]) {
      await page.keyboard.press(key);
      await page.waitForTimeout(40);
      expect(await nodes()).toBeLessThan(NODE_BOUND);
    }

    // Clicking a cluster zooms to its events.
    await page.keyboard.press("0");
    const cluster = page.locator("[data-cluster-count]").first();
    const clustered = Number(await cluster.getAttribute("data-cluster-count"));
    expect(clustered).toBeGreaterThan(1);
    const axisBefore = await timeline.axis.textContent();
    await cluster.locator("button").click();
    await expect.poll(() => timeline.axis.textContent()).not.toBe(axisBefore);
    await expect.poll(() => timeline.eventTotal()).toBeLessThan(COUNT);
    expect(await nodes()).toBeLessThan(NODE_BOUND);

    // Filters still work at this size: the counts follow the data.
    await page.getByRole("button", { name: "Fit all", exact: true }).click();
    await expect.poll(() => timeline.eventTotal()).toBe(COUNT);
    const topic = story.categories[0].id;
    const inTopic = story.events.filter((event) => event.categories.includes(topic)).length;
    await timeline.categoryButton(topic).click();
    await expect(timeline.categoryButton(topic)).toHaveAttribute("aria-pressed", "false");
    await expect(timeline.categoryButton(topic)).toContainText(String(inTopic));
    await expect.poll(() => timeline.eventTotal()).toBe(COUNT - inTopic);
    await page.screenshot({ path: info.outputPath("hundred-thousand.png") });
    expect(timeline.consoleErrors).toEqual([]);
  });
});
