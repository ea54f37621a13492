// Embedding in a news page that is not the demo: hostile CSS, a strict CSP, several instances.
import { expect, test, type Page } from "@playwright/test";

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    (window as any).cspViolations = [];
    document.addEventListener("securitypolicyviolation", (event) =>
      (window as any).cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
    (window as any).layoutShift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as any[]) if (!entry.hadRecentInput) (window as any).layoutShift += entry.value;
    }).observe({ type: "layout-shift", buffered: true });
  });
});

test("several embeds live side by side on a hostile page", async ({ page }, info) => {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  await page.goto("/fixtures/host.html");
  const first = page.locator("#first");
  const second = page.locator("#second");

  // Both good instances render their own events (each starts when the reader comes near it).
  await expect(first.locator('[data-event-id="nato-accession"]')).toHaveCount(1);
  await second.scrollIntoViewIfNeeded();
  await expect(second.locator('[data-event-id="conference-final"]')).toHaveCount(1);
  await expect(second.locator('[data-event-id="nato-accession"]')).toHaveCount(0);
  await expect(second.locator("section.storyline")).toHaveClass(/storyline-theme-dark/);

  // They filter independently.
  await first.scrollIntoViewIfNeeded();
  await first.locator('button[data-category="cyber"]').click();
  await expect(first.locator('button[data-category="cyber"]')).toHaveAttribute("aria-pressed", "false");
  await expect(first.locator('[data-event-id="cyberattack-july-2022"]')).toHaveCount(0);
  await expect(second.locator('button[data-category="sport"]')).toHaveAttribute("aria-pressed", "true");
  await expect(second.locator('[data-event-id="stadium-opens"]')).toHaveCount(1);

  // The broken one says so, in its own box only.
  await page.locator("#broken").scrollIntoViewIfNeeded();
  await expect(page.locator("#broken [role=alert]")).toContainText("HTTP 404");
  await expect(page.locator("#broken")).toHaveCSS("height", "200px");

  // The late one mounts, with its options (only cyber shown).
  await page.locator("#late-slot").scrollIntoViewIfNeeded();
  await expect(page.locator('#late [data-event-id="cyberattack-july-2022"]')).toHaveCount(1);
  await expect(page.locator('#late button[data-category="diplomacy"]')).toHaveAttribute("aria-pressed", "false");

  // The one far below waits until the reader scrolls near it.
  const far = page.locator("#far");
  await expect(far).toHaveAttribute("data-storyline-state", "waiting");
  expect(await far.locator("[data-event-id]").count()).toBe(0);
  await far.scrollIntoViewIfNeeded();
  await expect(far.locator('[data-event-id="severs-ties-with-iran"]')).toHaveCount(1);
  await expect(far.locator(".storyline-detail h3")).toContainText("severs");

  // The page keeps its own look; the timeline keeps its own.
  await expect(page.locator("#host-button")).toHaveCSS("background-color", "rgb(255, 105, 180)");
  await expect(first.locator(".storyline-icon-button").first()).toHaveCSS("box-sizing", "border-box");
  await expect(first.locator(".storyline-title")).toHaveCSS("text-transform", "none");
  expect(await first.locator(".storyline").first().evaluate((el) => getComputedStyle(el).fontFamily)).toContain("Georgia");
  // The host themes one timeline through a custom property; the other keeps its own colours.
  await expect(first.locator(".storyline-brush")).toHaveCSS("border-top-color", "rgb(200, 16, 46)");
  await expect(second.locator(".storyline-brush")).not.toHaveCSS("border-top-color", "rgb(200, 16, 46)");
  // The host page's URL is left alone (deep links are off in embeds).
  await first.locator('[data-event-id="nato-accession"] button').click();
  expect(new URL(page.url()).hash).toBe("");

  // The iframe embed tells its host how tall it is.
  await expect.poll(() => page.evaluate(() => (window as any).iframeHeights.at(-1) ?? 0)).toBeGreaterThan(300);

  expect(await page.evaluate(() => (window as any).layoutShift)).toBe(0);
  expect(await page.evaluate(() => (window as any).cspViolations)).toEqual([]);
  expect(errors).toEqual([]);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: info.outputPath("host-page.png"), fullPage: false });
});

test("the iframe embed shows one full-bleed timeline", async ({ page }) => {
  await page.goto("/embed/embed.html?src=/data/albania-iran-israel.json&start=rama-visits-israel&theme=dark");
  await expect(page.locator('[data-event-id="rama-visits-israel"]')).toHaveCount(1);
  await expect(page.locator(".storyline-detail")).toContainText("23–25 October 2022");
  await expect(page.locator("section.storyline")).toHaveClass(/storyline-theme-dark/);
});

test("an iframe embed that names no data says so in its place", async ({ page }) => {
  await page.goto("/embed/embed.html?theme=dark");
  const alert = page.locator("main.storyline-iframe > [role=alert]");
  await expect(alert).toContainText("This timeline could not be loaded");
  await expect(alert).toContainText("This embed names no data: give it data-src=");
  await expect(page.locator(".storyline-skeleton")).toHaveCount(0);
});

test("a single-page site unmounts a timeline and mounts it again", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  await page.goto("/fixtures/spa-host.html");
  const one = page.locator("#one");
  const two = page.locator("#two");
  await expect(one.locator('[data-event-id="nato-accession"]')).toHaveCount(1);

  // Taken down on request: the timeline is gone, and a second request finds nothing to do.
  const unmount = () => page.evaluate(() => (window as any).Storyline.unmount(document.querySelector("#one")));
  expect(await unmount()).toBe(true);
  await expect(one).toHaveAttribute("data-storyline-state", "unmounted");
  await expect(one.locator("section.storyline")).toHaveCount(0);
  expect(await unmount()).toBe(false);

  // Mounted again, once.
  await page.evaluate(() => (window as any).Storyline.mount(document.querySelector("#one")));
  await expect(one.locator('[data-event-id="nato-accession"]')).toHaveCount(1);
  await expect(one).toHaveAttribute("data-storyline-state", "mounted");
  await expect(one.locator("section.storyline")).toHaveCount(1);
  await expect(one.locator("link[rel=stylesheet]")).toHaveCount(1);

  // Moving the element keeps its timeline as it was (the open event stays open).
  await one.locator('[data-event-id="nato-accession"] button').click();
  await expect(one.locator(".storyline-detail h3")).toContainText("NATO");
  await page.evaluate(() => document.querySelector("#elsewhere")!.append(document.querySelector("#one")!));
  await expect(one).toHaveAttribute("data-storyline-state", "mounted");
  await expect(one.locator(".storyline-detail h3")).toContainText("NATO");

  // Taking it out of the document unmounts it by itself; putting it back mounts it afresh.
  const detached = await page.evaluateHandle(() => {
    const element = document.querySelector("#one")!;
    element.remove();
    return element;
  });
  await expect.poll(() => detached.evaluate((element) => element.getAttribute("data-storyline-state"))).toBe("unmounted");
  expect(await detached.evaluate((element) => element.shadowRoot!.childElementCount)).toBe(0);
  await detached.evaluate((element) => document.querySelector("#view")!.append(element));
  await expect(one.locator('[data-event-id="nato-accession"]')).toHaveCount(1);
  await expect(one.locator(".storyline-detail")).toContainText("Select an event");

  // The other timeline never noticed.
  await two.scrollIntoViewIfNeeded();
  await two.locator('button[data-category="cyber"]').click();
  await expect(two.locator('button[data-category="cyber"]')).toHaveAttribute("aria-pressed", "false");
  await expect(one.locator('button[data-category="cyber"]')).toHaveAttribute("aria-pressed", "true");
  expect(errors).toEqual([]);
});

test("unmounting a timeline stops its download", async ({ page }) => {
  // The data is held back, so the timeline is still loading when it is taken down.
  await page.route((url) => url.searchParams.has("held"), () => {});
  await page.goto("/fixtures/spa-host.html");
  await expect(page.locator('#one [data-event-id="nato-accession"]')).toHaveCount(1);
  const requested = page.waitForRequest((request) => new URL(request.url()).searchParams.has("held"));
  await page.evaluate(() => {
    const held = document.createElement("div");
    held.className = "storyline-embed";
    held.id = "held";
    held.dataset.src = "/data/albania-iran-israel.json?held";
    document.querySelector("#view")!.prepend(held);
  });
  const request = await requested;
  await expect(page.locator("#held [role=status]")).toHaveCount(1);
  const failed = page.waitForEvent("requestfailed", (failure) => failure === request);
  expect(await page.evaluate(() => (window as any).Storyline.unmount(document.querySelector("#held")))).toBe(true);
  expect((await failed).failure()?.errorText).toContain("ABORTED");
});

/**
 * Holds the timeline's code (the wasm) back until the story has been asked for, or a few seconds
 * have passed, and records which came first: a story asked for only once the code runs would
 * never be asked for while the code is held.
 */
async function holdCodeUntilStoryRequested(page: Page, code: string, isStory: (url: URL) => boolean) {
  const storyFirst: boolean[] = [];
  const storyRequested = page.waitForRequest((request) => isStory(new URL(request.url())), { timeout: 0 });
  await page.route(code, async (route) => {
    let giveUp: ReturnType<typeof setTimeout> | undefined;
    const waited = new Promise<boolean>((resolve) => (giveUp = setTimeout(() => resolve(false), 5_000)));
    storyFirst.push(await Promise.race([storyRequested.then(() => true), waited]));
    clearTimeout(giveUp);
    await route.continue();
  });
  return storyFirst;
}

/** Every request for the story, to count them. */
function storyRequests(page: Page, isStory: (url: URL) => boolean): string[] {
  const urls: string[] = [];
  page.on("request", (request) => {
    if (isStory(new URL(request.url()))) urls.push(request.url());
  });
  return urls;
}

const EMBED_CODE = "**/embed/storyline-embed_bg.wasm";
const isDemoStory = (url: URL) => url.pathname === "/data/albania-iran-israel.json";

for (const [pageName, code, address] of [
  ["the iframe page", EMBED_CODE, "/embed/embed.html?src=/data/albania-iran-israel.json"],
  ["the demo page", "**/storyline-demo-*_bg.wasm", "/"],
]) {
  test(`${pageName} asks for its story while its code is still loading, and only once`, async ({ page }) => {
    const storyFirst = await holdCodeUntilStoryRequested(page, code, isDemoStory);
    const requests = storyRequests(page, isDemoStory);
    await page.goto(address);
    await expect(page.locator('[data-event-id="nato-accession"]')).toHaveCount(1);
    expect(storyFirst).toEqual([true]);
    expect(requests).toHaveLength(1);
  });
}

test("script embeds ask for their story while the code is still loading, each only once", async ({ page }) => {
  const storyFirst = await holdCodeUntilStoryRequested(page, EMBED_CODE, isDemoStory);
  const requests = storyRequests(page, isDemoStory);
  await page.goto("/fixtures/spa-host.html");
  await expect(page.locator('#one [data-event-id="nato-accession"]')).toHaveCount(1);
  await page.locator("#two").scrollIntoViewIfNeeded();
  await expect(page.locator('#two [data-event-id="nato-accession"]')).toHaveCount(1);
  expect(storyFirst).toEqual([true]);
  // Two timelines, two requests: the code used the loader's downloads instead of asking again.
  expect(requests).toHaveLength(2);
});

test("a story with a thousand warnings is one console line", async ({ page }) => {
  const lines: string[] = [];
  page.on("console", (message) => lines.push(`${message.type()}: ${message.text()}`));
  // Every event's text is long, each by a different length: a thousand warnings, no two alike.
  const events = Array.from({ length: 1_000 }, (_, i) => ({
    id: `event-${i}`,
    start: `${1900 + (i % 120)}-01-01`,
    title: `Event ${i}`,
    categories: ["archive"],
    text: "a".repeat(2_001 + i),
    sources: [{ title: "Archive", publisher: "Benchmark", url: `https://example.org/${i}` }],
  }));
  await page.route((url) => url.pathname === "/fixtures/many-warnings.json", (route) =>
    route.fulfill({ contentType: "application/json", body: JSON.stringify({ version: 1, title: "Warnings", categories: [{ id: "archive", label: "Archive", color: "#1d4ed8" }], events }) }),
  );
  await page.goto("/embed/embed.html?src=/fixtures/many-warnings.json");
  await expect(page.locator("[data-event-id], [data-cluster-count]").first()).toBeVisible();
  const warnings = lines.filter((line) => line.includes("Storyline data"));
  expect(warnings).toHaveLength(1);
  expect(warnings[0]).toContain("1000 warnings");
  expect(warnings[0]).toContain("line 1, column");
  expect(lines.filter((line) => line.includes("Storyline")).length).toBeLessThanOrEqual(2);
});
