// Exploring the story like a reader: zoom, pan, the overview brush, filters, keyboard and links.
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { TimelinePage } from "./timeline-page";

/** The demo story on one even scale (no breaks), where zooming in goes from years to months. */
async function withoutBreaks(page: Page) {
  const story = JSON.parse(readFileSync("data/albania-iran-israel.json", "utf8"));
  await page.route("**/data/albania-iran-israel.json", (route) =>
    route.fulfill({ contentType: "application/json", body: JSON.stringify({ ...story, breaks: false }) }),
  );
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

async function centreOf(page: Page, selector: string) {
  const box = (await page.locator(selector).first().boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Where an event's mark is drawn, horizontally. */
async function markX(timeline: TimelinePage, id: string) {
  const box = await timeline.event(id).locator(".storyline-mark").boundingBox();
  return box ? box.x + box.width / 2 : NaN;
}

/** Waits until a locator's box stops moving (a glide has finished). */
async function settledBox(page: Page, selector: string) {
  let previous = await page.locator(selector).boundingBox();
  for (let i = 0; i < 50; i++) {
    await page.waitForTimeout(60);
    const current = await page.locator(selector).boundingBox();
    if (JSON.stringify(current) === JSON.stringify(previous)) return current!;
    previous = current;
  }
  throw new Error(`${selector} kept moving`);
}

/** Touches the screen through Chromium's touch emulation: one or more fingers along paths. */
async function touch(page: Page, paths: { x: number; y: number }[][], steps = 8) {
  const cdp = await page.context().newCDPSession(page);
  const at = (i: number) =>
    paths.map((path, id) => {
      const t = i / steps;
      const [a, b] = [path[0], path[path.length - 1]];
      return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t, id };
    });
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: at(0) });
  for (let i = 1; i <= steps; i++) {
    await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: at(i) });
  }
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
}

test("Ctrl + wheel over 2022 zooms in until months show and the October visit is labelled", async ({ page }, info) => {
  test.skip(info.project.name === "phone", "phones have no wheel; pinch is tested below");
  await withoutBreaks(page);
  const timeline = new TimelinePage(page);
  await timeline.openStory();
  const visitLabel = timeline.event("rama-visits-israel").locator(".storyline-label");
  const visitMark = '[data-event-id="rama-visits-israel"] .storyline-mark';
  await page.keyboard.down("Control");
  for (let step = 0; step < 60; step++) {
    const months = (await timeline.minorTickLabels()).filter((label) => MONTHS.includes(label));
    const labelled = (await visitLabel.getAttribute("class"))?.includes("hidden") === false;
    if (months.length > 0 && labelled) break;
    // Like a reader, keep the pointer on the October visit while zooming.
    const { x, y } = await centreOf(page, visitMark);
    await page.mouse.move(x, y);
    await page.mouse.wheel(0, -120);
  }
  await page.keyboard.up("Control");
  expect((await timeline.minorTickLabels()).some((label) => MONTHS.includes(label))).toBeTruthy();
  await expect(visitLabel).toBeVisible();
  await expect(visitLabel).not.toHaveClass(/hidden/);
  await expect(page.locator(".storyline-axis-major")).toContainText("2022");
  // The label sits inside the time area, where a reader can see it.
  const stage = (await timeline.stage.boundingBox())!;
  const label = (await visitLabel.boundingBox())!;
  expect(label.x).toBeGreaterThanOrEqual(stage.x);
  expect(label.x + label.width).toBeLessThanOrEqual(stage.x + stage.width + 1);
  await page.screenshot({ path: info.outputPath("zoomed-2022.png") });
});

test("dragging the time area pans it", async ({ page }, info) => {
  const timeline = new TimelinePage(page);
  await timeline.openStory();
  const before = await markX(timeline, "nato-accession");
  const stage = (await timeline.stage.boundingBox())!;
  const from = { x: stage.x + stage.width * 0.6, y: stage.y + stage.height - 20 };
  const distance = -Math.round(stage.width * 0.3);
  if (info.project.name === "phone") {
    await touch(page, [[from, { x: from.x + distance, y: from.y }]]);
  } else {
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + distance, from.y, { steps: 8 });
    await page.mouse.up();
  }
  await expect.poll(() => markX(timeline, "nato-accession")).toBeCloseTo(before + distance, -1);
  await expect(timeline.sourceLinks()).toHaveCount(0);
});

test("a plain vertical wheel over the timeline scrolls the page", async ({ page }, info) => {
  test.skip(info.project.name === "phone", "phones scroll by touch, which the browser handles");
  const timeline = new TimelinePage(page);
  await timeline.openStory();
  await page.evaluate(() => (document.body.style.minHeight = "3000px"));
  const before = await markX(timeline, "nato-accession");
  const { x, y } = await centreOf(page, ".storyline-stage");
  await page.mouse.move(x, y);
  await page.mouse.wheel(0, 400);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(100);
  expect(Math.abs((await markX(timeline, "nato-accession")) - before)).toBeLessThan(1);
});

test("the overview brush pans, and its edges zoom", async ({ page }, info) => {
  const timeline = new TimelinePage(page);
  await timeline.openStory();
  // Zoom in first, so the brush is narrower than the strip.
  for (let i = 0; i < 3; i++) await page.getByRole("button", { name: "Zoom in", exact: true }).click();
  const brush = page.locator(".storyline-brush");
  const start = await settledBox(page, ".storyline-brush");
  expect(start.width).toBeLessThan(200);
  const years = () => page.locator(".storyline-axis").textContent();
  const before = await years();
  const from = { x: start.x + start.width / 2, y: start.y + start.height / 2 };
  const to = { x: from.x - 80, y: from.y };
  if (info.project.name === "phone") {
    await touch(page, [[from, to]]);
  } else {
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 6 });
    await page.mouse.up();
  }
  await expect.poll(async () => (await brush.boundingBox())!.x).toBeCloseTo(start.x - 80, -1);
  expect(await years()).not.toEqual(before);

  // Dragging the right edge outwards widens the window (zooms out).
  const moved = await settledBox(page, ".storyline-brush");
  const edge = { x: moved.x + moved.width - 2, y: moved.y + moved.height / 2 };
  if (info.project.name !== "phone") {
    await page.mouse.move(edge.x, edge.y);
    await page.mouse.down();
    await page.mouse.move(edge.x + 60, edge.y, { steps: 6 });
    await page.mouse.up();
    await expect.poll(async () => (await brush.boundingBox())!.width).toBeGreaterThan(moved.width + 40);
  }
});

test("clicking the overview beside the brush jumps there", async ({ page }) => {
  const timeline = new TimelinePage(page);
  await timeline.openStory();
  await timeline.stage.focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press("+");
  await settledBox(page, ".storyline-brush");
  const track = (await page.locator(".storyline-overview-track").boundingBox())!;
  await page.locator(".storyline-overview-track").click({ position: { x: track.width * 0.15, y: 10 } });
  const brush = (await page.locator(".storyline-brush").boundingBox())!;
  expect(Math.abs(brush.x + brush.width / 2 - (track.x + track.width * 0.15))).toBeLessThan(4);
});

test("Fit all brings every event back after zooming", async ({ page }) => {
  const timeline = new TimelinePage(page);
  await timeline.openStory();
  for (let i = 0; i < 4; i++) await page.getByRole("button", { name: "Zoom in", exact: true }).click();
  await expect.poll(() => timeline.eventTotal()).toBeLessThan(19);
  await page.getByRole("button", { name: "Zoom out", exact: true }).click();
  await page.getByRole("button", { name: "Fit all", exact: true }).click();
  await expect.poll(() => timeline.eventTotal()).toBe(19);
  await expect(timeline.event("shelters-jews-holocaust")).toBeVisible();
});

test("toggling cyber off hides the July cyberattack and keeps its count", async ({ page }) => {
  const timeline = new TimelinePage(page);
  await timeline.openStory();
  const cyber = timeline.categoryButton("cyber");
  await cyber.click();
  await expect(cyber).toHaveAttribute("aria-pressed", "false");
  await expect(timeline.event("cyberattack-july-2022")).toHaveCount(0);
  await expect(cyber).toContainText("5");
  await expect(page.locator(".storyline-count")).toHaveText("14 of 19 events shown");
  await expect(timeline.event("severs-ties-with-iran")).toHaveCount(1);
  await page.getByRole("button", { name: "None", exact: true }).click();
  await expect.poll(() => timeline.eventTotal()).toBe(0);
  await page.getByRole("button", { name: "All", exact: true }).click();
  await expect.poll(() => timeline.eventTotal()).toBe(19);
});

test("the keyboard alone reaches and opens the September severance", async ({ page }) => {
  const timeline = new TimelinePage(page);
  await timeline.openStory();
  const focusedEvent = () =>
    page.evaluate(() => document.activeElement?.closest("[data-event-id]")?.getAttribute("data-event-id") ?? null);
  for (let presses = 0; presses < 40 && !(await focusedEvent()); presses++) await page.keyboard.press("Tab");
  expect(await focusedEvent()).toBe("shelters-jews-holocaust");
  for (let presses = 0; presses < 30 && (await focusedEvent()) !== "severs-ties-with-iran"; presses++) {
    const before = await focusedEvent();
    await page.keyboard.press("ArrowRight");
    // A reader presses at human speed: the next event is drawn and focused before the next key.
    await expect.poll(focusedEvent).not.toBe(before);
  }
  expect(await focusedEvent()).toBe("severs-ties-with-iran");
  // Focus is visible: the browser draws the focus ring on the focused button.
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(outline).not.toBe("none");
  await page.keyboard.press("Enter");
  await expect(timeline.detail.locator("h3")).toContainText("severs");
  await expect(timeline.detail).toContainText("7 September 2022");
  // With the details open, Left moves to the previous event and the details follow.
  await page.keyboard.press("ArrowLeft");
  await expect(timeline.detail.locator("h3")).not.toContainText("severs");
  await expect(timeline.detail).toContainText("September 2022");
  await page.keyboard.press("End");
  expect(await focusedEvent()).toBe("machkevitch-waldorf-event");
  await page.keyboard.press("Escape");
  await expect(timeline.sourceLinks()).toHaveCount(0);
});

test("zoom keys work from anywhere in the timeline", async ({ page }) => {
  const timeline = new TimelinePage(page);
  await timeline.openStory();
  await timeline.stage.focus();
  const before = await markX(timeline, "nato-accession");
  await page.keyboard.press("+");
  await expect.poll(() => markX(timeline, "nato-accession")).not.toBeCloseTo(before, 0);
  await page.keyboard.press("0");
  await expect.poll(() => markX(timeline, "nato-accession")).toBeCloseTo(before, 0);
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => markX(timeline, "nato-accession")).toBeLessThan(before - 20);
});

test("a link to the October visit opens with it selected and in view", async ({ page }) => {
  const timeline = new TimelinePage(page);
  await page.goto("./#event=rama-visits-israel");
  await expect(timeline.detail.locator("h3")).toBeVisible();
  await expect(timeline.detail).toContainText("23–25 October 2022");
  await expect(timeline.event("rama-visits-israel")).toHaveClass(/storyline-selected/);
  const stage = (await timeline.stage.boundingBox())!;
  const mark = (await timeline.event("rama-visits-israel").locator(".storyline-mark").boundingBox())!;
  expect(mark.x).toBeGreaterThan(stage.x);
  expect(mark.x + mark.width).toBeLessThan(stage.x + stage.width);
  await expect(timeline.event("rama-visits-israel").locator(".storyline-label")).not.toHaveClass(/hidden/);
});

test("changing the view rewrites the link without adding history", async ({ page }) => {
  const timeline = new TimelinePage(page);
  await timeline.openStory();
  expect(new URL(page.url()).hash).toBe("");
  const historyLength = await page.evaluate(() => history.length);
  await timeline.openWithKeyboard("severs-ties-with-iran");
  await timeline.categoryButton("history").click();
  await page.getByRole("button", { name: "Zoom in", exact: true }).click();
  await expect.poll(() => new URL(page.url()).hash).toContain("event=severs-ties-with-iran");
  const hash = new URL(page.url()).hash;
  expect(hash).toContain("cats=cyber,diplomacy,security,humanitarian");
  expect(hash).toMatch(/from=\d{4}-\d\d-\d\d.*&to=\d{4}-\d\d-\d\d/);
  expect(await page.evaluate(() => history.length)).toBe(historyLength);
  // The same link restores the same view in a new page.
  const copy = await page.context().newPage();
  const restored = new TimelinePage(copy);
  await copy.goto(page.url());
  await expect(restored.detail).toContainText("7 September 2022");
  await expect(restored.categoryButton("history")).toHaveAttribute("aria-pressed", "false");
});

test("a broken link is ignored with a warning, never a crash", async ({ page }) => {
  const warnings: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "warning") warnings.push(message.text());
  });
  const timeline = new TimelinePage(page);
  await page.goto("./#event=no-such-event&cats=cyber,nope&from=yesterday&to=2022&zoom=3");
  await expect(timeline.event("nato-accession")).toHaveCount(0);
  await expect(timeline.event("cyberattack-july-2022")).toHaveCount(1);
  expect(warnings.some((text) => text.includes("no-such-event"))).toBeTruthy();
  expect(warnings.some((text) => text.includes("from=yesterday"))).toBeTruthy();
  expect(timeline.consoleErrors).toEqual([]);
});

test("two fingers pinch to zoom on a phone", async ({ page }, info) => {
  test.skip(info.project.name !== "phone", "touch only");
  const timeline = new TimelinePage(page);
  await timeline.openStory();
  const before = await timeline.minorTickLabels();
  const stage = (await timeline.stage.boundingBox())!;
  const y = stage.y + stage.height - 30;
  const centre = stage.x + stage.width * 0.8;
  await touch(page, [
    [{ x: centre - 20, y }, { x: centre - 120, y }],
    [{ x: centre + 20, y }, { x: centre + 60, y }],
  ]);
  await expect.poll(() => timeline.minorTickLabels()).not.toEqual(before);
  expect(await timeline.eventTotal()).toBeLessThan(19);
});

test("resizing keeps the same time window centred", async ({ page }, info) => {
  test.skip(info.project.name === "phone", "a phone's viewport does not resize");
  const timeline = new TimelinePage(page);
  await page.goto("./#event=severs-ties-with-iran");
  await expect(timeline.detail.locator("h3")).toBeVisible();
  const fraction = async () => {
    const stage = (await timeline.stage.boundingBox())!;
    return ((await markX(timeline, "severs-ties-with-iran")) - stage.x) / stage.width;
  };
  const before = await fraction();
  await page.setViewportSize({ width: 760, height: 720 });
  await expect.poll(async () => (await timeline.stage.boundingBox())!.width).toBeLessThan(760);
  await expect.poll(fraction).toBeCloseTo(before, 2);
});
