// `make bench`: loads generated stories of 1,000, 10,000 and 100,000 events into the release build
// in headless Chromium and prints what a reader would feel: time to first render, zoom and pan
// steps, DOM size and memory, plus the reader bundle's size. Not a test: it measures, it does not
// judge. Results also go to bench-results/latest.md.
import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { generate } from "./generate.mjs";
import { CHROMIUM } from "../chromium.mjs";

const SIZES = [1_000, 10_000, 100_000];
const PORT = 8093;
const RUNS = 3;
const out = "bench-results";
mkdirSync(`${out}/data`, { recursive: true });
for (const size of SIZES) writeFileSync(`${out}/data/events-${size}.json`, JSON.stringify(generate(size, 2025)));

const server = spawn("node", ["scripts/serve.mjs", String(PORT), "/=dist", `/bench=${out}/data`], { stdio: "ignore" });
await new Promise((resolve) => setTimeout(resolve, 400));

const browser = await chromium.launch({ ...CHROMIUM, args: [...CHROMIUM.args, "--enable-precise-memory-info"] });

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const p95 = (values) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil(values.length * 0.95) - 1)];

async function measure(size) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    // The moment the first event or cluster is inserted, then the frame that paints it.
    window.__firstRender = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (document.querySelector("[data-event-id], [data-cluster-count]")) {
          observer.disconnect();
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0));
        }
      });
      observer.observe(document, { childList: true, subtree: true });
    });
    addEventListener("TrunkApplicationStarted", (event) => (window.__wasm = event.detail.wasm));
  });
  await page.goto(`http://127.0.0.1:${PORT}/?src=bench/events-${size}.json`);
  const firstRender = await page.evaluate(() => window.__firstRender);
  // One wheel step: dispatch the event, let the component's reactive updates run (they are
  // queued as microtasks, all done by the next task), then make the browser recompute style and
  // layout: the work that must fit in a frame. Frame pacing itself (vsync) is not counted.
  const steps = await page.evaluate(async () => {
    const stage = document.querySelector(".storyline-stage");
    const box = stage.getBoundingClientRect();
    const x = box.left + box.width / 2;
    const y = box.top + box.height / 2;
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));
    const step = async (init) => {
      const start = performance.now();
      stage.dispatchEvent(new WheelEvent("wheel", { clientX: x, clientY: y, bubbles: true, cancelable: true, ...init }));
      await nextTask();
      void document.body.offsetHeight;
      stage.querySelector(".storyline-events")?.getBoundingClientRect();
      const elapsed = performance.now() - start;
      await frame();
      return elapsed;
    };
    await frame();
    const zoom = [];
    for (let i = 0; i < 10; i++) zoom.push(await step({ deltaY: -100, ctrlKey: true }));
    for (let i = 0; i < 10; i++) zoom.push(await step({ deltaY: 100, ctrlKey: true }));
    const pan = [];
    for (let i = 0; i < 10; i++) pan.push(await step({ deltaX: 120 }));
    // The deepest point of a zoom in, for the DOM count: many small steps in.
    let nodes = document.getElementsByTagName("*").length;
    for (let i = 0; i < 30; i++) {
      await step({ deltaY: -100, ctrlKey: true });
      nodes = Math.max(nodes, document.getElementsByTagName("*").length);
    }
    return { zoom, pan, nodes };
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send("HeapProfiler.collectGarbage");
  const metrics = (await cdp.send("Performance.getMetrics").catch(async () => {
    await cdp.send("Performance.enable");
    return cdp.send("Performance.getMetrics");
  })).metrics;
  const jsHeap = metrics.find((metric) => metric.name === "JSHeapUsedSize")?.value ?? 0;
  const wasmMemory = await page.evaluate(() => window.__wasm?.memory?.buffer?.byteLength ?? 0);
  await context.close();
  return { firstRender, zoom: steps.zoom, pan: steps.pan, nodes: steps.nodes, memory: (jsHeap + wasmMemory) / 2 ** 20 };
}

/** What an article downloads for its timelines: the embed loader, the wasm and its JS glue, the CSS. */
function bundleSizes() {
  const files = ["storyline.js", "storyline-embed.js", "storyline-embed_bg.wasm", "storyline.css"];
  let raw = 0;
  let gzip = 0;
  let brotli = 0;
  const parts = [];
  for (const name of files) {
    const bytes = readFileSync(`dist/embed/${name}`);
    const gz = gzipSync(bytes, { level: 9 }).length;
    raw += bytes.length;
    gzip += gz;
    brotli += brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    parts.push(`${name} ${(gz / 1024).toFixed(1)} KB`);
  }
  return { raw, gzip, brotli, parts };
}

const rows = [];
for (const size of SIZES) {
  const runs = [];
  for (let run = 0; run < RUNS; run++) runs.push(await measure(size));
  const zoom = runs.flatMap((r) => r.zoom);
  const pan = runs.flatMap((r) => r.pan);
  rows.push({
    size,
    firstRender: median(runs.map((r) => r.firstRender)),
    zoomMedian: median(zoom),
    zoomP95: p95(zoom),
    panMedian: median(pan),
    nodes: Math.max(...runs.map((r) => r.nodes)),
    memory: median(runs.map((r) => r.memory)),
  });
}
await browser.close();
server.kill();

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const bundle = bundleSizes();
const lines = [
  `Storyline benchmark, ${new Date().toISOString().slice(0, 10)}, headless Chromium, 1280×720, median of ${RUNS} loads`,
  "",
  "| events | first render | zoom step median | zoom step p95 | pan step median | DOM nodes (max) | JS heap + wasm memory |",
  "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ...rows.map(
    (r) =>
      `| ${r.size.toLocaleString("en")} | ${r.firstRender.toFixed(0)} ms | ${r.zoomMedian.toFixed(1)} ms | ${r.zoomP95.toFixed(1)} ms | ${r.panMedian.toFixed(1)} ms | ${r.nodes} | ${r.memory.toFixed(1)} MB |`,
  ),
  "",
  `Reader bundle (dist/embed: loader + wasm + JS glue + CSS): ${kb(bundle.raw)} raw, ${kb(bundle.gzip)} gzip -9, ${kb(bundle.brotli)} brotli (gzip: ${bundle.parts.join(", ")})`,
];
const report = lines.join("\n");
console.log(report);
writeFileSync(`${out}/latest.md`, report + "\n");
