// Where a zoom step's main-thread time goes, by function: loads Storyline's iframe page from a
// folder (dist/embed, or a copy whose wasm keeps its names: /work/notes/measure-size.sh writes
// one, `named.wasm`), zooms as `make bench` does, with the CDP sampling profiler on, and prints
// the functions with the most self time, and the step's split into script, style and layout.
// Not a test and not the bench: a tool for finding what to cut. Needs the bench's data
// (bench-results/data, written by run.mjs).
// Usage: node scripts/bench/profile-zoom.mjs EMBED-FOLDER STORY [ROUNDS] [PORT]
//   e.g. node scripts/bench/profile-zoom.mjs dist/embed events-1000 4 8195
import { openEmbed } from "./embed-page.mjs";

const [folder = "dist/embed", story = "events-1000", rounds = "4", port = "8195"] = process.argv.slice(2);
const { page, close } = await openEmbed(folder, story, port);
const cdp = await page.context().newCDPSession(page);
await cdp.send("Profiler.enable");
await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
await cdp.send("Performance.enable");
const totals = async () => Object.fromEntries((await cdp.send("Performance.getMetrics")).metrics.map((m) => [m.name, m.value]));
const before = await totals();
await cdp.send("Profiler.start");
const steps = await page.evaluate(async (rounds) => {
  const stage = document.querySelector(".storyline-stage");
  const box = stage.getBoundingClientRect();
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const times = [];
  for (let round = 0; round < rounds; round++)
    for (const deltaY of [-100, 100])
      for (let i = 0; i < 5; i++) {
        const start = performance.now();
        const init = { clientX: box.left + box.width / 2, clientY: box.top + box.height / 2, bubbles: true, cancelable: true };
        stage.dispatchEvent(new WheelEvent("wheel", { ...init, deltaY, ctrlKey: true }));
        await new Promise((resolve) => setTimeout(resolve, 0));
        void document.body.offsetHeight;
        times.push(performance.now() - start);
        await frame();
      }
  return times;
}, Number(rounds));
const { profile } = await cdp.send("Profiler.stop");
const after = await totals();
await close();

const sorted = [...steps].sort((a, b) => a - b);
if (process.env.STEPS) console.log(steps.map((s) => s.toFixed(1)).join(" "));
const perStep = (name) => ((1000 * (after[name] - before[name])) / steps.length).toFixed(2);
console.log(
  `${story}: ${steps.length} steps, median ${sorted[Math.floor(sorted.length / 2)].toFixed(1)} ms; per step script ${perStep("ScriptDuration")}, ` +
    `style ${perStep("RecalcStyleDuration")}, layout ${perStep("LayoutDuration")} ms`,
);
// Self time per function, from the samples.
const self = new Map();
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const deltas = profile.timeDeltas;
profile.samples.forEach((id, i) => {
  const node = byId.get(id);
  const frame = node.callFrame;
  const name = `${frame.functionName || "(anonymous)"} ${frame.url.split("/").pop()}`;
  self.set(name, (self.get(name) ?? 0) + (deltas[i + 1] ?? 0) / 1000);
});
const total = [...self.entries()].filter(([name]) => !name.startsWith("(idle)")).reduce((sum, [, ms]) => sum + ms, 0);
console.log(`profiled busy time ${total.toFixed(1)} ms (${(total / steps.length).toFixed(2)} ms per step); self time, per step:`);
for (const [name, ms] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 45)))
  console.log(`${(ms / steps.length).toFixed(3).padStart(8)}  ${name.slice(0, 150)}`);
