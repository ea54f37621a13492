// Embedding in a news page that is not the demo: hostile CSS, a strict CSP, several instances.
import { expect, test } from "@playwright/test";

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
