// Mixed-direction text (issue #15, first part): every block of a journalist's text keeps its own
// direction, so an English description in a Hebrew story keeps its full stop at its end.
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { TimelinePage } from "./timeline-page";

const story = JSON.parse(readFileSync("data/albania-iran-israel.json", "utf8"));

test("English text in a Hebrew story reads left to right, its punctuation at its end", async ({ page }) => {
  const hebrew = {
    ...story,
    language: "he",
    categories: story.categories.map((category: { id: string }, at: number) => (at === 0 ? { ...category, label: "סייבר" } : category)),
  };
  await page.route("**/hebrew.json", (route) => route.fulfill({ contentType: "application/json", body: JSON.stringify(hebrew) }));
  const timeline = new TimelinePage(page);
  await page.goto("./?src=hebrew.json");
  await expect(timeline.root).toHaveAttribute("dir", "rtl");

  // The description is English: laid out left to right, its last character (the full stop) at its
  // right end, not jumped to the start of the line.
  const description = page.locator(".storyline-description");
  await expect(description).toHaveText(/rescue\.$/);
  const layout = await description.evaluate((element) => {
    const text = element.firstChild as Text;
    const box = (from: number, to: number) => {
      const range = document.createRange();
      range.setStart(text, from);
      range.setEnd(text, to);
      return range.getBoundingClientRect();
    };
    const rescue = text.data.lastIndexOf("rescue");
    return {
      direction: getComputedStyle(element).direction,
      stopLeft: box(text.length - 1, text.length).left,
      rescueRight: box(rescue, rescue + "rescue".length).right,
    };
  });
  expect(layout.direction).toBe("ltr");
  // Laid out right to left, the stop would stand left of "rescue" (at the line's far end).
  expect(layout.stopLeft).toBeGreaterThanOrEqual(layout.rescueRight - 1);

  // A title, the category chips and an open event's parts keep their own direction too.
  await expect(page.locator(".storyline-title")).toHaveAttribute("dir", "auto");
  await expect(page.locator(".storyline-chip-label").first()).toHaveAttribute("dir", "auto");
  await timeline.openWithKeyboard("severs-ties-with-iran");
  await expect(timeline.detail.locator(".storyline-tag bdi").first()).toBeAttached();
  const sources = timeline.detail.locator("a.storyline-source");
  await expect(sources.first()).toHaveAttribute("dir", "auto");
  expect(await sources.first().evaluate((link) => getComputedStyle(link).direction)).toBe("ltr");
});
