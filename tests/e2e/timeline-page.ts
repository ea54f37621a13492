// A page object for the Storyline demo page: what a reader sees and does, named as they would.
import { expect, type Locator, type Page } from "@playwright/test";

export class TimelinePage {
  readonly consoleErrors: string[] = [];
  readonly root: Locator;
  readonly stage: Locator;
  readonly detail: Locator;
  readonly axis: Locator;

  constructor(readonly page: Page) {
    page.on("console", (message) => {
      if (message.type() === "error") this.consoleErrors.push(message.text());
    });
    page.on("pageerror", (error) => this.consoleErrors.push(String(error)));
    this.root = page.locator("section.storyline");
    this.stage = page.locator(".storyline-stage");
    this.detail = page.locator(".storyline-detail");
    this.axis = page.locator(".storyline-axis");
  }

  async open(query = "") {
    await this.page.goto(query ? `./?${query}` : "./");
  }

  async openStory() {
    await this.open();
    await expect(this.root).toBeVisible();
    await expect(this.event("nato-accession")).toHaveCount(1);
  }

  event(id: string): Locator {
    return this.page.locator(`[data-event-id="${id}"]`);
  }

  eventButton(id: string): Locator {
    return this.event(id).locator("button");
  }

  categoryButton(id: string): Locator {
    return this.page.locator(`button[data-category="${id}"]`);
  }

  /** Opens an event the way a keyboard user does: focus it, press Enter. */
  async openWithKeyboard(id: string) {
    await this.eventButton(id).focus();
    await this.page.keyboard.press("Enter");
    await expect(this.detail.locator("h3")).toBeVisible();
  }

  /** Events drawn on their own plus the events counted in clusters: what the reader can reach. */
  async eventTotal(): Promise<number> {
    return this.page.evaluate(() => {
      const single = document.querySelectorAll("[data-event-id]").length;
      const clustered = [...document.querySelectorAll("[data-cluster-count]")].reduce(
        (sum, element) => sum + Number(element.getAttribute("data-cluster-count")),
        0,
      );
      return single + clustered;
    });
  }

  sourceLinks(): Locator {
    return this.detail.locator("a.storyline-source");
  }

  async sourceHrefs(): Promise<string[]> {
    return this.sourceLinks().evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  }

  async minorTickLabels(): Promise<string[]> {
    return this.page.locator(".storyline-axis-minor .storyline-tick-label").allTextContents();
  }
}
