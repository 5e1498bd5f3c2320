// The benchmark's ceiling: every request answered with the same file, read once, as text/html.
// Plain JavaScript so that it starts without a loader. Usage: node static-server.mjs FILE PORT
import { readFileSync } from "node:fs";
import http from "node:http";

const [file, port] = process.argv.slice(2);
const body = readFileSync(file);
http
  .createServer((req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": body.length });
    res.end(body);
  })
  .listen(Number(port), "127.0.0.1");
