// The bench's static server: like scripts/serve.mjs (loopback, longest mount prefix first), but it
// sends gzip when the browser accepts it, as an article's host or CDN would, so that download
// sizes and the phone profile's slow network see what a reader really transfers. Each file is
// compressed once and kept in memory (the bench warms the cache before measuring).
// Usage: node scripts/bench/server.mjs PORT URL-PREFIX=FOLDER ...
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { gzipSync } from "node:zlib";

const port = Number(process.argv[2]);
const mounts = process.argv
  .slice(3)
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
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".png": "image/png",
};
const compressible = new Set([".html", ".js", ".mjs", ".css", ".json", ".wasm", ".svg", ".ttf"]);
const gzipped = new Map();

createServer(async (request, response) => {
  const path = decodeURIComponent(new URL(request.url, "http://localhost").pathname);
  const mount = mounts.find(({ prefix }) => (path + "/").startsWith(prefix));
  if (!mount) return void response.writeHead(404).end();
  let file = normalize(join(mount.root, path.slice(mount.prefix.length - 1)));
  if (!file.startsWith(mount.root)) return void response.writeHead(403).end();
  try {
    const info = await stat(file);
    if (info.isDirectory()) file = join(file, "index.html");
    const headers = { "content-type": types[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" };
    let body;
    if (compressible.has(extname(file)) && /\bgzip\b/.test(request.headers["accept-encoding"] ?? "")) {
      const key = `${file} ${info.mtimeMs}`;
      if (!gzipped.has(key)) gzipped.set(key, gzipSync(await readFile(file)));
      body = gzipped.get(key);
      headers["content-encoding"] = "gzip";
    } else {
      body = await readFile(file);
    }
    response.writeHead(200, { ...headers, "content-length": body.length });
    response.end(body);
  } catch {
    response.writeHead(404, { "content-type": "text/plain" }).end("not found");
  }
}).listen(port, "127.0.0.1");
