// What the two local servers (scripts/serve.mjs for the pages and tests, scripts/bench/server.mjs
// for the bench) share: URL prefixes mounted on folders, the file a request names, its type.

import { extname, join, normalize, resolve } from "node:path";

/** Content types by file extension; anything else is served as octet-stream. */
export const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
};

export const contentType = (file) => CONTENT_TYPES[extname(file)] ?? "application/octet-stream";

/** `["/=dist", "/fixtures=tests/e2e/fixtures"]` as mounts, longest prefix first so /fixtures/ wins over /. */
export function readMounts(specs) {
  return specs
    .map((spec) => {
      const [prefix, folder] = spec.split("=");
      return { prefix: prefix.endsWith("/") ? prefix : prefix + "/", root: resolve(folder) };
    })
    .sort((a, b) => b.prefix.length - a.prefix.length);
}

/** The file a request's URL names: `{ file }`, or `{ status }` (400 for an address that does not decode, 404 outside every mount, 403 for a path that climbs out of its folder). */
export function fileFor(mounts, url) {
  let path;
  try {
    path = decodeURIComponent(new URL(url, "http://localhost").pathname);
  } catch {
    return { status: 400 };
  }
  const mount = mounts.find(({ prefix }) => (path + "/").startsWith(prefix));
  if (!mount) return { status: 404 };
  const file = normalize(join(mount.root, path.slice(mount.prefix.length - 1)));
  return file.startsWith(mount.root) ? { file } : { status: 403 };
}
