// Everyone can read it: axe-core finds no WCAG 2.1 A/AA violation, the selection is announced,
// and the list view reads the story in order.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { expectNoViolations, WCAG } from "./axe";
import { TimelinePage } from "./timeline-page";

test("the demo page has no WCAG A/AA violations, with and without an open event", async ({ page }) => {
  const timeline = new TimelinePage(page);
  await timeline.openStory();
  await expectNoViolations(page);
  await timeline.openWithKeyboard("severs-ties-with-iran");
  await expectNoViolations(page);
  await page.getByRole("button", { name: "List", exact: true }).click();
  await expectNoViolations(page);
});

test("the dark theme and the embed host page have no violations", async ({ page }) => {
  await page.goto("/embed/embed.html?src=/data/albania-iran-israel.json&theme=dark&start=rama-visits-israel");
  await expect(page.locator(".storyline-detail h3")).toBeVisible();
  await expectNoViolations(page);
  await page.goto("/fixtures/host.html");
  for (const id of ["#first", "#second", "#broken"]) {
    await page.locator(id).scrollIntoViewIfNeeded();
    await expect(page.locator(id)).toHaveAttribute("data-storyline-state", /mounted|failed/);
  }
  await expect(page.locator("#second .storyline-title")).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(WCAG).include(".storyline-embed").analyze();
  expect(results.violations.map((violation) => violation.id)).toEqual([]);
});

test("the editor has no violations", async ({ page }) => {
  await page.goto("./editor.html");
  await expect(page.locator(".editor-preview [data-event-id]").first()).toBeAttached();
  await expectNoViolations(page);
});

test("moving the selection announces the title, the date and the place in the story, nothing more", async ({ page }) => {
  const timeline = new TimelinePage(page);
  await timeline.openStory();
  await timeline.eventButton("nato-accession").focus();
  await page.keyboard.press("ArrowRight");
  const live = page.locator(".storyline-visually-hidden[aria-live=polite]");
  await expect(live).toHaveText("NATO welcomes its new members at anniversary summit, 4 April 2009, 4 of 19");
});

test("the list view reads the events in time order with their sources", async ({ page }) => {
  const timeline = new TimelinePage(page);
  await timeline.openStory();
  await page.getByRole("button", { name: "List", exact: true }).click();
  const items = page.locator("[data-list-event-id]");
  await expect(items).toHaveCount(19);
  const ids = await items.evaluateAll((elements) => elements.map((element) => element.getAttribute("data-list-event-id")));
  expect(ids[0]).toBe("shelters-jews-holocaust");
  expect(ids.indexOf("nato-accession")).toBeLessThan(ids.indexOf("severs-ties-with-iran"));
  const severance = page.locator('[data-list-event-id="severs-ties-with-iran"]');
  await expect(severance.getByRole("heading", { level: 3 })).toContainText("severs");
  await expect(severance.locator("a.storyline-source")).toHaveCount(3);
  // Filters apply to the list too.
  await timeline.categoryButton("diplomacy").click();
  await expect(severance).toHaveCount(0);
});

test("keyboard only: filter, reach, open, follow and close, with focus always visible", async ({ page }, info) => {
  const timeline = new TimelinePage(page);
  await timeline.openStory();
  const focusVisible = () =>
    page.evaluate(() => {
      // The element with focus, looking inside shadow roots.
      let element = document.activeElement;
      while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
      const style = element ? getComputedStyle(element) : null;
      return !!style && style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
    });
  // Filter: Tab to the History chip, press Space.
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press("Tab");
    if (await timeline.categoryButton("history").evaluate((el) => el === document.activeElement)) break;
  }
  expect(await focusVisible()).toBeTruthy();
  await page.keyboard.press("Space");
  await expect(timeline.categoryButton("history")).toHaveAttribute("aria-pressed", "false");
  // Reach the events and open the October visit.
  for (let i = 0; i < 20 && !(await page.evaluate(() => !!document.activeElement?.closest("[data-event-id]"))); i++) {
    await page.keyboard.press("Tab");
    expect(await focusVisible()).toBeTruthy();
  }
  await page.keyboard.press("End");
  await expect.poll(() => page.evaluate(() => document.activeElement?.closest("[data-event-id]")?.getAttribute("data-event-id"))).toBe(
    "rama-visits-israel",
  );
  await page.keyboard.press("Enter");
  await expect(timeline.detail.locator("h3")).toContainText("Rama");
  await page.screenshot({ path: info.outputPath("keyboard-focus.png") });
  // Follow the sources: they are the next stops in the tab order after the panel's close button.
  const sources = await timeline.sourceLinks().count();
  expect(sources).toBe(3);
  await page.keyboard.press("Escape");
  await expect(timeline.sourceLinks()).toHaveCount(0);
  expect(await focusVisible()).toBeTruthy();
});

test("forced colours keep the marks visible; reduced motion jumps instead of gliding", async ({ page }) => {
  await page.emulateMedia({ forcedColors: "active", reducedMotion: "reduce" });
  const timeline = new TimelinePage(page);
  await timeline.openStory();
  const mark = timeline.event("nato-accession").locator(".storyline-mark");
  const background = await mark.evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(background).not.toBe("rgba(0, 0, 0, 0)");
  // With reduced motion a zoom lands at once: the very next frame shows the final window.
  const before = (await page.locator(".storyline-brush").boundingBox())!.width;
  await page.getByRole("button", { name: "Zoom in", exact: true }).click();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const atOnce = (await page.locator(".storyline-brush").boundingBox())!.width;
  await page.waitForTimeout(400);
  const later = (await page.locator(".storyline-brush").boundingBox())!.width;
  expect(atOnce).toBeLessThan(before);
  expect(atOnce).toBeCloseTo(later, 1);
});

test("at 200% zoom and with a large default font the page reflows instead of clipping", async ({ page }, info) => {
  test.skip(info.project.name === "phone", "the desktop viewport stands for a desktop browser zoomed in");
  // 1280×720 at 200% zoom is a 640×360 CSS-pixel viewport.
  await page.setViewportSize({ width: 640, height: 360 });
  const timeline = new TimelinePage(page);
  await timeline.openStory();
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(await overflow()).toBeLessThanOrEqual(0);
  await expect(page.getByRole("button", { name: "Fit all", exact: true })).toBeInViewport({ ratio: 1 });
  // A reader's larger default font (here 24px) enlarges the text, and still nothing spills sideways.
  const before = await page.locator(".storyline-description").evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  await page.evaluate(() => (document.documentElement.style.fontSize = "24px"));
  const after = await page.locator(".storyline-description").evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(after).toBeGreaterThan(before * 1.4);
  expect(await overflow()).toBeLessThanOrEqual(0);
  await timeline.openWithKeyboard("severs-ties-with-iran");
  await expect(timeline.sourceLinks().first()).toBeVisible();
});
