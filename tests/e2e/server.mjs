// The fixture server: serves tests/fixtures/ on 127.0.0.1 under any host name (the browsers
// resolve every host to 127.0.0.1), so a page can be loaded as https-less
// http://sputnikglobe.com:PORT/... exactly as a reader's browser would request it.
import http from "node:http";
import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../fixtures");

/** Starts the server. `?csp=none` adds `Content-Security-Policy: default-src 'none'`. */
export async function startServer() {
  const requests = [];
  const server = http.createServer(async (req, res) => {
    requests.push({ host: req.headers.host, url: req.url });
    const url = new URL(req.url, "http://x");
    const name = path.normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, "");
    const file = path.join(FIXTURES, name);
    if (!file.startsWith(FIXTURES)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await fs.readFile(file);
      const headers = { "content-type": file.endsWith(".html") ? "text/html; charset=utf-8" : "application/octet-stream", "cache-control": "no-store" };
      if (url.searchParams.get("csp") === "none") headers["content-security-policy"] = "default-src 'none'";
      res.writeHead(200, headers).end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  return {
    port,
    requests,
    url: (host, fixture, query = "") => `http://${host}:${port}/${fixture}${query}`,
    close: () => new Promise((ok) => server.close(ok)),
  };
}
