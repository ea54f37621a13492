// The editor as a journalist uses it: type, see problems with their place, fix, reload, import.
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";

test.beforeEach(async ({ page }) => {
  await page.goto("./editor.html");
  await page.evaluate(() => localStorage.clear());
  await page.goto("./editor.html");
  await expect(page.locator(".editor-preview [data-event-id]").first()).toBeAttached();
});

test("a bad date is shown with its line, the preview keeps the last good version, fixing updates it", async ({ page }) => {
  const editor = page.locator("#editor-text");
  const story = await editor.inputValue();
  const preview = page.locator(".editor-preview");
  await expect(preview.locator(".storyline-title")).toContainText("Albania, Iran and Israel");

  // Break a date while also changing the title: the preview must not take the new title.
  const broken = story.replace('"2009-04-01"', '"2009-13-01"').replace("Albania, Iran and Israel:", "Edited:");
  await editor.fill(broken);
  const line = broken.split("\n").findIndex((text) => text.includes('"2009-13-01"')) + 1;
  const problem = page.locator(".editor-problem").first();
  await expect(problem).toContainText(`line ${line}`);
  await expect(problem).toContainText("month 13 does not exist");
  await expect(preview.locator(".storyline-title")).toContainText("Albania, Iran and Israel");
  await expect(preview.locator('[data-event-id="nato-accession"]')).toBeAttached();

  // Clicking the problem puts the cursor on the bad date.
  await problem.locator("button").click();
  const cursor = await editor.evaluate((area: HTMLTextAreaElement) => area.selectionStart);
  expect(broken.slice(cursor, cursor + 12)).toBe('"2009-13-01"');

  // Fixing it updates the preview, new title included.
  await editor.fill(broken.replace('"2009-13-01"', '"2009-04-01"'));
  await expect(preview.locator(".storyline-title")).toContainText("Edited:");
  await expect(page.locator(".editor-summary")).toHaveText("No problems: ready to publish.");

  // A reload restores the draft, keystrokes and all.
  await page.reload();
  await expect(editor).toHaveValue(/Edited:/);
  await expect(page.locator(".editor-status")).toContainText("restored");
});

test("importing the spreadsheet fixture renders it and notes what was left out", async ({ page }) => {
  await page.locator(".editor-file-button", { hasText: "Import" }).locator("input").setInputFiles("tests/fixtures/sheet.csv");
  const preview = page.locator(".editor-preview");
  await expect(preview.locator(".storyline-title")).toHaveText("Albania between Iran and Israel");
  await expect(preview.locator('[data-event-id="albania-joins-nato"]')).toBeAttached();
  // The sheet's title row opens the story, as TimelineJS opens on its title slide.
  await expect(preview.getByRole("button", { name: "Start" })).toBeVisible();
  await expect(page.locator(".editor-notes")).toContainText("Storyline has no slide backgrounds");
  await expect(page.locator("#editor-text")).toHaveValue(/"title": "Albania between Iran and Israel"/);
});

test("a file that fails to import leaves the draft alone", async ({ page }) => {
  const before = await page.locator("#editor-text").inputValue();
  await page.locator(".editor-file-button", { hasText: "Import" }).locator("input").setInputFiles("tests/fixtures/not-json.json");
  await expect(page.locator(".editor-status")).toContainText("could not be imported; your draft is unchanged");
  expect(await page.locator("#editor-text").inputValue()).toBe(before);
});

test("the TimelineJS fixture imports and downloads; a file with errors is held back from Download JSON", async ({ page }) => {
  await page.locator(".editor-file-button", { hasText: "Import" }).locator("input").setInputFiles("tests/fixtures/timelinejs.json");
  await expect(page.locator(".editor-preview .storyline-title")).toHaveText("Albania & its neighbours");
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download JSON" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("timeline.json");
  await page.locator("#editor-text").fill("{ broken");
  await page.getByRole("button", { name: "Download JSON" }).click();
  await expect(page.locator(".editor-status")).toContainText("fix them before publishing");
});

test("pasted TimelineJS JSON or sheet rows are recognised and converted in place", async ({ page }) => {
  const editor = page.locator("#editor-text");
  const convert = page.getByRole("button", { name: "Convert to Storyline JSON" });
  await editor.fill(readFileSync("tests/fixtures/timelinejs.json", "utf8"));
  await expect(page.locator(".editor-convert")).toContainText("TimelineJS file");
  await convert.click();
  await expect(page.locator(".editor-preview .storyline-title")).toHaveText("Albania & its neighbours");
  await expect(page.locator(".editor-convert")).toHaveCount(0);
  await expect(page.locator(".editor-summary")).toContainText("No errors");

  // Cells copied from a spreadsheet arrive tab-separated.
  const rows = "Year\tMonth\tDay\tHeadline\tGroup\n2022\t7\t15\tCyberattack\tCyber\n2009\t4\t1\tAlbania joins NATO\tSecurity\n";
  await editor.fill(rows);
  await expect(page.locator(".editor-convert")).toContainText("spreadsheet");
  await convert.click();
  await expect(page.locator(".editor-preview [data-event-id=\"albania-joins-nato\"]")).toBeAttached();
  // The draft survives a reload, as converted.
  await page.reload();
  await expect(editor).toHaveValue(/"title": "Albania joins NATO"/);
});

test("the preview's view downloads as SVG and PNG, and the story copies as static HTML", async ({ page, context }, info) => {
  test.skip(info.project.name === "phone", "the editor's exports are a desk task; one viewport is enough");
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const read = async (label: string) => {
    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: label, exact: true }).click();
    const download = await downloading;
    const path = info.outputPath(download.suggestedFilename());
    await download.saveAs(path);
    await info.attach(download.suggestedFilename(), { path });
    return { name: download.suggestedFilename(), bytes: readFileSync(path) };
  };

  const svg = await read("Download SVG");
  expect(svg.name).toBe("timeline.svg");
  const text = svg.bytes.toString("utf8");
  expect(text).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="1200" height="630"/);
  expect(text).toContain("Albania joins NATO");
  expect(text).not.toContain("<script");

  const png = await read("Download PNG");
  expect(png.name).toBe("timeline.png");
  expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.bytes.readUInt32BE(16)).toBe(1200);
  expect(png.bytes.readUInt32BE(20)).toBe(630);
  expect(png.bytes.length).toBeGreaterThan(20_000);

  await page.getByRole("button", { name: "Copy static HTML", exact: true }).click();
  await expect(page.locator(".editor-status")).toContainText("The static HTML is copied");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/^<article class="storyline-static" lang="en" dir="ltr">/);
  expect(copied).toContain("Albanian Prime Minister Rama visits Israel");
});
