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
