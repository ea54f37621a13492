// `make bench`: Storyline side by side with vis-timeline and TimelineJS3 (npm dev dependencies used
// only here), each on the same generated stories, each embedded as an article would (Storyline's
// iframe page dist/embed/embed.html; the peers' pages in scripts/bench/peers/), in headless
// Chromium, in a fresh context per load. It prints, per measure, one table with the three side by
// side and Storyline's ratios to each peer, then the targets of issue #12 with this run's numbers,
// then Storyline's own detail (pan step, DOM size, memory). Not a test: it measures, it does not
// judge. Results go to bench-results/latest.md and bench-results/latest.json (also kept dated).
// Method: docs/performance.md. Usage: node scripts/bench/run.mjs [--quick] [--only=storyline,vis]
// [--sizes=100,1000] [--runs=N] [--targets-only] [--port=N] [--dist=FOLDER] (--quick: one load each; --sizes: only
// these stories; --targets-only: only the sized stories' first render, blocking time and zoom
// steps, without the warnings path, the demo, the phone profile and the detail; --port: another
// port, for two benches on one machine; --dist: another build, to compare two side by side).
import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { generate } from "./generate.mjs";
import { toTimelineJs, toVis } from "./peers/convert.mjs";
import { CHROMIUM } from "../chromium.mjs";

const QUICK = process.argv.includes("--quick");
const flag = (name) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const TARGETS_ONLY = process.argv.includes("--targets-only");
const RUNS = flag("runs") ? Number(flag("runs")) : null;
const ONLY_SIZES = flag("sizes")?.split(",").map(Number);
// --only=vis,storyline: run only these widgets (the others' columns stay empty).
const ONLY = flag("only")?.split(",");
const PORT = Number(flag("port") ?? 8093);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const out = "bench-results";
const sized = (sizes) => sizes.filter((size) => !ONLY_SIZES || ONLY_SIZES.includes(size));
const SIZES = sized([100, 1_000, 10_000]);
const STORYLINE_ONLY_SIZES = TARGETS_ONLY ? [] : sized([100_000]);
const runsFor = (size) => RUNS ?? (QUICK ? 1 : size <= 100 ? 5 : 3);
// Longer than any widget takes on this machine; a load past it is reported as failed.
const LOAD_TIMEOUT_MS = 90_000;
const ZOOM_BUDGET_MS = 4_000;
const DESKTOP = { viewport: { width: 1280, height: 720 } };
// A mid-range phone: 390×844 CSS pixels, CPU 4× slower, and Chrome DevTools' "Slow 3G" preset
// (2 s request latency, 400 kbit/s down and up). The server is on loopback, so the network is
// slowed in the browser through CDP, where it counts.
const PHONE = {
  context: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true },
  cpuSlowdown: 4,
  network: { offline: false, latency: 2000, downloadThroughput: 50_000, uploadThroughput: 50_000 },
};

const MOUNTS = {
  "/": flag("dist") ?? "dist",
  "/bench": `${out}/data`,
  "/peers": "scripts/bench/peers",
  "/peer-lib/vis-timeline": "node_modules/vis-timeline",
  "/peer-lib/timelinejs": "node_modules/@knight-lab/timelinejs/dist",
};

/** The three widgets: where each page is, what marks an event in its DOM, and one zoom step. */
const WIDGETS = [
  {
    id: "storyline",
    name: "Storyline",
    page: (story) => `/embed/embed.html?src=${encodeURIComponent(`${ORIGIN}/bench/${story}.json`)}`,
    events: "[data-event-id], [data-cluster-count]",
    zoom: { target: ".storyline-stage", in: { wheel: { deltaY: -100, ctrlKey: true } }, out: { wheel: { deltaY: 100, ctrlKey: true } } },
  },
  {
    id: "vis",
    name: "vis-timeline",
    page: (story) => `/peers/vis.html?src=/bench/${story}.vis.json`,
    events: ".vis-item",
    // vis-timeline redraws on a range change in the next animation frame (its throttle).
    zoom: {
      target: ".vis-panel.vis-center",
      settle: "frame",
      in: { wheel: { deltaY: -100, ctrlKey: true } },
      out: { wheel: { deltaY: 100, ctrlKey: true } },
    },
  },
  {
    id: "timelinejs",
    name: "TimelineJS3",
    page: (story) => `/peers/timelinejs.html?src=/bench/${story}.timelinejs.json`,
    events: ".tl-timemarker",
    // TimelineJS has no wheel zoom: its zoom buttons, which rescale the time navigator at once.
    zoom: { in: { click: '[aria-label="Zoom in"]' }, out: { click: '[aria-label="Zoom out"]' } },
  },
];
const active = (widget) => !ONLY || ONLY.includes(widget.id);

// ---- Data: the generated stories, with and without sources, and the demo story; each also in
// the peers' formats.
mkdirSync(`${out}/data`, { recursive: true });
function writeStory(name, story, { peers }) {
  writeFileSync(`${out}/data/${name}.json`, JSON.stringify(story));
  if (peers) {
    writeFileSync(`${out}/data/${name}.vis.json`, JSON.stringify(toVis(story)));
    writeFileSync(`${out}/data/${name}.timelinejs.json`, JSON.stringify(toTimelineJs(story)));
  }
}
for (const size of [...SIZES, ...STORYLINE_ONLY_SIZES]) {
  writeStory(`events-${size}`, generate(size, 2025), { peers: SIZES.includes(size) });
  writeStory(`events-${size}-nosources`, generate(size, 2025, { sources: false }), { peers: false });
}
const demoStory = JSON.parse(readFileSync("data/albania-iran-israel.json", "utf8"));
writeStory("demo", demoStory, { peers: true });

const server = spawn(
  "node",
  ["scripts/bench/server.mjs", String(PORT), ...Object.entries(MOUNTS).map(([prefix, folder]) => `${prefix}=${folder}`)],
  { stdio: "ignore" },
);
await new Promise((resolve) => setTimeout(resolve, 400));
const browser = await chromium.launch({
  ...CHROMIUM,
  args: [...CHROMIUM.args, "--enable-precise-memory-info", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"],
});

const median = (values) => (values.length ? [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] : NaN);
const p95 = (values) =>
  values.length ? [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil(values.length * 0.95) - 1)] : NaN;

/** The file a served path comes from (longest mount first), or null. */
function servedFile(path) {
  const prefixes = Object.keys(MOUNTS).sort((a, b) => b.length - a.length);
  const prefix = prefixes.find((p) => p === "/" || path === p || path.startsWith(p + "/"));
  if (!prefix) return null;
  const file = `${MOUNTS[prefix]}/${path.slice(prefix === "/" ? 1 : prefix.length + 1)}`;
  return existsSync(file) ? file : null;
}

// Every file once, so the server has compressed it before anything is timed.
async function warmServer() {
  const stories = [...SIZES, ...STORYLINE_ONLY_SIZES].flatMap((size) => [`events-${size}`, `events-${size}-nosources`]);
  const paths = [...stories.map((name) => `/bench/${name}.json`), "/bench/demo.json"];
  for (const name of [...SIZES.map((size) => `events-${size}`), "demo"])
    paths.push(`/bench/${name}.vis.json`, `/bench/${name}.timelinejs.json`);
  for (const path of paths) await fetch(`${ORIGIN}${path}`, { headers: { "accept-encoding": "gzip" } }).then((r) => r.arrayBuffer());
}

/**
 * One load of one widget on one story in a fresh context: first render, blocking time before it,
 * what the page downloaded, and (when asked) zoom steps and Storyline's pan/DOM/memory detail.
 */
async function load(widget, story, { profile = null, zoom = false, detail = false } = {}) {
  const context = await browser.newContext(profile ? profile.context : DESKTOP);
  const page = await context.newPage();
  // The network here is closed (and other hosts resolve to nothing, see the launch): anything a
  // widget asks of the outside fails at once, and is named in the report.
  const blocked = [];
  page.on("requestfailed", (request) => {
    if (new URL(request.url()).hostname !== "127.0.0.1") blocked.push(request.url());
  });
  const loaded = [];
  page.on("response", (response) => loaded.push(new URL(response.url()).pathname));
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  // How many console lines the page wrote (the warnings path writes them; see the JSON).
  let consoleLines = 0;
  page.on("console", () => consoleLines++);
  if (profile) {
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: profile.cpuSlowdown });
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", profile.network);
  }
  await page.addInitScript((selector) => {
    // The moment the first event (or cluster) is inserted, then the frame that paints it.
    window.__firstRender = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (document.querySelector(selector)) {
          observer.disconnect();
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0));
        }
      });
      observer.observe(document, { childList: true, subtree: true });
    });
    // Main-thread tasks over 50 ms, as Lighthouse's total blocking time counts them.
    window.__longTasks = [];
    try {
      window.__longTaskObserver = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.__longTasks.push([entry.startTime, entry.duration]);
      });
      window.__longTaskObserver.observe({ type: "longtask", buffered: true });
    } catch {
      window.__longTasks = null;
    }
    addEventListener("TrunkApplicationStarted", (event) => (window.__wasm = event.detail.wasm));
  }, widget.events);

  const result = { ok: false };
  try {
    await page.goto(`${ORIGIN}${widget.page(story)}`, { waitUntil: "commit", timeout: LOAD_TIMEOUT_MS });
    let timer;
    const rendered = await Promise.race([
      page.evaluate(() => window.__firstRender),
      new Promise((resolve) => (timer = setTimeout(() => resolve(null), LOAD_TIMEOUT_MS))),
    ]).finally(() => clearTimeout(timer));
    if (rendered === null) throw new Error(`no ${widget.events} within ${LOAD_TIMEOUT_MS / 1000} s`);
    result.firstRender = rendered;
    result.blocking = await page.evaluate(async (firstRender) => {
      if (!window.__longTasks) return null;
      // Long task entries arrive after their task; give the last one before first render time.
      await new Promise((resolve) => setTimeout(resolve, 150));
      for (const entry of window.__longTaskObserver.takeRecords()) window.__longTasks.push([entry.startTime, entry.duration]);
      return window.__longTasks.filter(([start]) => start < firstRender).reduce((sum, [, duration]) => sum + Math.max(0, duration - 50), 0);
    }, rendered);
    if (zoom) {
      // Where the stepping's time goes, per step: Chromium's running totals of script, style
      // recalculation and layout (frames between steps included), before and after.
      const cdp = await context.newCDPSession(page);
      await cdp.send("Performance.enable");
      const totals = async () =>
        Object.fromEntries((await cdp.send("Performance.getMetrics")).metrics.map((metric) => [metric.name, metric.value]));
      const before = await totals();
      result.zoom = await zoomSteps(page, widget);
      const after = await totals();
      const perStep = (name) => (1000 * (after[name] - before[name])) / result.zoom.length;
      result.zoomBreakdown = { script: perStep("ScriptDuration"), style: perStep("RecalcStyleDuration"), layout: perStep("LayoutDuration") };
    }
    if (detail) Object.assign(result, await storylineDetail(page, context));
    result.ok = true;
  } catch (error) {
    result.error = String(error.message ?? error).split("\n")[0];
  }
  if (errors.length) result.pageErrors = errors.slice(0, 3);
  result.consoleLines = consoleLines;
  result.loaded = loaded;
  result.blocked = blocked;
  await context.close();
  return result;
}

/**
 * Zoom steps: five in, five out, twice. Each is timed from dispatch until the widget's updates
 * have run (Storyline's as microtasks and TimelineJS3's synchronously, so by the next task;
 * vis-timeline's in the next animation frame, see `settle`) and the browser has recomputed style
 * and layout (a forced reflow): the work that must fit in a frame. Waiting for vsync is not counted; a frame is awaited between steps. Past ZOOM_BUDGET_MS
 * of stepping, a load stops after its third step (TimelineJS3 at 10,000 events takes seconds each).
 */
async function zoomSteps(page, widget) {
  return page.evaluate(async ({ zoom, budget }) => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));
    const dispatch = (action) => {
      if (action.click) {
        document.querySelector(action.click).dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true }));
        return;
      }
      const target = document.querySelector(zoom.target);
      const box = target.getBoundingClientRect();
      const init = { clientX: box.left + box.width / 2, clientY: box.top + box.height / 2, bubbles: true, cancelable: true };
      target.dispatchEvent(new WheelEvent("wheel", { ...init, ...action.wheel }));
    };
    const step = async (action) => {
      if (zoom.settle === "frame") {
        // Updates drawn in the next animation frame: the dispatch itself, then that frame's
        // callbacks (one queued before the dispatch marks the frame's start, one queued after
        // runs after the widget's) and a forced reflow; the wait for the frame is not counted.
        let frameStart = 0;
        requestAnimationFrame(() => (frameStart = performance.now()));
        const start = performance.now();
        dispatch(action);
        const dispatched = performance.now() - start;
        const frameWork = await new Promise((resolve) =>
          requestAnimationFrame(() => {
            void document.body.offsetHeight;
            resolve(performance.now() - frameStart);
          }),
        );
        await frame();
        return dispatched + frameWork;
      }
      const start = performance.now();
      dispatch(action);
      await nextTask();
      void document.body.offsetHeight;
      document.body.getBoundingClientRect();
      const elapsed = performance.now() - start;
      await frame();
      return elapsed;
    };
    await frame();
    const steps = [];
    const began = performance.now();
    for (const action of [zoom.in, zoom.out, zoom.in, zoom.out]) {
      for (let i = 0; i < 5; i++) {
        // A widget that takes seconds per step gets fewer steps, not minutes of them.
        if (steps.length >= 3 && performance.now() - began > budget) return steps;
        steps.push(await step(action));
      }
    }
    return steps;
  }, { zoom: widget.zoom, budget: ZOOM_BUDGET_MS });
}

/** Storyline only: pan steps, the most DOM nodes while zooming deep in, and memory after GC. */
async function storylineDetail(page, context) {
  const detail = await page.evaluate(async () => {
    const stage = document.querySelector(".storyline-stage");
    const box = stage.getBoundingClientRect();
    const x = box.left + box.width / 2;
    const y = box.top + box.height / 2;
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    const step = async (init) => {
      const start = performance.now();
      stage.dispatchEvent(new WheelEvent("wheel", { clientX: x, clientY: y, bubbles: true, cancelable: true, ...init }));
      await new Promise((resolve) => setTimeout(resolve, 0));
      void document.body.offsetHeight;
      const elapsed = performance.now() - start;
      await frame();
      return elapsed;
    };
    const pan = [];
    for (let i = 0; i < 10; i++) pan.push(await step({ deltaX: 120 }));
    let nodes = document.getElementsByTagName("*").length;
    for (let i = 0; i < 30; i++) {
      await step({ deltaY: -100, ctrlKey: true });
      nodes = Math.max(nodes, document.getElementsByTagName("*").length);
    }
    return { pan, nodes };
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("Performance.enable");
  const metrics = (await cdp.send("Performance.getMetrics")).metrics;
  const jsHeap = metrics.find((metric) => metric.name === "JSHeapUsedSize")?.value ?? 0;
  const wasmMemory = await page.evaluate(() => window.__wasm?.memory?.buffer?.byteLength ?? 0);
  return { ...detail, memory: (jsHeap + wasmMemory) / 2 ** 20 };
}

/** Several loads of one widget on one story, summarised (medians); failures are kept, not thrown. */
async function series(widget, story, runs, initialOptions = {}) {
  let options = initialOptions;
  const loads = [];
  for (let run = 0; run < runs; run++) {
    const result = await load(widget, story, options);
    loads.push(result);
    // Zoom steps that ran out of budget in one load (seconds each) are not repeated in the next.
    if (options.zoom && result.zoom && result.zoom.length < 20) options = { ...options, zoom: false };
    const tag = `${widget.name} ${story}${options.profile ? " (phone)" : ""}`;
    if (!result.ok) {
      console.error(`bench: ${tag} failed: ${result.error}`);
      break; // One failure is enough to report; the rest would fail the same way.
    }
    const split = result.zoomBreakdown;
    const zoomed = result.zoom?.length
      ? `, zoom step median ${median(result.zoom).toFixed(1)} ms (per step: script ${split.script.toFixed(1)}, style ${split.style.toFixed(1)}, layout ${split.layout.toFixed(1)} ms)`
      : "";
    const blocked = result.blocking === null ? "" : `, blocking ${result.blocking.toFixed(0)} ms`;
    process.stderr.write(`bench: ${tag} ${run + 1}/${runs}: ${result.firstRender.toFixed(0)} ms${blocked}${zoomed}\n`);
  }
  const good = loads.filter((r) => r.ok);
  const zoom = good.flatMap((r) => r.zoom ?? []);
  return {
    widget: widget.id,
    story,
    runs: loads.length,
    failed: good.length < loads.length ? loads.find((r) => !r.ok).error : null,
    pageErrors: [...new Set(loads.flatMap((r) => r.pageErrors ?? []))],
    blockedRequests: [...new Set(loads.flatMap((r) => r.blocked))],
    loaded: [...new Set(loads.flatMap((r) => r.loaded))],
    firstRender: median(good.map((r) => r.firstRender)),
    firstRenderAll: good.map((r) => Math.round(r.firstRender)),
    consoleLines: median(loads.map((r) => r.consoleLines)),
    blocking: median(good.map((r) => r.blocking).filter((b) => b !== null)),
    blockingAll: good.map((r) => r.blocking),
    zoomMedianAll: good.filter((r) => r.zoom?.length).map((r) => +median(r.zoom).toFixed(2)),
    zoomBreakdownAll: good.filter((r) => r.zoomBreakdown).map((r) => r.zoomBreakdown),
    zoomSteps: zoom.length,
    zoomMedian: median(zoom),
    zoomP95: p95(zoom),
    panMedian: median(good.flatMap((r) => r.pan ?? [])),
    nodes: good.some((r) => r.nodes) ? Math.max(...good.map((r) => r.nodes ?? 0)) : undefined,
    memory: median(good.map((r) => r.memory).filter((m) => m !== undefined)),
  };
}

/** gzip -9 and brotli 11 of files on disk, with a per-file list. */
function sizes(files) {
  let raw = 0;
  let gzip = 0;
  let brotli = 0;
  const parts = [];
  for (const file of files) {
    const bytes = readFileSync(file);
    const gz = gzipSync(bytes, { level: 9 }).length;
    raw += bytes.length;
    gzip += gz;
    brotli += brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    parts.push({ file, gzip: gz });
  }
  return { raw, gzip, brotli, parts };
}

/** What a widget's page downloaded for the widget: every file but the page itself and the story. */
function widgetFiles(run) {
  return run.loaded.filter((path) => !path.startsWith("/bench/") && !/\.html$/.test(path)).map(servedFile).filter(Boolean);
}

// ---- Runs.
const started = Date.now();
await warmServer();
const results = [];
const find = (widget, story, phone = false) => results.find((r) => r.widget === widget && r.story === story && !!r.phone === phone);
const storyline = WIDGETS[0];
const widgets = WIDGETS.filter(active);
for (const size of SIZES)
  for (const widget of widgets)
    results.push(await series(widget, `events-${size}`, runsFor(size), { zoom: true, detail: widget === storyline && !TARGETS_ONLY }));
if (active(storyline) && !TARGETS_ONLY) {
  for (const size of STORYLINE_ONLY_SIZES) results.push(await series(storyline, `events-${size}`, runsFor(size), { zoom: true, detail: true }));
  for (const size of [...SIZES, ...STORYLINE_ONLY_SIZES]) results.push(await series(storyline, `events-${size}-nosources`, runsFor(size)));
}
if (!TARGETS_ONLY) {
  for (const widget of widgets) results.push(await series(widget, "demo", runsFor(100)));
  for (const widget of widgets) results.push({ ...(await series(widget, "demo", RUNS ?? (QUICK ? 1 : 3), { profile: PHONE })), phone: true });
}
await browser.close();
server.kill();

// ---- Report.
const date = new Date().toISOString().slice(0, 10);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value, digits = 0) => (Number.isFinite(value) ? `${value.toFixed(digits)} ms` : "–");
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : NaN);
const times = (value) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : "–");
const cell = (run, field, digits = 0) => {
  if (!run) return "–";
  if (run.failed) return "failed";
  // Fewer zoom steps than asked for: the step budget ran out (see zoomSteps).
  const short = field.startsWith("zoom") && run.zoomSteps < 20 * run.runs ? ` (${run.zoomSteps} steps)` : "";
  return ms(run[field], digits) + short;
};
const storyLabel = (story) => (story === "demo" ? `demo (${demoStory.events.length})` : Number(story.split("-")[1]).toLocaleString("en"));

function sideBySide(title, field, stories, { phone = false, digits = 0 } = {}) {
  const lines = [
    `### ${title}`,
    "",
    "| events | vis-timeline | TimelineJS3 | Storyline | Storyline / vis | Storyline / TimelineJS |",
    "| ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const story of stories) {
    const [storyline, vis, timelinejs] = WIDGETS.map((widget) => find(widget.id, story, phone));
    const value = (run) => (run && !run.failed ? run[field] : NaN);
    lines.push(
      `| ${storyLabel(story)} | ${cell(vis, field, digits)} | ${cell(timelinejs, field, digits)} | ${cell(storyline, field, digits)} | ` +
        `${times(ratio(value(storyline), value(vis)))} | ${times(ratio(value(storyline), value(timelinejs)))} |`,
    );
  }
  return [...lines, ""];
}

const sizedStories = SIZES.map((size) => `events-${size}`);
const downloads = Object.fromEntries(WIDGETS.map((widget) => [widget.id, sizes(find(widget.id, "demo") ? widgetFiles(find(widget.id, "demo")) : [])]));
// The reader as an article loads it: what the iframe page loaded, plus the loader script that the
// article's own page runs (dist/embed/storyline.js) when it embeds with a <div>.
const readerFiles = [...new Set([...(find("storyline", "demo") ? widgetFiles(find("storyline", "demo")) : []), ...(existsSync("dist/embed/storyline.js") ? ["dist/embed/storyline.js"] : [])])];
const reader = sizes(readerFiles);
const downloadLines = [
  "### Download (gzip -9 of what the page loads for the widget: scripts, wasm, styles, fonts)",
  "",
  "| | vis-timeline | TimelineJS3 | Storyline (iframe page) | Storyline / vis | Storyline / TimelineJS |",
  "| --- | ---: | ---: | ---: | ---: | ---: |",
  `| gzip | ${kb(downloads.vis.gzip)} | ${kb(downloads.timelinejs.gzip)} | ${kb(downloads.storyline.gzip)} | ${times(ratio(downloads.storyline.gzip, downloads.vis.gzip))} | ${times(ratio(downloads.storyline.gzip, downloads.timelinejs.gzip))} |`,
  "",
  ...WIDGETS.map((widget) => `- ${widget.name}: ${downloads[widget.id].parts.map((p) => `${p.file.split("/").pop()} ${kb(p.gzip)}`).join(", ")}`),
  `- Storyline reader for an article (iframe page's files + the loader storyline.js): ${kb(reader.raw)} raw, **${kb(reader.gzip)} gzip -9**, ${kb(reader.brotli)} brotli`,
  "",
];

// The targets of issue #12.
const storylineRun = (story, phone = false) => find("storyline", story, phone);
const first100 = ratio(storylineRun("events-100")?.firstRender, find("vis", "events-100")?.firstRender);
const first10k = ratio(storylineRun("events-10000")?.firstRender, find("vis", "events-10000")?.firstRender);
const warnings10k = ratio(storylineRun("events-10000-nosources")?.firstRender, storylineRun("events-10000")?.firstRender);
const blocking1k = storylineRun("events-1000")?.blocking;
const zoomSteps3 = sizedStories.map((story) => storylineRun(story)?.zoomMedian);
const phoneRuns = WIDGETS.map((widget) => find(widget.id, "demo", true));
const phoneFastest = phoneRuns.every((run) => run && !run.failed) && phoneRuns[0].firstRender < Math.min(phoneRuns[1].firstRender, phoneRuns[2].firstRender);
const yes = (met) => (met ? "yes" : "**no**");
const targets = [
  ["reader download, gzip", "≤ 110 KB (aim ≤ 70 KB)", kb(reader.gzip), yes(reader.gzip <= 110 * 1024)],
  ["first render, 100 events", "≤ 0.6× vis-timeline", times(first100), yes(first100 <= 0.6)],
  ["first render, 10,000 events", "≤ 0.1× vis-timeline", times(first10k), yes(first10k <= 0.1)],
  ["10,000 events without sources vs with", "≤ 1.3×", times(warnings10k), yes(warnings10k <= 1.3)],
  ["blocking time before first render, 1,000 events", "≤ 50 ms", ms(blocking1k), yes(blocking1k <= 50)],
  ["zoom step work at 100 / 1k / 10k events (median)", "≤ 8 ms at each", zoomSteps3.map((v) => ms(v, 1)).join(" / "), yes(zoomSteps3.every((v) => v <= 8))],
  [
    "demo story, phone profile (first render)",
    "faster than TimelineJS3 and vis-timeline",
    phoneRuns.map((run, i) => `${WIDGETS[i].name} ${cell(run, "firstRender")}`).join(", "),
    yes(phoneFastest),
  ],
];

const detailStories = [...sizedStories, ...STORYLINE_ONLY_SIZES.map((size) => `events-${size}`)];
const lines = [
  `## Side by side (${date})`,
  "",
  `Headless Chromium, ${DESKTOP.viewport.width}×${DESKTOP.viewport.height} unless the phone profile; median of ` +
    `${QUICK ? 1 : "5 (100 events, demo) or 3"} loads, each in a fresh context. Times vary with the machine: read the ratios.`,
  "",
  ...sideBySide("First render (navigation → first painted frame with events)", "firstRender", [...sizedStories, "demo"]),
  ...sideBySide("Main-thread blocking time before first render (sum of long tasks' time over 50 ms)", "blocking", [...sizedStories, "demo"]),
  ...sideBySide("Zoom step work (median; dispatch → updates → style and layout)", "zoomMedian", sizedStories, { digits: 1 }),
  ...sideBySide("Zoom step work (p95)", "zoomP95", sizedStories, { digits: 1 }),
  ...sideBySide(
    `Phone profile, demo story: first render (390×844, CPU 4× slower, ${PHONE.network.latency} ms latency, ${(PHONE.network.downloadThroughput * 8) / 1000} kbit/s)`,
    "firstRender",
    ["demo"],
    { phone: true },
  ),
  ...sideBySide("Phone profile, demo story: blocking time before first render", "blocking", ["demo"], { phone: true }),
  ...downloadLines,
  "### Warnings path (Storyline only: the same stories without sources, one warning per event)",
  "",
  "| events | with sources | without sources | without / with |",
  "| ---: | ---: | ---: | ---: |",
  ...detailStories.map((story) => {
    const withSources = storylineRun(story);
    const without = storylineRun(`${story}-nosources`);
    return `| ${storyLabel(story)} | ${cell(withSources, "firstRender")} | ${cell(without, "firstRender")} | ${times(ratio(without?.firstRender, withSources?.firstRender))} |`;
  }),
  "",
  "### Targets (issue #12)",
  "",
  "| measure | target | measured | met? |",
  "| --- | --- | --- | --- |",
  ...targets.map((row) => `| ${row.join(" | ")} |`),
  "",
  "### Storyline detail",
  "",
  "| events | first render | zoom step median | zoom step p95 | pan step median | DOM nodes (max) | JS heap + wasm memory |",
  "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ...detailStories.map((story) => {
    const run = storylineRun(story);
    if (!run || run.failed) return `| ${storyLabel(story)} | ${run ? "failed" : "–"} | | | | | |`;
    return `| ${storyLabel(story)} | ${ms(run.firstRender)} | ${ms(run.zoomMedian, 1)} | ${ms(run.zoomP95, 1)} | ${ms(run.panMedian, 1)} | ${run.nodes ?? "–"} | ${Number.isFinite(run.memory) ? `${run.memory.toFixed(1)} MB` : "–"} |`;
  }),
  "",
];
const failures = results.filter((r) => r.failed);
if (failures.length) lines.push("Failed: " + failures.map((r) => `${r.widget} ${r.story}${r.phone ? " (phone)" : ""}: ${r.failed}`).join("; "), "");
const blockedAll = [...new Set(results.flatMap((r) => r.blockedRequests))];
if (blockedAll.length) lines.push(`Requests to other hosts (refused; this network is closed): ${blockedAll.join(", ")}`, "");
lines.push(`Bench run took ${((Date.now() - started) / 1000).toFixed(0)} s.`);

const report = lines.join("\n");
console.log(report);
writeFileSync(`${out}/latest.md`, report + "\n");
const json = JSON.stringify({ date, quick: QUICK, desktop: DESKTOP, phone: PHONE, downloads, reader, targets, results }, null, 1);
writeFileSync(`${out}/latest.json`, json + "\n");
writeFileSync(`${out}/side-by-side-${new Date().toISOString().slice(0, 16).replace(/[:T]/g, "-")}.json`, json + "\n");
