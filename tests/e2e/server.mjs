// The fixture server: serves tests/fixtures/ on 127.0.0.1 under any host name (the browsers
// resolve every host to 127.0.0.1), so a page can be loaded as https-less
// http://sputnikglobe.com:PORT/... exactly as a reader's browser would request it.
//
// Every request is logged in `requests` (host, url, method, time and the headers that say who
// asked: referer, origin, user-agent, sec-fetch-*), so a test can assert what the browser,
// the page and the extension asked for. Extra roots can be mounted under a prefix (the hostile
// suite generates its 20 MB pages into a temp dir at test time instead of committing them),
// and routes can answer a path with a function.
import http from "node:http";
import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../fixtures");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".htm": "text/html; charset=utf-8",
  ".xhtml": "application/xhtml+xml; charset=utf-8",
  ".svg": "image/svg+xml",
  ".txt": "text/plain; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
};

const LOGGED_HEADERS = ["referer", "origin", "user-agent", "sec-fetch-site", "sec-fetch-mode", "sec-fetch-dest", "purpose"];

/**
 * Starts the server.
 *
 * Query parameters any fixture understands:
 *   `?csp=none`        adds `Content-Security-Policy: default-src 'none'`
 *   `?charset=NAME`    labels the response `text/html; charset=NAME` (`none`: no charset label,
 *                      so the page's own <meta charset> or the browser's sniffing decides)
 *   `?delay=MS`        answers after MS milliseconds (at most 30 s)
 *
 * `options.mounts` ({"/prefix/": dir}) serves more directories; `mount()` adds one later.
 * The server also works as the browsers' HTTP proxy (see `proxy` in browsers.mjs): then it
 * sees every HTTP request the browser makes to any host, and logs every HTTPS tunnel it refuses.
 * `route(pathname, handler)` answers one path with `handler(req, res, url)`.
 */
export async function startServer(options = {}) {
  const requests = [];
  const mounts = [];
  const routes = new Map();
  const mount = (prefix, dir) => {
    const p = "/" + prefix.replace(/^\/+|\/+$/g, "") + "/";
    mounts.unshift({ prefix: p, dir: path.resolve(dir) });
  };
  for (const [prefix, dir] of Object.entries(options.mounts ?? {})) mount(prefix, dir);

  const server = http.createServer(async (req, res) => {
    const headers = {};
    for (const h of LOGGED_HEADERS) if (req.headers[h] !== undefined) headers[h] = req.headers[h];
    let url;
    try {
      url = new URL(req.url, "http://x");
    } catch {
      requests.push({ host: req.headers.host, url: req.url, method: req.method, time: Date.now(), headers });
      res.writeHead(400).end();
      return;
    }
    // A browser using this server as its proxy sends absolute URLs: log them as a direct
    // request would look (path and query), marked `proxied`.
    const proxied = /^[a-z]+:\/\//i.test(req.url);
    requests.push({ host: req.headers.host, url: proxied ? url.pathname + url.search : req.url, method: req.method, time: Date.now(), headers, ...(proxied && { proxied: true }) });
    const delay = Math.min(Number(url.searchParams.get("delay")) || 0, 30000);
    if (delay > 0) await new Promise((ok) => setTimeout(ok, delay));
    const route = routes.get(url.pathname);
    if (route) {
      try {
        await route(req, res, url);
      } catch (e) {
        if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
        res.end(String(e));
      }
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const name = path.normalize(pathname).replace(/^(\.\.[/\\])+/, "");
    const m = mounts.find((m) => name.startsWith(m.prefix));
    const base = m ? m.dir : FIXTURES;
    const file = path.join(base, m ? name.slice(m.prefix.length) : name);
    if (!file.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await fs.readFile(file);
      const ext = path.extname(file).toLowerCase();
      const headers = { "content-type": TYPES[ext] ?? "application/octet-stream", "cache-control": "no-store" };
      const charset = url.searchParams.get("charset");
      if (charset) headers["content-type"] = charset === "none" ? "text/html" : `text/html; charset=${charset}`;
      if (url.searchParams.get("csp") === "none") headers["content-security-policy"] = "default-src 'none'";
      res.writeHead(200, headers).end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
  // As a proxy: an HTTPS tunnel (CONNECT) or a WebSocket upgrade is logged and refused. Nothing
  // a test loads needs either, so every one is a request something else tried to make.
  server.on("connect", (req, socket) => {
    requests.push({ host: req.url, url: "", method: "CONNECT", time: Date.now(), headers: {} });
    socket.on("error", () => {});
    socket.end("HTTP/1.1 403 Forbidden\r\n\r\n");
  });
  server.on("upgrade", (req, socket) => {
    requests.push({ host: req.headers.host, url: req.url, method: "UPGRADE", time: Date.now(), headers: {} });
    socket.on("error", () => {});
    socket.destroy();
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  return {
    port,
    requests,
    mount,
    route: (pathname, handler) => routes.set(pathname, handler),
    url: (host, fixture, query = "") => `http://${host}:${port}/${fixture}${query}`,
    close: () => new Promise((ok) => {
      server.close(ok);
      server.closeAllConnections?.();
    }),
  };
}
