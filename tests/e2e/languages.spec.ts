// The story's languages: Hebrew and Persian mirror the whole timeline (time runs right to left),
// Albanian data speaks Albanian; words come from the tables, dates from the browser's Intl.
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { expectNoViolations } from "./axe";
import { TimelinePage } from "./timeline-page";

const story = JSON.parse(readFileSync("data/albania-iran-israel.json", "utf8"));

test("a Hebrew timeline is mirrored, with Hebrew words and month names", async ({ page }, info) => {
  await page.route("**/hebrew.json", (route) =>
    // On one even scale, two years show month ticks (breaks in right-to-left: tests/e2e/breaks.spec.ts).
    route.fulfill({ contentType: "application/json", body: JSON.stringify({ ...story, language: "he", breaks: false }) }),
  );
  const timeline = new TimelinePage(page);
  await page.goto("./?src=hebrew.json#from=2021-06-01&to=2023-06-01");
  await expect(timeline.root).toHaveAttribute("dir", "rtl");
  await expect(timeline.root).toHaveAttribute("lang", "he");
  await expect(page.getByRole("button", { name: "הגדלה", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "הצג הכול", exact: true })).toBeVisible();

  // Month ticks are Hebrew, and later months stand further left: time runs right to left.
  const ticks = page.locator(".storyline-axis-minor .storyline-tick");
  const labels = await ticks.allTextContents();
  expect(labels.join(" ")).toMatch(/אוק|ספט|יולי|ינו/);
  const positions = await ticks.evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect().left));
  for (let i = 1; i < positions.length; i++) expect(positions[i]).toBeLessThan(positions[i - 1]);
  // So does the October visit relative to the July cyberattack.
  const x = async (id: string) => (await timeline.event(id).locator(".storyline-mark").boundingBox())!.x;
  expect(await x("rama-visits-israel")).toBeLessThan(await x("cyberattack-july-2022"));

  // Dates in the detail panel are Hebrew too.
  await timeline.openWithKeyboard("rama-visits-israel");
  await expect(timeline.detail.locator(".storyline-detail-date")).toContainText("באוקטובר");
  // Keyboard order follows the reading direction: Left goes to the next (later) event.
  await page.keyboard.press("ArrowLeft");
  await expect(timeline.detail.locator("h3")).toContainText("Jerusalem event");
  await page.screenshot({ path: info.outputPath("hebrew.png"), fullPage: true });
});

test("the Albanian story speaks Albanian", async ({ page }) => {
  const timeline = new TimelinePage(page);
  await page.goto("./?src=data/albania-iran-israel.sq.json");
  await expect(timeline.root).toHaveAttribute("lang", "sq");
  await expect(timeline.root).toHaveAttribute("dir", "ltr");
  await expect(page.getByRole("button", { name: "Zmadho", exact: true })).toBeVisible();
  await timeline.openWithKeyboard("nato-accession");
  await expect(timeline.detail.locator(".storyline-detail-date")).toContainText("prill 2009");
  await expect(page.locator(".storyline-count")).toHaveText("19 ngjarje");
});

// The reader's code carries English's words only: a story in another language fetches its own
// from `words/<tag>.txt` beside the code (src/ui/word_files.rs).
test("only a story in another language fetches its words: each language once per page, from beside the code, before it shows", async ({ page }) => {
  const wordFiles: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/words/")) wordFiles.push(new URL(request.url()).pathname);
  });
  const timeline = new TimelinePage(page);
  await page.goto("./");
  await expect(page.getByRole("button", { name: "Zoom in", exact: true })).toBeVisible();
  await expect(timeline.event("nato-accession")).toBeVisible();
  expect(wordFiles).toEqual([]);

  // Script embeds of the Albanian story, twice, and of a Hebrew one, on a page in another folder
  // than the loader's.
  await page.route("**/hebrew.json", (route) =>
    route.fulfill({ contentType: "application/json", body: JSON.stringify({ ...story, language: "he" }) }),
  );
  await page.route("**/fixtures/albanian-host.html", (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><script src="/embed/storyline.js"></script></head>
        <body><div class="storyline-embed" id="one" data-src="/data/albania-iran-israel.sq.json" data-height="420"></div>
        <div class="storyline-embed" id="two" data-src="/hebrew.json" data-height="420"></div>
        <div class="storyline-embed" id="three" data-src="/data/albania-iran-israel.sq.json" data-height="420"></div></body></html>`,
    }),
  );
  await page.goto("/fixtures/albanian-host.html");
  for (const [id, zoomIn, count] of [["#one", "Zmadho", "19 ngjarje"], ["#two", "הגדלה", "19 אירועים"], ["#three", "Zmadho", "19 ngjarje"]]) {
    const embed = page.locator(id);
    await embed.scrollIntoViewIfNeeded();
    await expect(embed.getByRole("button", { name: zoomIn, exact: true })).toBeVisible();
    await expect(embed.locator(".storyline-count")).toHaveText(count);
  }
  expect(wordFiles.sort()).toEqual(["/embed/words/he.txt", "/embed/words/sq.txt"]);
});

test("an embed's language has its words asked for while the story is still on its way, and its skeleton speaks it", async ({ page }) => {
  // The story (without a language of its own) is answered only once the skeleton says it is
  // loading in Albanian, which it can only once the words came without the story.
  await page.route("**/held-story.json", async (route) => {
    await expect(page.locator(".storyline-skeleton")).toHaveAttribute("aria-label", "Vija kohore po ngarkohet");
    await route.fulfill({ contentType: "application/json", body: JSON.stringify({ ...story, language: undefined }) });
  });
  await page.goto("/embed/embed.html?src=/held-story.json&lang=sq");
  await expect(page.getByRole("button", { name: "Zmadho", exact: true })).toBeVisible();
  await expect(page.locator("section.storyline")).toHaveAttribute("lang", "sq");
});

test("where its words cannot be had, a story shows English's, still in its own direction", async ({ page }) => {
  const timeline = new TimelinePage(page);
  await page.route("**/hebrew.json", (route) =>
    route.fulfill({ contentType: "application/json", body: JSON.stringify({ ...story, language: "he" }) }),
  );
  // Unreachable.
  await page.route("**/words/he.txt", (route) => route.abort());
  await page.goto("./?src=hebrew.json");
  await expect(timeline.root).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("button", { name: "Zoom in", exact: true })).toBeVisible();
  await expect(timeline.event("rama-visits-israel")).toBeVisible();

  // Written for another version of the words: not read at all.
  await page.unroute("**/words/he.txt");
  await page.route("**/words/he.txt", (route) =>
    route.fulfill({ contentType: "text/plain", body: "storyline-words 1\nהגדלה\nהקטנה\n" }),
  );
  await page.goto("./?src=hebrew.json");
  await expect(timeline.root).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("button", { name: "Zoom in", exact: true })).toBeVisible();
  await expect(page.locator(".storyline-count")).toHaveText("19 events");

  // A server that never answers: the story shows after five seconds, in English's words.
  await page.unroute("**/words/he.txt");
  await page.route("**/words/he.txt", () => {});
  await page.goto("./?src=hebrew.json");
  await expect(page.getByRole("button", { name: "Zoom in", exact: true })).toBeVisible({ timeout: 9_000 });
  await expect(timeline.root).toHaveAttribute("dir", "rtl");
});

test("a timeline taken down while its words are on their way leaves the page calm, and comes back in them", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  await page.route("**/hebrew.json", (route) =>
    route.fulfill({ contentType: "application/json", body: JSON.stringify({ ...story, language: "he" }) }),
  );
  // The words are held until released.
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/embed/words/he.txt", async (route) => {
    await released;
    await route.continue();
  });
  await page.goto("/fixtures/spa-host.html");
  await expect(page.locator('#one [data-event-id="nato-accession"]')).toHaveCount(1);
  const wordsAsked = page.waitForRequest((request) => request.url().endsWith("/embed/words/he.txt"));
  await page.evaluate(() => {
    const element = document.createElement("div");
    element.className = "storyline-embed";
    element.id = "hebrew";
    element.dataset.src = "/hebrew.json";
    document.querySelector("#view")!.prepend(element);
  });
  const hebrew = page.locator("#hebrew");
  // Its story is read; it waits for its words.
  await wordsAsked;
  await expect(hebrew.locator("[role=status]")).toHaveCount(1);
  expect(await page.evaluate(() => (window as any).Storyline.unmount(document.querySelector("#hebrew")))).toBe(true);
  release();
  // Mounted again, it shows its story in Hebrew's words; the English timeline beside it never noticed.
  await page.evaluate(() => (window as any).Storyline.mount(document.querySelector("#hebrew")));
  await expect(hebrew.getByRole("button", { name: "הגדלה", exact: true })).toBeVisible();
  await expect(hebrew.locator("section.storyline")).toHaveCount(1);
  await expect(page.locator("#one").getByRole("button", { name: "Zoom in", exact: true })).toBeVisible();
  expect(errors).toEqual([]);
});

test("a loader that names no word folder (older than the word files) gets English's words, never the article's folder's", async ({ page }) => {
  const wordFiles: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/words/")) wordFiles.push(new URL(request.url()).pathname);
  });
  await page.route("**/hebrew.json", (route) =>
    route.fulfill({ contentType: "application/json", body: JSON.stringify({ ...story, language: "he" }) }),
  );
  await page.goto("/fixtures/spa-host.html");
  await expect(page.locator('#one [data-event-id="nato-accession"]')).toHaveCount(1);
  // As an old loader calls it: three arguments, no folder.
  await page.evaluate(async () => {
    const module = await import("/embed/storyline-embed.js");
    const element = document.createElement("div");
    element.id = "old-loader";
    element.style.height = "420px";
    document.body.append(element);
    module.mount_embed(element, { src: new URL("/hebrew.json", location.href).href }, undefined);
  });
  const old = page.locator("#old-loader");
  await expect(old.locator("section.storyline")).toHaveAttribute("dir", "rtl");
  await expect(old.getByRole("button", { name: "Zoom in", exact: true })).toBeVisible();
  expect(wordFiles).toEqual([]);
});

// The demo's dates, sources and colours with Persian titles, as a Persian newsroom would publish it.
const PERSIAN_TITLES: Record<string, string> = {
  "nato-accession": "آلبانی به ناتو پیوست",
  "cyberattack-july-2022": "حملهٔ سایبری خدمات دولتی آلبانی را از کار انداخت",
  "severs-ties-with-iran": "آلبانی روابط دیپلماتیک خود را با ایران قطع کرد",
  "second-cyberattack-border-systems": "حملهٔ سایبری دوم سامانهٔ کنترل مرزی آلبانی را هدف گرفت",
  "israel-offers-cyber-help": "اسرائیل برای دفاع سایبری به آلبانی پیشنهاد کمک داد",
  "rama-visits-israel": "ادی راما، نخست\u200cوزیر آلبانی، به اسرائیل سفر کرد",
};
const PERSIAN_CATEGORIES: Record<string, string> = {
  cyber: "سایبری",
  diplomacy: "دیپلماسی",
  security: "امنیت",
  history: "تاریخ",
  humanitarian: "بشردوستانه",
};
/** A number in Persian digits, as Storyline writes every number in a Persian story. */
const persian = (number: number | string) => String(number).replace(/[0-9]/g, (digit) => "۰۱۲۳۴۵۶۷۸۹"[Number(digit)]);

const persianStory = {
  version: 1,
  title: "آلبانی، ایران و اسرائیل: حمله\u200cهای سایبری و اتحادها",
  description: "چگونه حمله\u200cای سایبری که به ایران نسبت داده شد، آلبانی را به قطع روابط با تهران و نزدیکی به اسرائیل رساند.",
  language: "fa",
  breaks: false,
  categories: story.categories.map((category: { id: string }) => ({ ...category, label: PERSIAN_CATEGORIES[category.id] })),
  events: story.events
    .filter((event: { id: string }) => event.id in PERSIAN_TITLES)
    .map(({ text: _text, media: _media, ...event }: { id: string; text?: string; media?: unknown }) => ({
      ...event,
      title: PERSIAN_TITLES[event.id],
    })),
};

async function openPersianStory(page: Page, hash: string, events: object[] = persianStory.events) {
  await page.route("**/persian.json", (route) =>
    route.fulfill({ contentType: "application/json", body: JSON.stringify({ ...persianStory, events }) }),
  );
  const timeline = new TimelinePage(page);
  await page.goto(`./?src=persian.json${hash}`);
  await expect(timeline.root).toHaveAttribute("lang", "fa");
  return timeline;
}

test("a Persian timeline is mirrored, with Persian words and Gregorian dates in Persian digits", async ({ page }, info) => {
  const timeline = await openPersianStory(page, "#from=2022-06-01&to=2022-12-01");
  await expect(timeline.root).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("button", { name: "بزرگ\u200cنمایی", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "کوچک\u200cنمایی", exact: true })).toBeVisible();
  await expect(page.getByRole("group", { name: "زوم", exact: true })).toBeVisible();
  await expect(page.locator(".storyline-count")).toHaveText("۶ رویداد");
  // The narrative bar counts in Persian digits too.
  await expect(page.locator(".storyline-progress")).toHaveText("۶ رویداد");

  // Time runs right to left: the July cyberattack stands to the right of the October visit.
  const x = async (id: string) => (await timeline.event(id).locator(".storyline-mark").boundingBox())!.x;
  expect(await x("cyberattack-july-2022")).toBeGreaterThan(await x("rama-visits-israel"));

  // Ticks name the Gregorian months they stand on, in Persian, never the Solar Hijri months
  // (مهر, آبان...) that Intl's default Persian calendar would give; later ticks stand further left.
  const axis = await timeline.axis.textContent();
  expect(axis).toMatch(/ژوئیه|اوت|سپتامبر|اکتبر|نوامبر/);
  expect(axis).not.toMatch(/فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند/);
  const ticks = page.locator(".storyline-axis-minor .storyline-tick");
  const positions = await ticks.evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect().left));
  expect(positions.length).toBeGreaterThan(1);
  for (let i = 1; i < positions.length; i++) expect(positions[i]).toBeLessThan(positions[i - 1]);
  // Every number on the axis is written in Persian digits, like the dates below it.
  expect(axis).toContain("۲۰۲۲");
  expect(axis).not.toMatch(/[0-9]/);

  // The detail panel's date is the browser's Persian: the range shares its month and year.
  await timeline.openWithKeyboard("rama-visits-israel");
  await expect(timeline.detail.locator("h3")).toHaveText(PERSIAN_TITLES["rama-visits-israel"]);
  await expect(timeline.detail.locator(".storyline-detail-date")).toHaveText("۲۳ تا ۲۵ اکتبر ۲۰۲۲");
  await expect(page.getByRole("button", { name: "بستن جزئیات", exact: true })).toBeVisible();
  // Keyboard order follows the reading direction: Right goes to the earlier event.
  await page.keyboard.press("ArrowRight");
  await expect(timeline.detail.locator("h3")).toHaveText(PERSIAN_TITLES["israel-offers-cyber-help"]);
  await expectNoViolations(page);
  if (info.project.name === "phone") await page.screenshot({ path: "/tmp/fa-phone.png", fullPage: true });
  await page.screenshot({ path: info.outputPath("persian.png"), fullPage: true });

  // The list reads the window in order, with Persian words and dates.
  await page.getByRole("button", { name: "فهرست", exact: true }).click();
  const list = page.getByRole("region", { name: "فهرست رویدادها" });
  await expect(list).toContainText(/^[۰-۹]+ رویداد از ۲۰۲۲ تا ۲۰۲۲، به ترتیب زمانی\./);
  const entry = list.locator('[data-list-event-id="cyberattack-july-2022"]');
  await expect(entry.locator(".storyline-detail-date")).toHaveText("۱۵ ژوئیهٔ ۲۰۲۲");
  await expect(entry.getByRole("heading")).toHaveText(PERSIAN_TITLES["cyberattack-july-2022"]);
  await expectNoViolations(page);
});

test("a Persian story's clusters and filters speak Persian", async ({ page }) => {
  // A dozen reactions on the day after the break with Iran: more than the lanes can hold, so some
  // are counted together.
  const reactions = Array.from({ length: 12 }, (_, n) => ({
    id: `reaction-${n + 1}`,
    start: "2022-09-08",
    title: `واکنش ${n + 1} به قطع روابط با ایران`,
    categories: ["diplomacy"],
  }));
  const timeline = await openPersianStory(page, "#from=2022-06-01&to=2022-12-01", [
    ...persianStory.events,
    ...reactions,
  ]);
  const cluster = page.locator("[data-cluster-count]").first();
  await expect(cluster).toBeVisible();
  const count = await cluster.getAttribute("data-cluster-count");
  // Gathered under the lanes, its label never shows: its count is on its badge, and its words
  // are in its name.
  await expect(cluster).toHaveClass(/storyline-gathered/);
  await expect(cluster.locator(".storyline-label")).toBeHidden();
  await expect(cluster.locator(".storyline-mark")).toHaveText(persian(count!));
  await expect(cluster.locator("button")).toHaveAttribute(
    "aria-label",
    new RegExp(`^${persian(count!)} رویداد از .+ تا .+: برای دیدنشان زوم کنید$`),
  );
  // Its first and last days are written as the rest of the story's dates are: in Persian words
  // and digits ("۸ سپتامبر ۲۰۲۲"), not as ISO dates.
  await expect(cluster.locator("button")).toHaveAttribute("aria-label", /از ۸ سپتامبر ۲۰۲۲ تا [۸۹] سپتامبر ۲۰۲۲:/);
  await expect.poll(() => timeline.eventTotal()).toBe(17);
  await expect(page.locator(".storyline-count")).toHaveText("۱۸ رویداد");

  // A category turned off counts what is left, in Persian.
  const cyber = timeline.categoryButton("cyber");
  await expect(cyber).toContainText("سایبری");
  await cyber.click();
  await expect(page.locator(".storyline-count")).toHaveText("نمایش ۱۵ از ۱۸ رویداد");
  // So does each category chip's count.
  await expect(cyber).toContainText("۳");
  await expectNoViolations(page);
});

test("where the browser's Intl lacks Persian, Storyline writes the Gregorian dates with Persian month names and digits", async ({ page }) => {
  await page.addInitScript(() => {
    const supported = Intl.DateTimeFormat.supportedLocalesOf;
    Intl.DateTimeFormat.supportedLocalesOf = (locales, options) =>
      supported([locales ?? []].flat().filter((tag) => !String(tag).startsWith("fa")), options);
  });
  const timeline = await openPersianStory(page, "#from=2022-06-01&to=2022-12-01");
  await expect(timeline.root).toHaveAttribute("dir", "rtl");
  const axis = await timeline.axis.textContent();
  expect(axis).toMatch(/ژوئیه|اوت|سپتامبر|اکتبر|نوامبر/);
  expect(axis).toContain("۲۰۲۲");
  expect(axis).not.toMatch(/[0-9]/);
  await timeline.openWithKeyboard("rama-visits-israel");
  await expect(timeline.detail.locator(".storyline-detail-date")).toHaveText("۲۳–۲۵ اکتبر ۲۰۲۲");
});
