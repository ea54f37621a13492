// A small static file server for the built site and the test pages, for end-to-end tests and
// benchmarks. Loopback only; no dependencies.
// Usage: node scripts/serve.mjs PORT [URL-PREFIX=FOLDER ...]   (default: / = dist)
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";

const port = Number(process.argv[2] ?? 8081);
const mountArgs = process.argv.slice(3);
// Longest prefix first, so /fixtures/ wins over /.
const mounts = (mountArgs.length ? mountArgs : ["/=dist"])
  .map((spec) => {
    const [prefix, folder] = spec.split("=");
    return { prefix: prefix.endsWith("/") ? prefix : prefix + "/", root: resolve(folder) };
  })
  .sort((a, b) => b.prefix.length - a.prefix.length);
const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

createServer(async (request, response) => {
  const path = decodeURIComponent(new URL(request.url, "http://localhost").pathname);
  const mount = mounts.find(({ prefix }) => (path + "/").startsWith(prefix));
  if (!mount) {
    response.writeHead(404).end();
    return;
  }
  const root = mount.root;
  let file = normalize(join(root, path.slice(mount.prefix.length - 1)));
  if (!file.startsWith(root)) {
    response.writeHead(403).end();
    return;
  }
  try {
    if ((await stat(file)).isDirectory()) file = join(file, "index.html");
    const body = await readFile(file);
    // A file may come with extra response headers in FILE.headers.json (the test host page uses
    // this for its Content-Security-Policy).
    const extra = await readFile(`${file}.headers.json`, "utf8").then(JSON.parse, () => ({}));
    response.writeHead(200, {
      "content-type": types[extname(file)] ?? "application/octet-stream",
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
