// Hostile pages and addresses: named elements that clobber the DOM before the loader, data
// addresses that are not web addresses, and messages from windows other than the iframe's parent.
import { expect, test, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";

const REFUSED = "data address is not a web address (http or https), so it was not loaded";
const FORGED = "FORGED";

/** Every address the page asks for, in order. */
function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on("request", (request) => urls.push(request.url()));
  return urls;
}

function recordErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  return errors;
}

for (const fixture of ["clobbered-host.html", "clobbered-module-host.html"]) {
  test(`named elements before the loader cannot redirect what it imports (${fixture})`, async ({ page }) => {
    const errors = recordErrors(page);
    const requests = recordRequests(page);
    await page.goto(`/fixtures/${fixture}`);
    // The clobbering is real: for the page's own scripts, document.currentScript is an image.
    expect(await page.evaluate(() => (document as any).currentScript instanceof HTMLImageElement)).toBe(true);

    const story = page.locator("#story");
    await expect(story.locator('[data-event-id="nato-accession"]')).toHaveCount(1);
    await expect(story).toHaveAttribute("data-storyline-state", "mounted");
    await expect(story.locator(".storyline-title")).toHaveCSS("text-transform", "none");

    // The timeline's code came from next to the loader, and nothing from the image's folder ran.
    expect(requests.filter((url) => url.endsWith("/embed/storyline-embed_bg.wasm"))).toHaveLength(1);
    const foreign = requests.filter((url) => new URL(url).pathname.startsWith("/fixtures/foreign/") && !url.endsWith("/pixel.svg"));
    expect(foreign).toEqual([]);
    expect(await page.evaluate(() => (window as any).foreignCodeRan)).toBeUndefined();
    await expect(story.locator(".storyline-embed-root")).not.toContainText("Foreign code");
    expect(errors).toEqual([]);
  });
}

test("script embeds refuse data addresses that are not http or https", async ({ page }) => {
  const errors = recordErrors(page);
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto("/fixtures/refused-sources.html");
  for (const id of ["#data-src", "#javascript-src", "#blob-src"]) {
    const embed = page.locator(id);
    await embed.scrollIntoViewIfNeeded();
    const box = embed.locator(".storyline-embed-root");
    await expect(box.getByRole("alert")).toContainText(REFUSED);
    // The address itself (which for data: is the whole forged story) is not repeated.
    await expect(box).not.toContainText(FORGED);
    await expect(box).not.toContainText("data:");
    await expect(embed.locator("[data-event-id]")).toHaveCount(0);
  }
  // A good embed on the same page is unaffected.
  await page.locator("#good").scrollIntoViewIfNeeded();
  await expect(page.locator('#good [data-event-id="nato-accession"]')).toHaveCount(1);
  expect(dialogs).toEqual([]);
  expect(errors).toEqual([]);
});

test("the iframe page and the demo page refuse data addresses that are not http or https", async ({ page }) => {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const forged = readFileSync("tests/e2e/fixtures/forged-story.json", "utf8");
  // The forged story is valid: from a web address it is shown, so what stops it below is the
  // address, not the data.
  await page.goto("/embed/embed.html?src=/fixtures/forged-story.json");
  await expect(page.locator('[data-event-id="forged-event"]')).toHaveCount(1);

  for (const src of [
    "data:application/json," + forged,
    "data:application/json;base64," + Buffer.from(forged).toString("base64"),
    " JAVASCRIPT:alert('FORGED')",
    "java\tscript:alert('FORGED')",
    "blob:http://127.0.0.1/FORGED",
    "file:///etc/FORGED.json",
  ]) {
    // The iframe page, and the demo page, which reads `?src=` the same way.
    for (const pagePath of ["/embed/embed.html", "/"]) {
      await page.goto(`${pagePath}?src=${encodeURIComponent(src)}`);
      await expect(page.getByRole("alert"), src).toContainText(REFUSED);
      await expect(page.locator("body"), src).not.toContainText(FORGED);
      await expect(page.locator("[data-event-id]")).toHaveCount(0);
    }
  }
  expect(dialogs).toEqual([]);
});

test("a failed web address is shown quoted and cut short, not as the publisher's words", async ({ page }) => {
  const words = "Your-subscription-has-expired-call-0800-555-0100-to-renew-".repeat(4);
  await page.goto("/embed/embed.html?src=" + encodeURIComponent(`/no-such-folder/${words}.json`));
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("HTTP 404");
  const text = await alert.innerText();
  expect(text).not.toContain(words);
  const shown = text.match(/\u201c([^\u201d]*)\u201d/)?.[1] ?? "";
  expect(shown.startsWith(new URL("/no-such-folder/", page.url()).href)).toBe(true);
  expect(shown.endsWith("\u2026")).toBe(true);
  expect([...shown].length).toBeLessThanOrEqual(80);
});

/** The README's iframe snippet and the script that follows its height, as written there. */
function readmeIframeSnippet(): { iframe: string; follow: string } {
  const readme = readFileSync("README.md", "utf8");
  const iframe = readme.match(/```html\n(<iframe[\s\S]*?)```/)?.[1];
  const follow = readme.match(/```html\n<script>\n([\s\S]*?)<\/script>\n```/)?.[1];
  if (!iframe || !follow) throw new Error("README.md lost its iframe snippet");
  return { iframe, follow };
}

/** Puts the README's snippet into the page, with the addresses of this test server. */
async function insertSnippet(page: Page, embedBase: string, changes: (html: string) => string = (html) => html) {
  const { iframe, follow } = readmeIframeSnippet();
  const html = changes(
    iframe
      .replace("/storyline/embed.html", `${embedBase}/embed/embed.html`)
      .replace("/timelines/albania.json", "/data/albania-iran-israel.json"),
  );
  await page.evaluate(
    ({ html, follow }) => {
      document.querySelector("#slot")!.innerHTML = html;
      const script = document.createElement("script");
      script.textContent = follow;
      document.body.append(script);
    },
    { html, follow },
  );
}

/**
 * Records every height message the iframe page posts to its (same-origin) parent, with the
 * origin it was addressed to. The recording wrapper is made in the iframe page's own realm, so
 * the messages still come from the iframe's window (`event.source`), as the host's check needs.
 */
async function recordHeightPosts(page: Page) {
  await page.addInitScript(() => {
    if (window === window.top || !location.pathname.endsWith("/embed/embed.html")) return;
    const host = window.parent as any;
    const posts: { height: number; target: string }[] = (host.heightPosts ??= []);
    const post = host.postMessage;
    host.postMessage = function (message: any, ...rest: any[]) {
      if (message?.type === "storyline:height") {
        posts.push({ height: message.height, target: typeof rest[0] === "string" ? rest[0] : rest[0]?.targetOrigin });
      }
      return post.call(host, message, ...rest);
    };
  });
}

const heightPosts = (page: Page) =>
  page.evaluate(() => ((window as any).heightPosts ?? []) as { height: number; target: string }[]);

/** Waits until the iframe page has posted nothing new for a while. */
async function untilQuiet(page: Page) {
  await expect
    .poll(async () => {
      const before = (await heightPosts(page)).length;
      await page.waitForTimeout(400);
      return (await heightPosts(page)).length === before;
    })
    .toBe(true);
}

test("the README's iframe snippet works as written and follows the content's height both ways", async ({ page, context }) => {
  const errors = recordErrors(page);
  await recordHeightPosts(page);
  await page.goto("/fixtures/iframe-host.html");
  await insertSnippet(page, "");
  const iframe = page.locator("#timeline");
  const frame = page.frameLocator("#timeline");
  await expect(frame.locator('[data-event-id="rama-visits-israel"]')).toHaveCount(1);
  await expect(iframe).toHaveAttribute("sandbox", /allow-scripts/);
  await expect(iframe).toHaveAttribute("loading", "lazy");

  // The iframe is as tall as its content.
  const contentHeight = () => frame.locator("body").evaluate((body) => body.scrollHeight);
  const iframeHeight = () => iframe.evaluate((element) => element.getBoundingClientRect().height);
  await expect.poll(async () => Math.abs((await iframeHeight()) - (await contentHeight()))).toBeLessThan(1);
  const tall = await iframeHeight();

  // The list view is taller than the timeline: the iframe grows with it, and shrinks back.
  const list = frame.getByRole("button", { name: "List", exact: true });
  await list.click();
  await expect.poll(iframeHeight).toBeGreaterThan(tall + 100);
  await expect.poll(async () => Math.abs((await iframeHeight()) - (await contentHeight()))).toBeLessThan(1);
  await list.click();
  await expect.poll(iframeHeight).toBe(tall);

  // Every height went to this page's origin, never to "*".
  const posts = await heightPosts(page);
  expect(posts.length).toBeGreaterThan(1);
  expect(new Set(posts.map((post) => post.target))).toEqual(new Set([new URL(page.url()).origin]));

  // Source links open in a new tab, outside the sandbox.
  await context.route(/^https:\/\//, (route) =>
    route.fulfill({ contentType: "text/html", body: "<!doctype html><title>A source</title><p>A source</p>" }),
  );
  const link = frame.locator(".storyline-detail a[href^='https:']").first();
  await link.scrollIntoViewIfNeeded();
  const [source] = await Promise.all([context.waitForEvent("page"), link.click()]);
  await source.waitForLoadState();
  expect(await source.evaluate(() => window.origin)).not.toBe("null");
  await source.close();
  expect(errors).toEqual([]);
});

test("the iframe page answers its parent only, at the parent's origin", async ({ page }) => {
  await recordHeightPosts(page);
  await page.goto("/fixtures/iframe-host.html");
  await insertSnippet(page, "");
  const frame = page.frameLocator("#timeline");
  await expect(frame.locator('[data-event-id="rama-visits-israel"]')).toHaveCount(1);
  await untilQuiet(page);
  const before = (await heightPosts(page)).length;

  // Another frame on the page asks first: ignored. Then the parent asks: answered. Both messages
  // reach the iframe page in that order, so an answer to the first would arrive first.
  await page.frame({ name: "sibling" })!.evaluate(() => {
    const timeline = parent.document.querySelector<HTMLIFrameElement>("#timeline")!;
    timeline.contentWindow!.postMessage({ type: "storyline:request-height" }, "*");
  });
  await page.evaluate(() => {
    const timeline = document.querySelector<HTMLIFrameElement>("#timeline")!;
    timeline.contentWindow!.postMessage({ type: "storyline:request-height" }, "*");
  });
  await expect.poll(async () => (await heightPosts(page)).length).toBe(before + 1);
  await page.waitForTimeout(500);
  const posts = await heightPosts(page);
  expect(posts).toHaveLength(before + 1);
  expect(posts.at(-1)!.target).toBe(new URL(page.url()).origin);
});

/** The iframe's height and its content's height, for a frame on any origin. */
async function iframeAndContentHeights(page: Page): Promise<[number, number]> {
  const frame = page.frame({ url: /\/embed\/embed\.html/ })!;
  const outer = await page.locator("#timeline").evaluate((element) => element.getBoundingClientRect().height);
  const inner = await frame.evaluate(() => document.body.scrollHeight);
  return [outer, inner];
}

/** Opens the host page on another origin (localhost and 127.0.0.1 are two origins on one server). */
async function openForeignHost(page: Page, embedOrigin: string) {
  await page.goto(`${embedOrigin.replace("127.0.0.1", "localhost")}/fixtures/iframe-host.html`);
  await page.evaluate(() => {
    (window as any).heights = [];
    addEventListener("message", (event) => {
      if (event.data?.type === "storyline:height") (window as any).heights.push([event.origin, event.data.height]);
    });
  });
}

test("a host on another origin gets the heights, addressed to it", async ({ page, baseURL }) => {
  const embedOrigin = new URL(baseURL!).origin;
  await openForeignHost(page, embedOrigin);
  await insertSnippet(page, embedOrigin);
  await expect(page.frameLocator("#timeline").locator('[data-event-id="rama-visits-israel"]')).toHaveCount(1);
  await expect.poll(async () => {
    const [outer, inner] = await iframeAndContentHeights(page);
    return Math.abs(outer - inner);
  }).toBeLessThan(1);
  const heights: [string, number][] = await page.evaluate(() => (window as any).heights);
  expect(new Set(heights.map(([origin]) => origin))).toEqual(new Set([embedOrigin]));
});

test("a host that hides its origin gets heights once it asks", async ({ page, baseURL }) => {
  const embedOrigin = new URL(baseURL!).origin;
  await openForeignHost(page, embedOrigin);
  await insertSnippet(page, embedOrigin, (html) => html.replace(/referrerpolicy="[^"]*"/, 'referrerpolicy="no-referrer"'));
  await expect(page.frameLocator("#timeline").locator('[data-event-id="rama-visits-israel"]')).toHaveCount(1);
  // No referrer; Chromium still reports the host's origin through location.ancestorOrigins.
  const frame = page.frame({ url: /\/embed\/embed\.html/ })!;
  expect(await frame.evaluate(() => document.referrer)).toBe("");
  await page.locator("#timeline").evaluate((element: HTMLIFrameElement) =>
    element.contentWindow!.postMessage({ type: "storyline:request-height" }, "*"),
  );
  await expect.poll(async () => {
    const [outer, inner] = await iframeAndContentHeights(page);
    return Math.abs(outer - inner);
  }).toBeLessThan(1);
  const heights: [string, number][] = await page.evaluate(() => (window as any).heights);
  expect(new Set(heights.map(([origin]) => origin))).toEqual(new Set([embedOrigin]));
});

test("a host page cannot hand a script embed a story of its own making as the downloaded one", async ({ page }) => {
  const forged = readFileSync("tests/e2e/fixtures/forged-story.json", "utf8");
  // The page plants a "download" of the embed's address under the name the iframe page uses,
  // before the loader runs.
  await page.addInitScript((forged) => {
    const src = new URL("/data/albania-iran-israel.json", location.href).href;
    (window as any).__storylineDownload = {
      src,
      response: Promise.resolve(new Response(forged, { headers: { "content-type": "application/json" } })),
      controller: new AbortController(),
    };
  }, forged);
  await page.goto("/fixtures/spa-host.html");
  const one = page.locator("#one");
  await expect(one.locator('[data-event-id="nato-accession"]')).toHaveCount(1);
  await expect(one.locator('[data-event-id="forged-event"]')).toHaveCount(0);
  await expect(one.locator(".storyline-embed-root")).not.toContainText(FORGED);
});
