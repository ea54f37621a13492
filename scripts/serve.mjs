// A small static file server for the built site and the test pages, for end-to-end tests and
// benchmarks. Loopback only; no dependencies.
// Usage: node scripts/serve.mjs PORT [URL-PREFIX=FOLDER ...]   (default: / = dist)
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { contentType, fileFor, readMounts } from "./static-files.mjs";

const port = Number(process.argv[2] ?? 8081);
const mountArgs = process.argv.slice(3);
const mounts = readMounts(mountArgs.length ? mountArgs : ["/=dist"]);

createServer(async (request, response) => {
  let { file, status } = fileFor(mounts, request.url);
  if (status) {
    response.writeHead(status).end();
    return;
  }
  try {
    if ((await stat(file)).isDirectory()) file = join(file, "index.html");
    const body = await readFile(file);
    // A file may come with extra response headers in FILE.headers.json (the test host page uses
    // this for its Content-Security-Policy).
    const extra = await readFile(`${file}.headers.json`, "utf8").then(JSON.parse, () => ({}));
    response.writeHead(200, {
      "content-type": contentType(file),
      "cache-control": "no-store",
      ...extra,
    });
    response.end(body);
  } catch {
    response.writeHead(404, { "content-type": "text/plain" }).end("not found");
  }
}).listen(port, "127.0.0.1", () => {
  for (const { prefix, root } of mounts) console.log(`serving ${root} at http://127.0.0.1:${port}${prefix}`);
});
