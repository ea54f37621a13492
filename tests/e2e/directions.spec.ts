// Mixed-direction text (issue #15): every block of a journalist's text keeps its own direction, so
// an English description in a Hebrew story keeps its full stop at its end; and every event's label
// begins beside its mark and covers none, whichever way the story and the title read.
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { expectNoViolations } from "./axe";
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

type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box) =>
  Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x) > 0.5 &&
  Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y) > 0.5;

const mixed = JSON.parse(readFileSync("tests/e2e/fixtures/mixed-directions.json", "utf8"));
const ZOOM_IN = { en: "Zoom in", he: "הגדלה" };
/** The first strong letter's direction, as `dir="auto"` reads it (Hebrew, Arabic, Persian). */
const readsRightToLeft = (text: string) => /^[^A-Za-z\u0590-\u08ff]*[\u0590-\u08ff]/.test(text);

for (const language of ["en", "he"] as const) {
  test(`in a story that reads ${language === "en" ? "left to right" : "right to left"}, every label begins beside its mark and covers none`, async ({ page }, info) => {
    await page.route("**/mixed.json", (route) =>
      route.fulfill({ contentType: "application/json", body: JSON.stringify({ ...mixed, language }) }),
    );
    const timeline = new TimelinePage(page);
    await page.goto("./?src=mixed.json");
    await expect(timeline.root).toHaveAttribute("dir", language === "he" ? "rtl" : "ltr");
    await expect(timeline.event("ties-fa")).toHaveCount(1);
    let checkedBeside = 0;
    let cutSeen = 0;
    for (let zoom = 0; zoom < 4; zoom++) {
      if (zoom > 0) {
        await page.getByRole("button", { name: ZOOM_IN[language], exact: true }).click();
      }
      await page.waitForTimeout(400);
      const view = await page.evaluate(() => {
        const box = (element: Element) => {
          const { x, y, width, height } = element.getBoundingClientRect();
          return { x, y, width, height };
        };
        const stage = document.querySelector(".storyline-stage")!.getBoundingClientRect();
        const items = [...document.querySelectorAll(".storyline-stage li")];
        return {
          stage: { left: stage.left, right: stage.right },
          marks: items.map((item) => ({
            id: item.getAttribute("data-event-id") ?? "cluster",
            point: item.classList.contains("storyline-point"),
            box: box(item.querySelector(".storyline-mark")!),
          })),
          labels: items
            .map((item) => ({ item, label: item.querySelector(".storyline-label") as HTMLElement }))
            .filter(({ label }) => getComputedStyle(label).visibility !== "hidden" && label.getBoundingClientRect().width > 0)
            .map(({ item, label }) => {
              // Where the title's first and last letters stand on screen.
              const text = label.firstChild as Text;
              const letter = (at: number) => {
                const range = document.createRange();
                range.setStart(text, at);
                range.setEnd(text, at + 1);
                const { left, right } = range.getBoundingClientRect();
                return { left, right };
              };
              return {
                id: item.getAttribute("data-event-id") ?? "cluster",
                text: text.data,
                direction: getComputedStyle(label).direction,
                cut: label.scrollWidth > label.clientWidth + 1,
                box: box(label),
                first: letter(0),
              };
            }),
        };
      });
      const titled = view.labels.filter((label) => label.id !== "cluster");
      expect(titled.length, `zoom ${zoom}`).toBeGreaterThan(0);
      for (const label of titled) {
        // Each label reads its title's way, whatever the story's.
        expect(label.direction, label.text).toBe(readsRightToLeft(label.text) ? "rtl" : "ltr");
        // A label too long for its room is cut at its logical end: its first letter stays inside
        // its box (cut at the wrong end, the first letter would be what is hidden).
        if (label.cut) {
          expect(label.first.left, `${label.id} keeps its first letter`).toBeGreaterThanOrEqual(label.box.x - 1);
          expect(label.first.right, `${label.id} keeps its first letter`).toBeLessThanOrEqual(label.box.x + label.box.width + 1);
          cutSeen++;
        }
        // No label covers a mark: another event's, or its own point.
        for (const mark of view.marks) {
          if (mark.id === label.id && !mark.point) continue;
          expect(overlap(label.box, mark.box), `zoom ${zoom}: ${label.id}'s label over the mark of ${mark.id}`).toBe(false);
        }
        // Its first letter stands beside its own mark where its side has room for it: next to a
        // point, or inside the end of a range it reads from (the visible start of the range for
        // a label that reads the story's way, the visible end for one that reads the other).
        const own = view.marks.find((mark) => mark.id === label.id)!;
        const rtl = label.direction === "rtl";
        const left = Math.max(own.box.x, view.stage.left);
        const right = Math.min(own.box.x + own.box.width, view.stage.right);
        const edge = own.point === rtl ? left : right;
        const room = rtl ? edge - view.stage.left : view.stage.right - edge;
        if (room < 260) continue;
        const gap = rtl ? edge - label.first.right : label.first.left - edge;
        expect(gap, `zoom ${zoom}: ${label.id} begins ${gap} px from its mark`).toBeGreaterThanOrEqual(0);
        expect(gap, `zoom ${zoom}: ${label.id} begins ${gap} px from its mark`).toBeLessThan(12);
        checkedBeside++;
      }
      if (zoom === 0) {
        await page.screenshot({ path: info.outputPath(`mixed-${language}.png`) });
        await info.attach(`mixed-${language}`, { path: info.outputPath(`mixed-${language}.png`), contentType: "image/png" });
      }
    }
    expect(checkedBeside).toBeGreaterThan(4);
    expect(cutSeen).toBeGreaterThan(0);
    await expectNoViolations(page);
    expect(timeline.consoleErrors).toEqual([]);
  });
}
