// Compressed empty gaps: the demo story's first view, with its empty decades drawn as short breaks,
// shows most events one by one, the four key events among them, and no label over another label
// or a mark; zooming across a break keeps the instant under the pointer; breaks can be turned off.
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { TimelinePage } from "./timeline-page";

const KEY_EVENTS = ["nato-accession", "cyberattack-july-2022", "severs-ties-with-iran", "rama-visits-israel"];

type Box = { x: number; y: number; width: number; height: number };

/** What the time area draws: each event's mark, and each shown label, as boxes on screen. */
async function drawn(page: Page) {
  return page.evaluate(() => {
    const box = (element: Element) => {
      const { x, y, width, height } = element.getBoundingClientRect();
      return { x, y, width, height };
    };
    const items = [...document.querySelectorAll(".storyline-stage li")];
    return {
      events: items.filter((item) => item.hasAttribute("data-event-id")).map((item) => item.getAttribute("data-event-id")!),
      marks: items.map((item) => ({ id: item.getAttribute("data-event-id") ?? "cluster", box: box(item.querySelector(".storyline-mark")!) })),
      labels: items
        .map((item) => ({ id: item.getAttribute("data-event-id") ?? "cluster", label: item.querySelector(".storyline-label")! }))
        .filter(({ label }) => getComputedStyle(label).visibility !== "hidden" && label.getBoundingClientRect().width > 0)
        .map(({ id, label }) => ({ id, box: box(label) })),
    };
  });
}

const overlap = (a: Box, b: Box) =>
  Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x) > 0.5 &&
  Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y) > 0.5;

test("the first view shows the story's shape: most events one by one, key events, no overlaps", async ({ page, isMobile }, info) => {
  const timeline = new TimelinePage(page);
  await timeline.openStory();
  await page.waitForTimeout(300);
  const { events, marks, labels } = await drawn(page);
  await page.screenshot({ path: info.outputPath("first-view.png") });
  await info.attach("first-view", { path: info.outputPath("first-view.png"), contentType: "image/png" });

  expect(events.length).toBeGreaterThanOrEqual(isMobile ? 12 : 16);
  for (const id of KEY_EVENTS) expect(events).toContain(id);
  for (const [at, a] of labels.entries()) {
    for (const b of labels.slice(at + 1)) expect(overlap(a.box, b.box), `${a.id} over ${b.id}`).toBe(false);
    for (const mark of marks) {
      if (mark.id !== a.id) expect(overlap(a.box, mark.box), `${a.id} over the mark of ${mark.id}`).toBe(false);
    }
  }

  // The empty decades are marked as breaks, each with its length where it fits.
  await expect(page.locator("path.storyline-break")).toHaveAttribute("d", /M/);
  if (!isMobile) await expect(page.locator(".storyline-break-label").first()).toHaveText(/^\d+ yrs$/);
  // The axis still says where each stretch is: a year of the backstory, and 2022.
  const years = await page.locator(".storyline-axis-major .storyline-tick-label").allTextContents();
  expect(years.some((label) => /^(19[4-9]\d|20(0\d|1\d))$/.test(label)), years.join(" | ")).toBe(true);
  expect(years.some((label) => /2022$/.test(label)), years.join(" | ")).toBe(true);
  expect(timeline.consoleErrors).toEqual([]);
});

test("zooming across a break keeps the instant under the pointer", async ({ page, isMobile }) => {
  test.skip(isMobile, "the wheel is a desktop gesture; pinches share the same arithmetic (native tests)");
  const timeline = new TimelinePage(page);
  await timeline.openStory();
  const mark = timeline.event("nato-accession").locator(".storyline-mark");
  const before = await mark.boundingBox();
  const x = before!.x + before!.width / 2;
  const stage = await timeline.stage.boundingBox();
  await page.mouse.move(x, stage!.y + stage!.height - 10);
  for (let step = 0; step < 4; step++) {
    await page.keyboard.down("Control");
    await page.mouse.wheel(0, -200);
    await page.keyboard.up("Control");
    await page.waitForTimeout(120);
  }
  // The view zoomed in (a break is wider now) and NATO's accession stayed under the pointer.
  await expect.poll(async () => {
    const after = await mark.boundingBox();
    return after ? Math.abs(after.x + after.width / 2 - x) : Infinity;
  }).toBeLessThan(3);
  expect(timeline.consoleErrors).toEqual([]);
});

test("an embed can turn breaks off, and links keep naming real dates", async ({ page, isMobile }) => {
  const timeline = new TimelinePage(page);
  await page.goto("./embed/embed.html?src=../data/albania-iran-israel.json&breaks=off");
  await expect(timeline.event("nato-accession")).toHaveCount(1);
  await expect(page.locator("path.storyline-break")).toHaveAttribute("d", "");
  const { events } = await drawn(page);
  expect(events.length).toBeLessThan(isMobile ? 12 : 16);

  // With breaks on, a window written as dates opens on those dates.
  await page.goto("./#from=2022-09-01&to=2022-09-30");
  await expect(timeline.event("severs-ties-with-iran")).toHaveCount(1);
  await expect(timeline.event("nato-accession")).toHaveCount(0);
  await expect(page.locator(".storyline-axis-context")).toHaveText("September 2022");
});

test("breaks read right to left in a Hebrew story", async ({ page, isMobile }) => {
  const story = JSON.parse(readFileSync("data/albania-iran-israel.json", "utf8"));
  await page.route("**/hebrew.json", (route) =>
    route.fulfill({ contentType: "application/json", body: JSON.stringify({ ...story, language: "he" }) }),
  );
  const timeline = new TimelinePage(page);
  await page.goto("./?src=hebrew.json");
  await expect(timeline.root).toHaveAttribute("dir", "rtl");
  // Time runs right to left across the breaks: 1939 stands right of 2022.
  const x = async (id: string) => (await timeline.event(id).locator(".storyline-mark").boundingBox())!.x;
  expect(await x("shelters-jews-holocaust")).toBeGreaterThan(await x("nato-accession"));
  expect(await x("nato-accession")).toBeGreaterThan(await x("rama-visits-israel"));
  const { events } = await drawn(page);
  expect(events.length).toBeGreaterThanOrEqual(isMobile ? 12 : 16);
  // A break's length is in Hebrew, and sits inside its band (the band is mirrored with the axis).
  if (!isMobile) {
    const label = page.locator(".storyline-break-label").first();
    await expect(label).toHaveText(/^\d+ שנים$/);
  }
  expect(timeline.consoleErrors).toEqual([]);
});
