// The story without JavaScript: the demo and iframe pages carry the story as static HTML (rendered
// from the data at build time by `storyline render --format html`); a host page can put the same
// HTML inside its embed element, and with JavaScript the timeline replaces it without moving
// anything on the page.
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { expectNoViolations } from "./axe";

const story = JSON.parse(readFileSync("data/albania-iran-israel.json", "utf8"));
/** The static story exactly as the build put it into the demo page. */
const staticStory = (() => {
  const page = readFileSync("dist/index.html", "utf8");
  const start = page.indexOf('<article class="storyline-static"');
  const end = page.indexOf("</article>", start);
  if (start < 0 || end < 0) throw new Error("dist/index.html carries no static story: run make build");
  return page.slice(start, end + "</article>".length);
})();

async function expectTheWholeStory(page: Page) {
  // The one a reader sees (the demo page also keeps a copy for print, hidden on screen).
  const article = page.locator("article.storyline-static:visible");
  await expect(article.locator("h2")).toHaveText(story.title);
  await expect(article.locator("li.storyline-static-event")).toHaveCount(story.events.length);
  for (const event of story.events) {
    await expect(article.getByRole("heading", { level: 3, name: event.title, exact: true })).toBeVisible();
    for (const source of event.sources ?? []) {
      const link = article.locator(`li#storyline-event-${event.id} a.storyline-static-source[href="${source.url}"]`);
      await expect(link).toHaveCount(1);
      await expect(link).toHaveAttribute("rel", "noopener noreferrer");
    }
  }
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the demo page shows every event's title and source links", async ({ page }) => {
    await page.goto("./");
    await expectTheWholeStory(page);
    await expect(page.locator("time[datetime='2022-09-07']").first()).toHaveText("7 September 2022");
  });

  test("the iframe page shows its default story the same way", async ({ page }) => {
    await page.goto("./embed/embed.html");
    await expectTheWholeStory(page);
  });
});

test("the static story has no accessibility violations", async ({ page }) => {
  await page.setContent(
    `<!doctype html><html lang="en"><head><title>Static story</title></head><body><main>${staticStory}</main></body></html>`,
  );
  await expectTheWholeStory(page);
  await expectNoViolations(page);
});

/** An article that puts the static story inside its embed element, as the README shows: the
 * loader in the head gives the element its height and its timeline as the page is parsed, so the
 * static story is never painted with JavaScript, and shown in full without it. */
const HOST = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Host</title>
<script src="/embed/storyline.js"></script></head><body>
<h1>How Albania turned to Israel</h1><p>The article begins.</p>
<div class="storyline-embed" data-src="/data/albania-iran-israel.json" data-height="560">${staticStory}</div>
<p id="below">The article goes on below the timeline.</p></body></html>`;

test("a host page's static story is replaced by the timeline with no layout shift", async ({ page }) => {
  await page.route("**/fixtures/static-host.html", (route) => route.fulfill({ contentType: "text/html", body: HOST }));
  await page.addInitScript(() => {
    (window as unknown as { shifts: number }).shifts = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) {
        if (!entry.hadRecentInput) (window as unknown as { shifts: number }).shifts += entry.value;
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
  await page.goto("/fixtures/static-host.html");
  const below = page.locator("#below");
  const before = await below.boundingBox();
  // The timeline replaces the static story (the light DOM is hidden once the shadow root exists).
  await expect(page.locator(".storyline-embed [data-event-id='nato-accession']")).toHaveCount(1);
  await expect(page.locator("article.storyline-static")).toBeHidden();
  await page.waitForTimeout(500);
  expect(await below.boundingBox()).toEqual(before);
  expect(await page.evaluate(() => (window as unknown as { shifts: number }).shifts)).toBe(0);
});

test.describe("a host page without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("shows the static story in the embed element", async ({ page }) => {
    await page.route("**/fixtures/static-host.html", (route) => route.fulfill({ contentType: "text/html", body: HOST }));
    await page.goto("/fixtures/static-host.html");
    await expectTheWholeStory(page);
  });
});

/** A PDF's text, page by page, as pdf.js reads it. */
async function pdfText(pdf: Buffer): Promise<string> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const document = await pdfjs.getDocument({ data: new Uint8Array(pdf), disableFontFace: true }).promise;
  let text = "";
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent();
    text += content.items.map((item) => ("str" in item ? item.str : "")).join(" ") + "\n";
  }
  return text;
}

test.describe("printing", () => {
  test.skip(({ isMobile }) => isMobile, "paper has one size");

  test("the demo page prints the story as text (every title in the PDF) instead of the widget", async ({ page }, info) => {
    await page.goto("./");
    await expect(page.locator(".storyline-stage [data-event-id='nato-accession']")).toHaveCount(1);
    await expect(page.locator(".storyline-print-copy")).toBeHidden();
    await page.emulateMedia({ media: "print" });
    await expect(page.locator("main.storyline-page section.storyline")).toBeHidden();
    const copy = page.locator(".storyline-print-copy");
    for (const event of story.events) {
      await expect(copy.getByRole("heading", { level: 3, name: event.title, exact: true })).toBeVisible();
    }
    const pdf = await page.pdf({ format: "A4" });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    await info.attach("demo.pdf", { body: pdf, contentType: "application/pdf" });
    // The PDF itself, read as text: every title is in it (lines may wrap, so spaces are ignored).
    const printed = (await pdfText(pdf)).replace(/\s+/g, "");
    for (const event of story.events) expect(printed).toContain(event.title.replace(/\s+/g, ""));
  });

  test("another story on the demo page prints itself, not the default one", async ({ page }) => {
    await page.goto("./?src=fixtures/media-story.json");
    await expect(page.locator(".storyline-stage [data-event-id]").first()).toBeAttached();
    await expect(page.locator(".storyline-print-copy")).toHaveCount(0);
    // That story prints as its timeline, without the controls.
    await page.emulateMedia({ media: "print" });
    await expect(page.locator("section.storyline .storyline-title")).toBeVisible();
    await expect(page.locator(".storyline-toolbar")).toBeHidden();
  });

  test("an embed prints its host's static story after the timeline, uncut", async ({ page }) => {
    await page.route("**/fixtures/static-host.html", (route) => route.fulfill({ contentType: "text/html", body: HOST }));
    await page.goto("/fixtures/static-host.html");
    await expect(page.locator(".storyline-embed [data-event-id='nato-accession']")).toHaveCount(1);
    await page.emulateMedia({ media: "print" });
    await expectTheWholeStory(page);
    const host = (await page.locator(".storyline-embed").boundingBox())!;
    expect(host.height).toBeGreaterThan(560);
    await expect(page.locator(".storyline-embed .storyline-overview")).toBeHidden();
  });
});
