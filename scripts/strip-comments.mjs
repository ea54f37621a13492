// Takes the comments out of the embed loader as the build copies it (dist/embed/storyline.js):
// every article downloads it, and its comments were 40% of its gzip size. Conservative, since it
// does not tokenize: only lines that are nothing but a `//` comment go, and the opening `/*!`
// block becomes one line naming where its text is; a comment after code on its line stays (it
// could be inside a string). Fails the build when the result no longer parses.
// Usage: node scripts/strip-comments.mjs FILE.js
import { readFileSync, writeFileSync } from "node:fs";
import { Script } from "node:vm";

const [file] = process.argv.slice(2);
if (!file) {
  console.error("usage: node scripts/strip-comments.mjs FILE.js");
  process.exit(2);
}
const source = readFileSync(file, "utf8");
const header = source.match(/^\/\*![\s\S]*?\*\/\n/);
if (!header) {
  console.error(`${file}: no opening /*! comment (is it the loader?)`);
  process.exit(1);
}
const body = source
  .slice(header[0].length)
  .split("\n")
  .map((line) => line.trim())
  .filter((line) => line !== "" && !line.startsWith("//"))
  .join("\n");
const stripped = `/*! Storyline embed loader: how to use it is in Storyline's README, "Embed it". */\n${body}\n`;
try {
  new Script(stripped, { filename: file });
} catch (error) {
  console.error(`${file}: no longer parses once stripped: ${error.message}`);
  process.exit(1);
}
writeFileSync(file, stripped);
