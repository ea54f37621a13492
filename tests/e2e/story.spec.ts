// The story timeline as a reader meets it: the four key events, their sources, no console errors.
import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import { TimelinePage } from "./timeline-page";

const SEED = "https://www.timesofisrael.com/citing-common-threat-from-iran-lapid-pledges-cyberdefense-help-to-albania/";

const KEY_EVENTS = [
  {
    id: "nato-accession",
    date: "1 April 2009",
    sources: ["http://english.china.org.cn/international/2009-04/02/content_17541787.htm", SEED],
  },
  {
    id: "cyberattack-july-2022",
    date: "15 July 2022",
    sources: [SEED, "https://keyt.com/news/2022/09/07/albania-cuts-diplomatic-ties-with-iran-over-july-cyberattack/"],
  },
  {
    id: "severs-ties-with-iran",
    date: "7 September 2022",
    sources: [
      "https://keyt.com/news/2022/09/07/albania-cuts-diplomatic-ties-with-iran-over-july-cyberattack/",
      "https://tass.com/world/1504445",
      "https://www.jpost.com/breaking-news/article-716539",
    ],
  },
  {
    id: "rama-visits-israel",
    date: "23–25 October 2022",
    sources: [
      SEED,
      "https://www.voanews.com/a/albania-israel-discuss-cybersecurity-after-iran-attack/6802582.html",
      "https://www.securityweek.com/israel-albanian-pm-meet-cyber-chief-after-iran-hack/",
    ],
  },
];

test("the story shows its key events, each with its sources", async ({ page }, testInfo) => {
  const timeline = new TimelinePage(page);
  await timeline.openStory();
  await expect(timeline.root).toHaveAttribute("role", "region");
  await expect(timeline.root).toHaveAttribute("aria-label", /Albania, Iran and Israel/);
  await expect(page.locator("button[data-category]")).toHaveCount(5);

  for (const event of KEY_EVENTS) {
    await expect(timeline.event(event.id)).toBeVisible();
    await timeline.openWithKeyboard(event.id);
    await expect(timeline.detail).toContainText(event.date);
    expect(await timeline.sourceHrefs()).toEqual(event.sources);
    for (const link of await timeline.sourceLinks().all()) {
      await expect(link).toHaveAttribute("target", "_blank");
      await expect(link).toHaveAttribute("rel", "noopener noreferrer");
    }
  }

  await page.screenshot({ path: testInfo.outputPath("story.png"), fullPage: true });
  expect(timeline.consoleErrors).toEqual([]);
});

test("the initial view fits every event and the axis names the year of each stretch", async ({ page }) => {
  const timeline = new TimelinePage(page);
  await timeline.openStory();
  await expect.poll(() => timeline.eventTotal()).toBe(19);
  // The empty decades are breaks; the axis names where each stretch between them starts.
  const years = await page.locator(".storyline-axis-major .storyline-tick-label").allTextContents();
  expect(years.some((label) => /^19[3-9]\d$|^\S+ 19[3-9]\d$/.test(label)), years.join(" | ")).toBeTruthy();
  expect(years.some((label) => /^20[0-2]\d$/.test(label)), years.join(" | ")).toBeTruthy();
  expect(years.some((label) => /2022$/.test(label)), years.join(" | ")).toBeTruthy();
  // Every event's mark lies inside the stage.
  const stage = (await timeline.stage.boundingBox())!;
  for (const mark of await page.locator(".storyline-mark").all()) {
    const box = (await mark.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(stage.x - 1);
    expect(box.x).toBeLessThanOrEqual(stage.x + stage.width);
  }
});

test("a year-precision date is shown as the year, not as 1 January", async ({ page }) => {
  const timeline = new TimelinePage(page);
  await timeline.openStory();
  await timeline.openWithKeyboard("hosts-mek-members");
  await expect(timeline.detail.locator(".storyline-detail-date")).toHaveText("2013");
  await timeline.openWithKeyboard("communist-government-collapses");
  await expect(timeline.detail.locator(".storyline-detail-date")).toHaveText("early 1990s");
  await page.keyboard.press("Escape");
  await expect(timeline.sourceLinks()).toHaveCount(0);
});

test("invalid data shows located problems instead of a blank box", async ({ page }) => {
  const timeline = new TimelinePage(page);
  await timeline.open("src=fixtures/bad-date.json");
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("can’t be shown");
  await expect(alert).toContainText("Line 9, column 16");
  await expect(alert).toContainText("month 13 does not exist");
  await expect(alert).toContainText("there is no category “sport”");
  await expect(alert).toContainText("storyline validate");
  await expect(timeline.root).toHaveCount(0);
});

test("data that cannot be fetched says so", async ({ page }) => {
  await page.goto("./?src=fixtures/missing.json");
  await expect(page.getByRole("alert")).toContainText("HTTP 404");
});

test("a story's bytes are read as UTF-8: a byte-order mark is skipped, and a byte that is not UTF-8 reads as a replacement character", async ({ page }) => {
  const story = JSON.parse(readFileSync("data/albania-iran-israel.json", "utf8"));
  const nato = story.events.find((event: { id: string }) => event.id === "nato-accession");
  nato.title = "Tiranë – Тирана – 地拉那 – STRAY";
  const [before, after] = JSON.stringify(story).split("STRAY");
  const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(before), Buffer.from([0xff]), Buffer.from(after)]);
  await page.route("**/bytes/story.json", (route) => route.fulfill({ body, contentType: "application/json" }));
  const timeline = new TimelinePage(page);
  await page.goto("./?src=bytes/story.json");
  await expect(timeline.event("nato-accession").locator("button")).toHaveAttribute("aria-label", /^Tiranë – Тирана – 地拉那 – \uFFFD, /);
  await expect(page.getByRole("alert")).toHaveCount(0);
});
