// The story's languages: Hebrew mirrors the whole timeline (time runs right to left), Albanian
// data speaks Albanian; words come from the tables, dates from the browser's Intl.
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
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
