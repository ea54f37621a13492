// The reader's download budget, checked by `make size` (part of `make test`, after `make build`):
// what an article downloads for its timelines (the files dist/embed/ serves to it) must not grow
// past BUDGET_BYTES, measured gzip -9 as a server would send them. Deterministic: sizes, never
// timings. Lower the budget whenever the reader shrinks (docs/performance.md, "Reader size levers").
// Usage: node scripts/size-budget.mjs [DIST-EMBED-FOLDER]   (default: dist/embed)
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync, constants } from "node:zlib";

/** The one place the budget is set: gzip -9 bytes (Node's zlib, level 9) of the four reader files together. */
const BUDGET_BYTES = 191_000;

/** A story in another language than English also fetches its words (words/<tag>.txt): each file's own budget. */
const WORD_FILE_BUDGET_BYTES = 800;

/** The loader, the wasm-bindgen glue, the wasm and the stylesheet: all an article fetches. */
const READER_FILES = [
  "storyline.js",
  "storyline-embed.js",
  "storyline-embed_bg.wasm",
  "storyline.css",
];

const folder = process.argv[2] ?? "dist/embed";
// KiB, as docs/performance.md counts.
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
let total = 0;
const rows = [];
for (const name of READER_FILES) {
  let bytes;
  try {
    bytes = readFileSync(join(folder, name));
  } catch (error) {
    console.error(`size budget: cannot read ${join(folder, name)} (${error.code}); run make build first`);
    process.exit(1);
  }
  const gzipped = gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }).length;
  total += gzipped;
  rows.push(`  ${name.padEnd(26)} ${kb(bytes.length).padStart(10)} raw ${kb(gzipped).padStart(10)} gzip -9`);
}
console.log(`Reader download (${folder}):`);
console.log(rows.join("\n"));
console.log(`  ${"total".padEnd(26)} ${" ".repeat(14)} ${kb(total).padStart(10)} gzip -9, budget ${kb(BUDGET_BYTES)}`);
if (total > BUDGET_BYTES) {
  console.error(
    `size budget exceeded: the reader is ${total} bytes gzip -9, ${total - BUDGET_BYTES} over the budget of ` +
      `${BUDGET_BYTES} (scripts/size-budget.mjs). Find what grew with twiggy (docs/performance.md) ` +
      `before raising it.`,
  );
  process.exit(1);
}

// The word files: each on its own budget (a timeline fetches two at most: its embed's or page's
// language, asked for early, and its story's, where they differ), and at least one there,
// so a build that forgot to copy them fails here rather than in a reader's non-English story.
const wordFiles = readdirSync(join(folder, "words")).filter((name) => name.endsWith(".txt"));
if (wordFiles.length === 0) {
  console.error(`size budget: no word files in ${join(folder, "words")}; run make build first`);
  process.exit(1);
}
const words = wordFiles.map((name) => [name, gzipSync(readFileSync(join(folder, "words", name)), { level: constants.Z_BEST_COMPRESSION }).length]);
const largest = Math.max(...words.map(([, bytes]) => bytes));
console.log(`  a story in another language also fetches words/<tag>.txt: at most ${largest} bytes gzip -9 (${wordFiles.length} files), budget ${WORD_FILE_BUDGET_BYTES} each`);
for (const [name, bytes] of words) {
  if (bytes > WORD_FILE_BUDGET_BYTES) {
    console.error(`size budget exceeded: words/${name} is ${bytes} bytes gzip -9, over its budget of ${WORD_FILE_BUDGET_BYTES}.`);
    process.exit(1);
  }
}
