// Puts the story's static HTML (from `storyline render --format html`) into built pages, at each
// marker <storyline-static></storyline-static> (inside a <noscript>, and the demo page's print
// copy; an element, not a comment, since release builds' HTML is minified without comments): readers
// without JavaScript, crawlers and print get the story instead of a notice. Run by `make build`, so it never drifts from
// the data. Usage: node scripts/static-fallback.mjs FRAGMENT.html PAGE.html...
import { readFileSync, writeFileSync } from "node:fs";

const MARKER = "<storyline-static></storyline-static>";
const [fragmentFile, ...pages] = process.argv.slice(2);
if (!fragmentFile || pages.length === 0) {
  console.error("usage: node scripts/static-fallback.mjs FRAGMENT.html PAGE.html...");
  process.exit(2);
}
const fragment = readFileSync(fragmentFile, "utf8").trim();
if (!fragment.startsWith('<article class="storyline-static"')) {
  console.error(`${fragmentFile}: not a fragment written by storyline render`);
  process.exit(1);
}
for (const page of pages) {
  const html = readFileSync(page, "utf8");
  if (!html.includes(MARKER)) {
    console.error(`${page}: no ${MARKER} to replace`);
    process.exit(1);
  }
  writeFileSync(page, html.split(MARKER).join(fragment));
}
