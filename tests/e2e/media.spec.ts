// Media that respects the reader: a provider's video is only a poster and a Play button until the
// reader presses Play (no request to the provider before), then the provider's privacy-enhanced
// player; recordings fetch nothing before Play; quotes read as quotes; axe finds nothing wrong.
import { expect, test, type Page, type Request } from "@playwright/test";
import { expectNoViolations } from "./axe";
import { TimelinePage } from "./timeline-page";

const PROVIDERS = /youtube|youtu\.be|ytimg|googlevideo|doubleclick|vimeo|vimeocdn/;
// A 1×1 PNG for the journalist's poster, served in place of images.example.org.
const PIXEL = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

/** Every request the page makes, and stand-ins for the providers' players and the media hosts. */
async function recordRequests(page: Page): Promise<Request[]> {
  const requests: Request[] = [];
  page.on("request", (request) => requests.push(request));
  await page.route(/^https:\/\/(www\.youtube-nocookie\.com|player\.vimeo\.com)\//, (route) =>
    route.fulfill({
      contentType: "text/html",
      body: '<!doctype html><html lang="en"><title>Player</title><body><p>The player</p></body></html>',
    }),
  );
  await page.route(/^https:\/\/(images|audio)\.example\.org\//, (route) =>
    route.fulfill({ contentType: "image/png", body: PIXEL }),
  );
  return requests;
}

const toProviders = (requests: Request[]) => requests.map((request) => request.url()).filter((url) => PROVIDERS.test(url));

async function openEvent(page: Page, id: string) {
  const timeline = new TimelinePage(page);
  await timeline.open("src=fixtures/media-story.json");
  await expect(timeline.event(id)).toHaveCount(1);
  await timeline.eventButton(id).click();
  await expect(page.locator(".storyline-detail h3")).toBeVisible();
  return timeline;
}


test("a YouTube video asks nothing of YouTube until Play, then plays in the privacy-enhanced player", async ({ page }) => {
  const requests = await recordRequests(page);
  const timeline = await openEvent(page, "statement");
  const detail = timeline.detail;
  const play = detail.getByRole("button", { name: "Play video: The statement on video" });
  await expect(play).toBeVisible();
  await expect(detail.locator(".storyline-poster-blank")).toHaveText("YouTube");
  await expect(detail.getByText("Plays from YouTube only when you press Play")).toBeVisible();
  const pageLink = detail.getByRole("link", { name: "Watch on YouTube" });
  await expect(pageLink).toHaveAttribute("href", "https://www.youtube.com/watch?v=dQw4w9WgXcQ");
  await expect(pageLink).toHaveAttribute("rel", "noopener noreferrer");
  await expect(detail.locator("figcaption")).toContainText("The prime minister's statement");
  await expect(detail.locator("iframe")).toHaveCount(0);
  await expectNoViolations(page);
  expect(toProviders(requests)).toEqual([]);

  // White on near-black, whatever the host's or the component's button styles say.
  await expect(play).toHaveCSS("color", "rgb(255, 255, 255)");
  await expect(play).toHaveCSS("background-color", "rgb(27, 27, 31)");
  const box = await play.boundingBox();
  expect(box!.height).toBeGreaterThanOrEqual(44);
  await play.click();
  const player = detail.locator("iframe");
  await expect(player).toHaveAttribute("src", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&rel=0&start=42");
  await expect(player).toHaveAttribute("title", "The statement on video (YouTube)");
  await expect(player).toHaveAttribute("allow", "autoplay; encrypted-media; picture-in-picture; fullscreen");
  await expect(player).toHaveAttribute("sandbox", /allow-scripts/);
  await expect(player).not.toHaveAttribute("sandbox", /allow-top-navigation/);
  // The player keeps the 16:9 frame the poster had.
  const frame = await player.boundingBox();
  expect(Math.abs(frame!.width / frame!.height - 16 / 9)).toBeLessThan(0.03);
  await expect.poll(() => toProviders(requests)).toEqual([
    "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&rel=0&start=42",
  ]);
  // Keyboard focus moved on into the player, not back to the top of the page.
  await expect(player).toBeFocused();
  await expectNoViolations(page);
  expect(timeline.consoleErrors).toEqual([]);
});

test("a Vimeo video shows the journalist's poster, then the do-not-track player, from the keyboard", async ({ page }) => {
  const requests = await recordRequests(page);
  const timeline = await openEvent(page, "interview");
  const detail = timeline.detail;
  const poster = detail.locator("img.storyline-poster");
  await expect(poster).toHaveAttribute("src", "https://images.example.org/interview-still.png");
  await expect(poster).toHaveAttribute("alt", "");
  const play = detail.getByRole("button", { name: "Play video: The minister answers questions in a studio" });
  await play.focus();
  await page.keyboard.press("Enter");
  const player = detail.locator("iframe");
  await expect(player).toHaveAttribute("src", "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1");
  await expect(player).toBeFocused();
  await expect.poll(() => toProviders(requests)).toEqual(["https://player.vimeo.com/video/76979871?dnt=1&autoplay=1"]);
  // Another event closes the player: the next video starts as a poster again.
  await timeline.eventButton("statement").click();
  await expect(detail.locator("iframe")).toHaveCount(0);
  await expect(detail.getByRole("button", { name: "Play video: The statement on video" })).toBeVisible();
});

test("a recording fetches nothing before Play and a quote reads as a quote", async ({ page }) => {
  const requests = await recordRequests(page);
  const timeline = await openEvent(page, "radio");
  const audio = timeline.detail.locator("audio");
  await expect(audio).toHaveAttribute("controls", "");
  await expect(audio).toHaveAttribute("preload", "none");
  await expect(audio).toHaveAttribute("aria-label", "On the radio");
  expect(requests.map((request) => request.url()).filter((url) => url.includes("audio.example.org"))).toEqual([]);

  await timeline.eventButton("words").click();
  const quote = timeline.detail.locator("figure blockquote");
  await expect(quote).toHaveText("We will not be intimidated.");
  await expect(timeline.detail.locator("figure figcaption")).toHaveText(/Edi Rama/);
  await expectNoViolations(page);
});

test("a photo in several sizes keeps its room before it loads and downloads only the file the panel needs", async ({ page }) => {
  // The photo's files wait until the room kept for it has been measured.
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  const photos: string[] = [];
  await page.route(/^https:\/\/images\.example\.org\//, async (route) => {
    photos.push(route.request().url());
    if (route.request().url().includes("handshake")) await released;
    await route.fulfill({ contentType: "image/png", body: PIXEL });
  });
  const timeline = await openEvent(page, "handshake");
  const figure = timeline.detail.locator("figure");
  const photo = figure.getByRole("img", { name: "Two leaders shake hands at a press conference" });
  await expect(photo).toHaveAttribute(
    "srcset",
    "https://images.example.org/handshake-400.jpg 400w, https://images.example.org/handshake-800.jpg 800w, https://images.example.org/handshake-1600.jpg 1600w",
  );
  await expect(photo).toHaveAttribute("sizes", "auto, (max-width: 600px) calc(100vw - 68px), calc(43rem - 44px)");
  await expect(photo).toHaveAttribute("src", "https://images.example.org/handshake-800.jpg");
  await expect(photo).toHaveAttribute("width", "800");
  await expect(photo).toHaveAttribute("height", "533");
  await expect(photo).toHaveAttribute("loading", "lazy");
  await expect(photo).toHaveAttribute("decoding", "async");
  await expect(figure.locator("figcaption")).toContainText("The two prime ministers in Tirana.");

  // Before a byte of it arrives, the photo already spans the figure at its own 800:533.
  await photo.scrollIntoViewIfNeeded();
  await expect.poll(() => photos.length).toBeGreaterThan(0);
  const room = (await photo.boundingBox())!;
  const figureBox = (await figure.boundingBox())!;
  expect(Math.abs(room.width - figureBox.width)).toBeLessThan(1);
  expect(Math.abs(room.height - (room.width * 533) / 800)).toBeLessThan(1);

  // Browsers without `sizes="auto"` choose by the rest of `sizes`: it promises at least the width
  // the figure is drawn at here (no blurry photo), and hardly more (no wasted download).
  const promised = await photo.evaluate((image) => {
    for (const size of image.getAttribute("sizes")!.split(/,\s*/).slice(1)) {
      const [, condition, length] = size.match(/^(\(.*\))?\s*(.+)$/)!;
      if (condition && !matchMedia(condition).matches) continue;
      const probe = document.createElement("div");
      probe.style.width = length;
      document.body.append(probe);
      const width = probe.getBoundingClientRect().width;
      probe.remove();
      return width;
    }
    return 0;
  });
  expect(promised).toBeGreaterThanOrEqual(figureBox.width - 0.5);
  expect(promised).toBeLessThanOrEqual(figureBox.width + 8);

  // The figure is about 640px at 1× on the desktop and 322px at 2× on the phone: either way the
  // 800px file, and no other.
  release();
  await expect
    .poll(() => photo.evaluate((image: HTMLImageElement) => (image.complete ? image.currentSrc : "")))
    .toBe("https://images.example.org/handshake-800.jpg");
  expect(photos).toEqual(["https://images.example.org/handshake-800.jpg"]);
  await expectNoViolations(page);

  // A photo without its own size: its file is not a candidate, and the browser cannot know its
  // drawn width before it loads, so `sizes` is the panel's alone.
  await timeline.eventButton("map").click();
  const map = timeline.detail.getByRole("img", { name: "A map of the servers used in the attack" });
  await expect(map).toHaveAttribute("srcset", "https://images.example.org/map-1200.png 1200w");
  await expect(map).toHaveAttribute("sizes", "(max-width: 600px) calc(100vw - 68px), calc(43rem - 44px)");
  await expect(map).not.toHaveAttribute("width", /./);
  await expect(map).toHaveAttribute("loading", "lazy");
});
