// A story of 100,000 events: it opens, stays interactive, keeps the page small and still filters.
import { expect, test, type Page } from "@playwright/test";
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

declare global {
  interface Window {
    /** A ctrl+wheel step on the time area, at `across` of its width (as a trackpad's pinch). */
    wheelOnStage(deltaY: number, across: number): void;
  }
}

/** Opens the demo page on a generated story of a thousand events and waits for its clusters. */
async function openThousand(page: Page, story: object) {
  const body = JSON.stringify(story);
  await page.route("**/thousand/events.json", (route) => route.fulfill({ body, contentType: "application/json" }));
  await page.goto("./?src=thousand/events.json");
  await expect(page.locator("[data-cluster-count]").first()).toBeVisible();
  await page.evaluate(() => {
    window.wheelOnStage = (deltaY, across) => {
      const stage = document.querySelector(".storyline-stage")!;
      const box = stage.getBoundingClientRect();
      const at = { clientX: box.left + box.width * across, clientY: box.top + box.height / 2 };
      stage.dispatchEvent(new WheelEvent("wheel", { ...at, deltaY, ctrlKey: true, bubbles: true, cancelable: true }));
    };
  });
}

test.describe("1,000 events, zoomed step by step", () => {
  test.skip(({ isMobile }) => isMobile, "the wheel is a desktop gesture");
  const thousand = generate(1_000, 7);
  const titles = new Map(thousand.events.map((event) => [event.id, event.title]));

  test("every label, badge and tick that shows reads what it stands for, after every step", async ({ page }) => {
    test.setTimeout(60_000);
    await openThousand(page, thousand);
    const stage = page.locator(".storyline-stage");
    const box = (await stage.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.45, box.y + box.height / 2);
    // What shows, read from the page: each item's id (or count), its visible label, its badge
    // and name; and the fine ticks in the order they are in the page.
    const shown = () =>
      page.evaluate(() => ({
        items: [...document.querySelectorAll(".storyline-events > li")].map((item) => {
          const label = item.querySelector(".storyline-label") as HTMLElement;
          return {
            id: item.getAttribute("data-event-id"),
            count: item.getAttribute("data-cluster-count"),
            label: getComputedStyle(label).visibility === "hidden" ? null : label.textContent,
            badge: item.querySelector(".storyline-mark")!.textContent,
            name: item.querySelector("button")!.getAttribute("aria-label"),
          };
        }),
        ticks: [...document.querySelectorAll(".storyline-axis-minor .storyline-tick-label")].map((tick) =>
          tick.getBoundingClientRect().left,
        ),
      }));
    let clustersSeen = 0;
    let labelsSeen = 0;
    for (const deltaY of [...Array(12).fill(-150), ...Array(6).fill(150)]) {
      await page.keyboard.down("Control");
      await page.mouse.wheel(0, deltaY);
      await page.keyboard.up("Control");
      await page.waitForTimeout(60);
      const { items, ticks } = await shown();
      for (const item of items) {
        if (item.id !== null) {
          expect(item.name).toContain(titles.get(item.id));
          if (item.label !== null) expect(item.label).toBe(titles.get(item.id));
          expect(item.badge).toBe("");
          labelsSeen += Number(item.label !== null);
        } else {
          clustersSeen++;
          expect(item.name).toMatch(new RegExp(`^${item.count} events from .+ to .+: zoom in to see them$`));
          expect(item.badge).toBe(item.count);
          if (item.label !== null) expect(item.label).toBe(`${item.count} events`);
        }
      }
      // The fine ticks read left to right in the page's order.
      expect(ticks).toEqual([...ticks].sort((a, b) => a - b));
    }
    expect(clustersSeen).toBeGreaterThan(20);
    expect(labelsSeen).toBeGreaterThan(20);
  });
});

test.describe("1,000 events, zoomed fast", () => {
  test.skip(({ isMobile }) => isMobile, "the wheel is a desktop gesture");
  const thousand = generate(1_000, 11);

  test("a burst of wheel steps settles on exactly what the same steps taken slowly show", async ({ page }) => {
    test.setTimeout(60_000);
    await openThousand(page, thousand);
    const stage = page.locator(".storyline-stage");
    // Wheel steps on the time area, either as fast as a trackpad sends them (a task apart, faster
    // than the scene is composed again) or each given time to settle; returns how many items
    // were drawn after each step.
    const zoom = (pause: number) =>
      page.evaluate(async (pause) => {
        const drawn: number[] = [];
        for (const deltaY of [-150, -150, -150, -150, -150, -150, 150, 150]) {
          window.wheelOnStage(deltaY, 0.4);
          await new Promise((resolve) =>
            pause === 0 ? setTimeout(resolve, 0) : requestAnimationFrame(() => setTimeout(resolve, pause)),
          );
          drawn.push(document.querySelectorAll(".storyline-events > li").length);
        }
        return drawn;
      }, pause);
    // What shows once settled: each item, its place, its label, and the axis.
    const settled = async () => {
      await page.waitForTimeout(400);
      return page.evaluate(() => ({
        items: [...document.querySelectorAll(".storyline-events > li")].map((item) => {
          const label = item.querySelector(".storyline-label") as HTMLElement;
          const box = item.getBoundingClientRect();
          return {
            id: item.getAttribute("data-event-id") ?? `cluster of ${item.getAttribute("data-cluster-count")}`,
            left: Math.round(box.left * 10) / 10,
            top: Math.round(box.top),
            width: Math.round(box.width * 10) / 10,
            label: getComputedStyle(label).visibility === "hidden" ? null : label.textContent,
          };
        }),
        ticks: document.querySelector(".storyline-axis")!.textContent,
      }));
    };

    const fast = await zoom(0);
    // Every step of the burst leaves its items drawn (moved, until the scene is composed again).
    expect(Math.min(...fast)).toBeGreaterThan(0);
    const afterBurst = await settled();
    await stage.focus();
    await page.keyboard.press("0");
    await page.waitForTimeout(600);
    await zoom(250);
    const afterSlowSteps = await settled();
    expect(afterBurst.items.length).toBeGreaterThan(5);
    expect(afterBurst).toEqual(afterSlowSteps);
  });

  test("during a burst, every mark in view spans its dates and no labels overlap, after every step", async ({ page }) => {
    test.setTimeout(60_000);
    await openThousand(page, thousand);
    const day = 86_400_000;
    // Instants, and ranges (their bars end with their last day); a short range drawn as a point
    // is centred on its middle, and left out.
    const instants = new Map(
      thousand.events.filter((event) => !("end" in event)).map((event) => [event.id, Date.parse(event.start)]),
    );
    const ranges = new Map(
      thousand.events
        .filter((event) => "end" in event)
        .map((event) => [event.id, [Date.parse(event.start), Date.parse(event.end!) + day]]),
    );
    // After each step of a burst (a task apart: the scene is moved, and composed again now and
    // then), what shows in the time area: the centre of each point mark, the ends of each bar,
    // and the box of each label.
    const steps = await page.evaluate(async () => {
      const area = document.querySelector(".storyline-events")!.getBoundingClientRect();
      const inView = (rect: DOMRect) => rect.right > area.left && rect.left < area.right;
      const seen: {
        zoomingIn: boolean;
        points: [string, number][];
        bars: [string, number, number][];
        labels: number[][];
      }[] = [];
      // Slowly in to where single events show, then a burst in and out.
      const slowly = Array(9).fill(-150);
      for (const [step, deltaY] of [...slowly, ...Array(6).fill(-150), ...Array(6).fill(150)].entries()) {
        window.wheelOnStage(deltaY, 0.3);
        if (step < slowly.length) {
          await new Promise((resolve) => setTimeout(resolve, 250));
          continue;
        }
        await new Promise((resolve) => setTimeout(resolve, 0));
        const shown: (typeof seen)[number] = { zoomingIn: deltaY < 0, points: [], bars: [], labels: [] };
        for (const item of document.querySelectorAll(".storyline-events > li")) {
          const id = item.getAttribute("data-event-id");
          const mark = item.querySelector(".storyline-mark")!.getBoundingClientRect();
          if (id && inView(mark) && item.classList.contains("storyline-point"))
            shown.points.push([id, (mark.left + mark.right) / 2]);
          // A bar's end past the edge of the time area is cut short there: only ends in view.
          else if (id && inView(mark))
            shown.bars.push([id, mark.left > area.left ? mark.left : NaN, mark.right < area.right ? mark.right : NaN]);
          const label = item.querySelector(".storyline-label")!;
          const text = label.getBoundingClientRect();
          if (getComputedStyle(label).visibility !== "hidden" && inView(text))
            shown.labels.push([text.left, text.right, text.top, text.bottom]);
        }
        seen.push(shown);
      }
      return seen;
    });
    // On one step's axis, places are a straight line of dates (the story has no breaks): an
    // item left where an earlier step put it, or a bar drawn too long or short, is off that line.
    // Bars are checked zooming in: a scene cuts a bar that reaches far past the screen short,
    // and zooming out, such an end can come into view before the scene is composed again.
    let checked = 0;
    for (const { zoomingIn, points, bars, labels } of steps) {
      // No label is drawn over another.
      for (const [i, a] of labels.entries())
        for (const b of labels.slice(i + 1)) {
          const overlap = Math.min(a[1], b[1]) - Math.max(a[0], b[0]);
          const rows = Math.min(a[3], b[3]) - Math.max(a[2], b[2]);
          expect(overlap > 1 && rows > 1, `labels at ${a} and ${b}`).toBe(false);
        }
      const dated = points.filter(([id]) => instants.has(id)).map(([id, x]) => [instants.get(id)!, x]);
      if (dated.length < 3) continue;
      const [first, last] = [
        dated.reduce((a, b) => (b[0] < a[0] ? b : a)),
        dated.reduce((a, b) => (b[0] > a[0] ? b : a)),
      ];
      if (last[0] === first[0]) continue;
      const at = (date: number) => first[1] + ((date - first[0]) * (last[1] - first[1])) / (last[0] - first[0]);
      for (const [date, x] of dated) expect(Math.abs(at(date) - x)).toBeLessThan(1.5);
      for (const [id, left, right] of zoomingIn ? bars : []) {
        const [start, end] = ranges.get(id)!;
        if (!Number.isNaN(left)) expect(Math.abs(at(start) - left), `${id}'s start`).toBeLessThan(1.5);
        if (!Number.isNaN(right)) expect(Math.abs(at(end) - right), `${id}'s end`).toBeLessThan(1.5);
      }
      checked += dated.length + (zoomingIn ? bars.length : 0);
    }
    expect(checked).toBeGreaterThan(30);
  });
});
