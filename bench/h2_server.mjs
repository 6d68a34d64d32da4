// A static file server over HTTP/2 (TLS, a throwaway certificate), for bench/search.py: the
// protocol the site's hosts serve it with (GitHub Pages, Netlify…), where every request of a page
// shares one connection, instead of Python's HTTP/1.1 server and its six connections per host.
// Text files are gzipped when asked, as bench/search.py's HTTP/1.1 server does.
//   node bench/h2_server.mjs SITE_DIR KEY.pem CERT.pem   (prints the port it listens on)
import { readFileSync, statSync } from "node:fs";
import { createSecureServer } from "node:http2";
import { extname, join, resolve, sep } from "node:path";
import { gzipSync } from "node:zlib";

const [site, key, cert] = process.argv.slice(2).map((path) => resolve(path));
const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".mjs": "text/javascript", ".json": "application/json",
  ".css": "text/css", ".svg": "image/svg+xml", ".png": "image/png", ".xml": "application/xml", ".wasm": "application/wasm",
  ".ico": "image/x-icon", ".txt": "text/plain; charset=utf-8",
};
const COMPRESSED = new Set([".html", ".json", ".js", ".css", ".svg", ".wasm"]); // as bench/search.py's _COMPRESSED
const gzipped = new Map();

function fileOf(urlPath) {
  let file = join(site, decodeURIComponent(new URL(urlPath, "https://site.invalid").pathname));
  if (file !== site && !file.startsWith(site + sep)) return null;
  try {
    if (statSync(file).isDirectory()) file = join(file, "index.html");
    return statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}

const server = createSecureServer({ key: readFileSync(key), cert: readFileSync(cert) });
server.on("stream", (stream, headers) => {
  const file = fileOf(headers[":path"]);
  if (!file) {
    stream.respond({ ":status": 404 });
    stream.end();
    return;
  }
  const type = extname(file);
  const gzip = COMPRESSED.has(type) && (headers["accept-encoding"] || "").includes("gzip");
  let body = gzip ? gzipped.get(file) : readFileSync(file);
  if (gzip && !body) gzipped.set(file, (body = gzipSync(readFileSync(file), { level: 6 })));
  const response = { ":status": 200, "content-type": TYPES[type] || "application/octet-stream", "content-length": body.length };
  if (gzip) response["content-encoding"] = "gzip";
  stream.respond(response);
  stream.end(body);
});
server.on("error", (error) => { console.error(error); process.exit(1); });
server.listen(0, "127.0.0.1", () => console.log(server.address().port));
