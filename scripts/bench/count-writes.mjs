// How many inline styles a zoom step writes, step by step: loads Storyline's iframe page from a
// folder (dist/embed, or another build to compare), waits until it rests, then takes a burst of
// wheel steps a task apart, in and then out (the first step of each burst composes the scene, the
// others move it), counting `style` attribute changes with a MutationObserver. Deterministic where
// timings are not: a tool for telling what a change to drawing costs, not a test and not the bench.
// Needs the bench's data (bench-results/data, written by run.mjs).
// Usage: node scripts/bench/count-writes.mjs EMBED-FOLDER STORY [PORT]
//   e.g. node scripts/bench/count-writes.mjs dist/embed events-1000 8196
import { openEmbed } from "./embed-page.mjs";

const [folder = "dist/embed", story = "events-1000", port = "8196"] = process.argv.slice(2);
const { page, close } = await openEmbed(folder, story, port);
const bursts = await page.evaluate(async () => {
  const stage = document.querySelector(".storyline-stage");
  const box = stage.getBoundingClientRect();
  const written = [];
  for (const deltaY of [-100, 100]) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    const steps = [];
    for (let i = 0; i < 5; i++) {
      let styles = 0;
      const observer = new MutationObserver((records) => {
        for (const record of records) styles += Number(record.attributeName === "style");
      });
      observer.observe(document.body, { subtree: true, attributes: true });
      const init = { clientX: box.left + box.width / 2, clientY: box.top + box.height / 2, bubbles: true, cancelable: true };
      stage.dispatchEvent(new WheelEvent("wheel", { ...init, deltaY, ctrlKey: true }));
      await new Promise((resolve) => setTimeout(resolve, 0));
      observer.disconnect();
      steps.push(styles);
    }
    written.push(`${deltaY < 0 ? "in" : "out"}: ${steps.join(" ")}`);
  }
  return written;
});
console.log(`${story}: styles written per step, ${bursts.join(", ")}`);
await close();
