// Reading the story event by event: Previous and Next with "n of N", in time order, following the
// filters, from a deep link, by swiping on a phone, and from the title card's Start.
import { expect, test, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { expectNoViolations } from "./axe";
import { TimelinePage } from "./timeline-page";

type StoryEvent = { id: string; title: string; start: string; categories: string[] };
const story: { events: StoryEvent[] } = JSON.parse(readFileSync("data/albania-iran-israel.json", "utf8"));
// Time order: the demo's dates sort as text (same-day events keep the order written).
const key = (event: StoryEvent & { end?: string }) => [event.start, event.end ?? event.start];
const inTimeOrder = [...story.events].sort((a, b) => {
  const [x, y] = [key(a), key(b)];
  return x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0;
});
const total = inTimeOrder.length;

const bar = (page: Page) => page.getByRole("navigation", { name: "Event by event" });
const next = (page: Page) => bar(page).getByRole("button", { name: "Next event" });
const previous = (page: Page) => bar(page).getByRole("button", { name: "Previous event" });
const progress = (page: Page) => bar(page).locator(".storyline-progress");
const openTitle = (page: Page) => page.locator(".storyline-detail h3");

test("Next alone goes through every event in time order with its place, and Previous comes back", async ({ page }) => {
  const timeline = new TimelinePage(page);
  await timeline.openStory();
  await expect(progress(page)).toHaveText(`${total} events`);
  await expect(previous(page)).toBeDisabled();
  for (const [position, event] of inTimeOrder.entries()) {
    await next(page).click();
    await expect(openTitle(page)).toHaveText(event.title);
    await expect(progress(page)).toHaveText(`${position + 1} of ${total}`);
    // The time area keeps the open event in view.
    const mark = timeline.event(event.id).locator(".storyline-mark");
    await expect(mark).toBeInViewport();
  }
  await expect(next(page)).toBeDisabled();
  await expect(page).toHaveURL(new RegExp(`#event=${inTimeOrder[total - 1].id}`));
  await previous(page).click();
  await expect(openTitle(page)).toHaveText(inTimeOrder[total - 2].title);
  await expect(progress(page)).toHaveText(`${total - 1} of ${total}`);
  // The keyboard reaches both buttons and they work with Enter.
  await previous(page).focus();
  await page.keyboard.press("Enter");
  await expect(progress(page)).toHaveText(`${total - 2} of ${total}`);
  await page.keyboard.press("Tab");
  await expect(next(page)).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(progress(page)).toHaveText(`${total - 1} of ${total}`);
  expect(timeline.consoleErrors).toEqual([]);
});

test("filters change N and the steps skip hidden events", async ({ page }) => {
  const timeline = new TimelinePage(page);
  await timeline.openStory();
  const cyber = inTimeOrder.filter((event) => event.categories.includes("cyber"));
  expect(cyber.length).toBeGreaterThan(1);
  // Show only the cyber events: every other category off.
  await page.getByRole("button", { name: "None", exact: true }).click();
  await timeline.categoryButton("cyber").click();
  await expect(progress(page)).toHaveText(`${cyber.length} events`);
  await next(page).click();
  await expect(openTitle(page)).toHaveText(cyber[0].title);
  await expect(progress(page)).toHaveText(`1 of ${cyber.length}`);
  await next(page).click();
  await expect(openTitle(page)).toHaveText(cyber[1].title);
  await expect(progress(page)).toHaveText(`2 of ${cyber.length}`);
});

test("a deep link into the middle, then Next", async ({ page }) => {
  const middle = inTimeOrder.findIndex((event) => event.id === "severs-ties-with-iran");
  await page.goto("./#event=severs-ties-with-iran");
  await expect(openTitle(page)).toHaveText(inTimeOrder[middle].title);
  await expect(progress(page)).toHaveText(`${middle + 1} of ${total}`);
  await next(page).click();
  await expect(openTitle(page)).toHaveText(inTimeOrder[middle + 1].title);
  await expect(progress(page)).toHaveText(`${middle + 2} of ${total}`);
  await expect(page).toHaveURL(new RegExp(`#event=${inTimeOrder[middle + 1].id}`));
});

test("on a touch screen a swipe on the details moves to the next or previous event", async ({ page }, info) => {
  test.skip(info.project.name !== "phone", "swipes are for touch screens");
  const timeline = new TimelinePage(page);
  await timeline.openStory();
  await next(page).click();
  await next(page).click();
  await expect(progress(page)).toHaveText(`2 of ${total}`);
  const client = await page.context().newCDPSession(page);
  const swipe = async (fromX: number, toX: number) => {
    const text = page.locator(".storyline-detail-text");
    await text.scrollIntoViewIfNeeded();
    const box = (await text.boundingBox())!;
    const y = box.y + 10;
    await client.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x: fromX, y }] });
    for (let step = 1; step <= 5; step++) {
      const x = fromX + ((toX - fromX) * step) / 5;
      await client.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [{ x, y: y + step }] });
    }
    await client.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  };
  await swipe(300, 80);
  await expect(progress(page)).toHaveText(`3 of ${total}`);
  await expect(openTitle(page)).toHaveText(inTimeOrder[2].title);
  await swipe(80, 300);
  await expect(progress(page)).toHaveText(`2 of ${total}`);
  // A short or mostly vertical move is not a swipe.
  await swipe(200, 180);
  await expect(progress(page)).toHaveText(`2 of ${total}`);
});

test("the title card opens the story, Start begins it and Previous returns to it", async ({ page }) => {
  await page.goto("/embed/embed.html?src=/data/albania-iran-israel.json&title-card=true");
  const card = page.locator(".storyline-title-card");
  // Under the story's title and description: its size and span, and Start.
  await expect(page.locator(".storyline-title")).toContainText("Albania, Iran and Israel");
  // The story's span in years, from its first start to its last end (the UN term runs into 2023).
  const years = story.events.flatMap((event) => [event.start, (event as { end?: string }).end ?? event.start]).map((date) => Number(date.slice(0, 4)));
  await expect(card).toContainText(`${total} events, from ${Math.min(...years)} to ${Math.max(...years)}`);
  await expectNoViolations(page);
  await card.getByRole("button", { name: "Start" }).click();
  await expect(openTitle(page)).toHaveText(inTimeOrder[0].title);
  await expect(progress(page)).toHaveText(`1 of ${total}`);
  await expect(previous(page)).toBeEnabled();
  await previous(page).click();
  await expect(card).toBeVisible();
  await expect(openTitle(page)).toHaveCount(0);
});
