// The bench's static server: like scripts/serve.mjs (loopback, longest mount prefix first), but it
// sends gzip when the browser accepts it, as an article's host or CDN would, so that download
// sizes and the phone profile's slow network see what a reader really transfers. Each file is
// compressed once and kept in memory (the bench warms the cache before measuring).
// Usage: node scripts/bench/server.mjs PORT URL-PREFIX=FOLDER ...
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { contentType, fileFor, readMounts } from "../static-files.mjs";

const port = Number(process.argv[2]);
const mounts = readMounts(process.argv.slice(3));
const compressible = new Set([".html", ".js", ".mjs", ".css", ".json", ".wasm", ".svg", ".ttf"]);
const gzipped = new Map();

createServer(async (request, response) => {
  let { file, status } = fileFor(mounts, request.url);
  if (status) return void response.writeHead(status).end();
  try {
    const info = await stat(file);
    if (info.isDirectory()) file = join(file, "index.html");
    const headers = { "content-type": contentType(file), "cache-control": "no-store" };
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
