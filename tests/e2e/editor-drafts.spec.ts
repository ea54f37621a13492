// The editor never loses a keystroke: the preview keeps its place while the journalist types,
// replacements can be taken back, storage failures are shown, tabs keep their own drafts, the
// example never replaces typing, leaving asks first, and a broken draft can still be downloaded.
// Every test starts in a fresh browser context, so storage starts empty.
import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

const EXAMPLE_TITLE = "Albania, Iran and Israel: a story of cyberattacks and alliances";

async function openEditor(page: Page) {
  await page.goto("./editor.html");
  await expect(page.locator(".editor-preview [data-event-id]").first()).toBeAttached();
}

const editor = (page: Page) => page.locator("#editor-text");
const previewTitle = (page: Page) => page.locator(".editor-preview .storyline-title");

/** The example with another title: a draft of the journalist's own. */
async function typeTitle(page: Page, title: string): Promise<string> {
  const text = (await editor(page).inputValue()).replace(/"title": "[^"]*"/, `"title": "${title}"`);
  await editor(page).fill(text);
  await expect(previewTitle(page)).toHaveText(title);
  return text;
}

/** Where the visible window sits in the overview strip, as fractions of the strip's width. */
async function brush(page: Page) {
  const track = (await page.locator(".editor-preview .storyline-overview-track").boundingBox())!;
  const box = (await page.locator(".editor-preview .storyline-brush").boundingBox())!;
  return { x: (box.x - track.x) / track.width, width: box.width / track.width };
}

test("the preview keeps its zoom and open event while the journalist types", async ({ page }) => {
  await openEditor(page);
  const preview = page.locator(".editor-preview");
  const fitted = await brush(page);
  await preview.locator('[data-event-id="severs-ties-with-iran"] button').click();
  await expect(preview.locator(".storyline-detail h3")).toContainText("severs");
  await preview.getByRole("button", { name: "Zoom in", exact: true }).click();
  await preview.getByRole("button", { name: "Zoom in", exact: true }).click();
  await expect.poll(async () => (await brush(page)).width).toBeLessThan(fitted.width * 0.3);
  // The glide has settled when two readings a moment apart agree.
  await expect.poll(async () => {
    const before = await brush(page);
    await page.waitForTimeout(150);
    const now = await brush(page);
    return Math.abs(now.x - before.x) + Math.abs(now.width - before.width);
  }).toBeLessThan(0.001);
  const zoomed = await brush(page);
  // The list view is not part of the view a rebuilt preview restores: it shows whether the
  // preview was rebuilt.
  const list = preview.getByRole("button", { name: "List", exact: true });
  await list.click();
  await expect(list).toHaveAttribute("aria-pressed", "true");

  // Whitespace and formatting do not change the story: the preview is left exactly as it was.
  const story = await editor(page).inputValue();
  await editor(page).fill(story.replace('"version": 1,', '"version":   1,') + "\n\n");
  await expect(page.locator(".editor-summary")).toHaveText("No problems: ready to publish.");
  await page.waitForTimeout(600);
  await expect(list).toHaveAttribute("aria-pressed", "true");
  await list.click();
  const unchanged = await brush(page);
  expect(Math.abs(unchanged.x - zoomed.x)).toBeLessThan(0.005);
  expect(Math.abs(unchanged.width - zoomed.width)).toBeLessThan(0.005);

  // A new title changes the story: the preview is redrawn, at the same place, same event open.
  await typeTitle(page, "Edited while zoomed");
  const after = await brush(page);
  expect(Math.abs(after.x - zoomed.x)).toBeLessThan(0.005);
  expect(Math.abs(after.width - zoomed.width)).toBeLessThan(0.005);
  await expect(preview.locator(".storyline-detail h3")).toContainText("severs");
});

test("New, Open and Import can be taken back at once, and replaced drafts restored later", async ({ page }) => {
  await openEditor(page);
  const mine = await typeTitle(page, "My precious draft");
  const undo = page.getByRole("button", { name: "Undo", exact: true });

  await page.getByRole("button", { name: "New", exact: true }).click();
  await expect(previewTitle(page)).toHaveText("My timeline");
  await expect(page.locator(".editor-notices")).toContainText("Your previous draft is kept under Recent drafts");
  await undo.click();
  expect(await editor(page).inputValue()).toBe(mine);
  await expect(previewTitle(page)).toHaveText("My precious draft");

  const opened = readFileSync("data/albania-iran-israel.json", "utf8").replace(EXAMPLE_TITLE, "Opened from disk");
  await page.locator(".editor-file-button", { hasText: "Open file" }).locator("input").setInputFiles({
    name: "story.json",
    mimeType: "application/json",
    buffer: Buffer.from(opened),
  });
  await expect(previewTitle(page)).toHaveText("Opened from disk");
  await undo.click();
  expect(await editor(page).inputValue()).toBe(mine);

  await page.locator(".editor-file-button", { hasText: "Import" }).locator("input").setInputFiles("tests/fixtures/sheet.csv");
  await expect(previewTitle(page)).toHaveText("Albania between Iran and Israel");
  await undo.click();
  expect(await editor(page).inputValue()).toBe(mine);

  // Later, after more replacements and a reload: the list of recent drafts brings it back.
  await page.getByRole("button", { name: "New", exact: true }).click();
  await typeTitle(page, "Second story");
  await page.getByRole("button", { name: "New", exact: true }).click();
  await page.reload();
  await expect(previewTitle(page)).toHaveText("My timeline");
  await page.locator(".editor-recent summary").click();
  const items = page.locator(".editor-recent-item");
  await expect(items.locator(".editor-recent-title")).toHaveText(["Second story", "My precious draft"]);
  await page.getByRole("button", { name: /^Restore “My precious draft”/ }).click();
  expect(await editor(page).inputValue()).toBe(mine);
  await expect(previewTitle(page)).toHaveText("My precious draft");
  // The notices and the open list are as accessible as the rest of the editor.
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(" ")}`)).toEqual([]);
  await page.reload();
  expect(await editor(page).inputValue()).toBe(mine);
});

test("a full storage quota is reported, and the draft can be downloaded from the notice", async ({ page }) => {
  await page.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (this === window.localStorage && (window as unknown as { quotaFull?: boolean }).quotaFull) {
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      }
      return setItem.call(this, key, value);
    };
  });
  await openEditor(page);
  await expect(page.locator(".editor-notices")).not.toContainText("could not be saved");
  await page.evaluate(() => ((window as unknown as { quotaFull?: boolean }).quotaFull = true));
  const text = await typeTitle(page, "Typed with a full quota");
  const notice = page.locator(".editor-notice", { hasText: "could not be saved" });
  await expect(notice).toHaveText(/Your draft could not be saved in this browser \(storage full\)\. Download it to keep it\./);
  const downloading = page.waitForEvent("download");
  await notice.getByRole("button", { name: "Download draft", exact: true }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("timeline.json");
  expect(readFileSync((await download.path())!, "utf8")).toBe(text);
  // Once storage works again, the next keystroke is stored and the notice goes.
  await page.evaluate(() => ((window as unknown as { quotaFull?: boolean }).quotaFull = false));
  await typeTitle(page, "Stored again");
  await expect(notice).toHaveCount(0);
});

test("two tabs keep their own drafts, and a write to this tab's draft asks which to keep", async ({ page }) => {
  // Two pages and several reloads: more than the default time on a busy machine.
  test.slow();
  await openEditor(page);
  await typeTitle(page, "Tab one");
  const second = await page.context().newPage();
  await openEditor(second);
  // A new tab continues from the newest draft, then goes its own way.
  await expect(previewTitle(second)).toHaveText("Tab one");
  const two = await typeTitle(second, "Tab two");
  const one = await typeTitle(page, "Tab one, later");

  await page.reload();
  expect(await editor(page).inputValue()).toBe(one);
  await second.reload();
  expect(await editor(second).inputValue()).toBe(two);

  // The first tab can take the second tab's text, which the second tab keeps too.
  await page.locator(".editor-recent summary").click();
  await page.getByRole("button", { name: /^Restore “Tab two”/ }).click();
  expect(await editor(page).inputValue()).toBe(two);
  await second.reload();
  expect(await editor(second).inputValue()).toBe(two);

  // Another tab writing this tab's own draft (as a duplicated tab would) is never silent.
  await page.getByRole("button", { name: "Undo", exact: true }).click();
  expect(await editor(page).inputValue()).toBe(one);
  const ownId = await page.evaluate(() => sessionStorage.getItem("storyline-editor-tab"));
  const theirs = one.replace("Tab one, later", "Written elsewhere");
  await second.evaluate(
    ([id, text]) => localStorage.setItem(`storyline-editor-drafts/${id}`, JSON.stringify({ text, saved_at: Date.now(), safe: null })),
    [ownId, theirs],
  );
  const notice = page.locator(".editor-notice", { hasText: "This draft was changed in another tab" });
  await expect(notice).toBeVisible();
  expect(await editor(page).inputValue()).toBe(one);
  await notice.getByRole("button", { name: "Load theirs" }).click();
  expect(await editor(page).inputValue()).toBe(theirs);
  await page.getByRole("button", { name: "Undo", exact: true }).click();
  expect(await editor(page).inputValue()).toBe(one);
  await second.close();
});

test("a draft typed before the example arrives is kept", async ({ page }) => {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/data/albania-iran-israel.json", async (route) => {
    await held;
    await route.continue();
  });
  await page.goto("./editor.html");
  const mine = "{ \"title\": \"Typed before the example\"";
  await editor(page).fill(mine);
  const arrived = page.waitForResponse("**/data/albania-iran-israel.json");
  release();
  await arrived;
  // The example is applied, if at all, as soon as its text is read: give that a moment.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
  expect(await editor(page).inputValue()).toBe(mine);
  await expect(page.locator(".editor-summary")).toContainText("error");
  await page.reload();
  expect(await editor(page).inputValue()).toBe(mine);
});

test("leaving after a restore asks first, unless the draft was downloaded", async ({ page }) => {
  await openEditor(page);
  await typeTitle(page, "Restored, never downloaded");
  await page.reload();
  await expect(page.locator(".editor-status")).toContainText("restored");
  // Browsers ask only on pages the reader has interacted with.
  await editor(page).click();
  // A restored draft that was never downloaded counts as unsaved: the browser asks.
  const dialog = page.waitForEvent("dialog");
  await page.close({ runBeforeUnload: true });
  const asked = await dialog;
  expect(asked.type()).toBe("beforeunload");
  await asked.dismiss();
  expect(page.isClosed()).toBe(false);

  // After a download, leaving is free.
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download JSON" }).click();
  await downloading;
  let dialogs = 0;
  page.on("dialog", async (shown) => {
    dialogs += 1;
    await shown.accept();
  });
  const closed = page.waitForEvent("close");
  await page.close({ runBeforeUnload: true });
  await closed;
  expect(dialogs).toBe(0);
});

test("a draft with errors can be downloaded as it is, under a draft name", async ({ page }) => {
  await openEditor(page);
  const broken = (await editor(page).inputValue()).replace('"2009-04-01"', '"2009-13-01"').slice(0, -3);
  await editor(page).fill(broken);
  await page.getByRole("button", { name: "Download JSON" }).click();
  await expect(page.locator(".editor-status")).toContainText("fix them before publishing");
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download draft (with errors)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("timeline-draft.json");
  expect(readFileSync((await download.path())!, "utf8")).toBe(broken);
  await expect(page.locator(".editor-status")).toContainText("still to fix");
});
