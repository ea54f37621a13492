// Takes the comments and indentation out of the reader's JavaScript as the build copies it (the
// embed loader dist/embed/storyline.js and the glue dist/embed/storyline-embed.js): every article
// downloads them, and comments were 40% of the loader's gzip size and 15% of the glue's.
// Conservative, since it does not tokenize (neither file has a string or template spanning
// lines, which the check below would catch): a line that is only a `//` comment goes, as does a
// block comment that starts a line and ends one; a comment after code on its line stays (it could
// be inside a string). The loader's opening `/*!` block becomes one line naming where its text
// is. Fails the build when the result no longer parses; with `--integrity PAGE`, rewrites the
// file's `sha384-` subresource integrity in PAGE (trunk wrote it for the unstripped file).
// Usage: node scripts/strip-comments.mjs FILE.js [--module] [--integrity PAGE.html]
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Script } from "node:vm";

const args = process.argv.slice(2);
const file = args[0];
const isModule = args.includes("--module");
const page = args.includes("--integrity") ? args[args.indexOf("--integrity") + 1] : null;
if (!file || (args.includes("--integrity") && !page)) {
  console.error("usage: node scripts/strip-comments.mjs FILE.js [--module] [--integrity PAGE.html]");
  process.exit(2);
}
const fail = (message) => {
  console.error(`${file}: ${message}`);
  process.exit(1);
};

const source = readFileSync(file, "utf8");
const kept = [];
let inBlock = false;
for (const raw of source.split("\n")) {
  const line = raw.trim();
  if (inBlock) {
    if (line.includes("*/")) {
      if (!line.endsWith("*/")) fail(`code after a block comment's end: ${line}`);
      inBlock = false;
    }
    continue;
  }
  if (line === "" || line.startsWith("//")) continue;
  if (line.startsWith("/*")) {
    if (line.startsWith("/*!") && kept.length === 0) {
      kept.push(`/*! Storyline embed loader: how to use it is in Storyline's README, "Embed it". */`);
    }
    const end = line.indexOf("*/", 2);
    if (end === -1) inBlock = true;
    else if (end + 2 !== line.length) kept.push(line);
    continue;
  }
  kept.push(line);
}
if (inBlock) fail("a block comment never ends");
const stripped = `${kept.join("\n")}\n`;

if (isModule) {
  const folder = mkdtempSync(join(tmpdir(), "strip-"));
  const copy = join(folder, "check.mjs");
  writeFileSync(copy, stripped);
  const check = spawnSync(process.execPath, ["--check", copy], { encoding: "utf8" });
  if (check.status !== 0) fail(`no longer parses once stripped: ${check.stderr}`);
} else {
  try {
    new Script(stripped, { filename: file });
  } catch (error) {
    fail(`no longer parses once stripped: ${error.message}`);
  }
}

if (page) {
  const hash = (text) => `sha384-${createHash("sha384").update(text).digest("base64")}`;
  const html = readFileSync(page, "utf8");
  const before = hash(source);
  if (!html.includes(before)) fail(`${page} has no integrity ${before} for it`);
  writeFileSync(page, html.split(before).join(hash(stripped)));
}
writeFileSync(file, stripped);
