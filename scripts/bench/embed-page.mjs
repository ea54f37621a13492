// Opens Storyline's iframe page, served from a folder, on one of the bench's stories in headless
// Chromium, and waits until its first items are drawn: the start of the zoom tools beside it
// (profile-zoom.mjs, count-writes.mjs). Needs the bench's data (bench-results/data, written by
// run.mjs).
import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";
import { CHROMIUM } from "../chromium.mjs";

/** The page, and a function that closes the browser and stops the server. */
export async function openEmbed(folder, story, port) {
  const origin = `http://127.0.0.1:${port}`;
  const server = spawn("node", ["scripts/bench/server.mjs", String(port), `/=${folder}`, "/bench=bench-results/data"], { stdio: "ignore" });
  await new Promise((resolve) => setTimeout(resolve, 400));
  const browser = await chromium.launch(CHROMIUM);
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(`${origin}/embed.html?src=${encodeURIComponent(`${origin}/bench/${story}.json`)}`);
  await page.waitForSelector("[data-event-id], [data-cluster-count]");
  await page.waitForTimeout(500);
  const close = async () => {
    await browser.close();
    server.kill();
  };
  return { page, close };
}
