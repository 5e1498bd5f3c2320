import { readdirSync, readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

/**
 * A stand-in for the Hugging Face Hub on 127.0.0.1, serving the recorded answers of tests/fixtures/hf:
 * `GET /api/models/{org}/{name}` (model info: the recorded cassettes and safetensors bundle),
 * `GET /{org}/{name}/resolve/main/config.json` (the recorded configs) and `GET /api/models?author=`
 * (a listing built from both, paginated with a Link header like the Hub's). Tests script failures per
 * path: status codes with headers and bodies, malformed bodies, answers that never come.
 */
/** A recorded config.json of tests/fixtures/hf/configs, as text. */
export function fixtureConfig(repoId: string): string {
  const [org, name] = repoId.split("/");
  const file = readdirSync(path.join(FIXTURES, "configs")).find((f) => f.toLowerCase().startsWith(`${org}--${name}.config`.toLowerCase()));
  if (!file) throw new Error(`no recorded config.json of ${repoId} in tests/fixtures/hf/configs`);
  return readFileSync(path.join(FIXTURES, "configs", file), "utf8");
}

export type Behaviour =
  | { status: number; body?: string; headers?: Record<string, string>; delayMs?: number }
  | { hang: true }
  | { json: unknown; delayMs?: number };

export interface HfTestServer {
  url: string;
  /** Paths requested, in order (query included). */
  requests: { path: string; authorization: string | undefined }[];
  maxInFlight: number;
  /** Answers for a path (without query), used in order before the recorded answer. */
  script(pathname: string, ...behaviours: Behaviour[]): void;
  /** Add or replace a model-info answer. */
  setInfo(id: string, body: unknown): void;
  /** Take a repo away (model info and config), as a rename or a deletion does. */
  remove(id: string): void;
  /** Add or replace a config.json (any text: a malformed one too). */
  setConfig(id: string, text: string): void;
  close(): Promise<void>;
}

const FIXTURES = path.resolve("tests/fixtures/hf");

function loadFixtures(): { infos: Map<string, unknown>; configs: Map<string, string> } {
  const infos = new Map<string, unknown>();
  const configs = new Map<string, string>();
  for (const file of readdirSync(path.join(FIXTURES, "api"))) {
    const json = JSON.parse(readFileSync(path.join(FIXTURES, "api", file), "utf8")) as { id?: string; responses?: { body: { id: string } }[] };
    if (json.responses) for (const r of json.responses) infos.set(r.body.id.toLowerCase(), r.body);
    else if (json.id) infos.set(json.id.toLowerCase(), json);
  }
  for (const file of readdirSync(path.join(FIXTURES, "configs"))) {
    const m = /^(.+?)--(.+?)\.config(\.[A-Za-z]+)?\.json$/.exec(file);
    if (m) configs.set(`${m[1]}/${m[2]}`.toLowerCase(), readFileSync(path.join(FIXTURES, "configs", file), "utf8"));
  }
  return { infos, configs };
}

/** `empty`: start with no recorded answers (the test adds each repo it needs with setInfo and setConfig). */
export async function startHfServer(options: { pageSize?: number; delayMs?: number; empty?: boolean } = {}): Promise<HfTestServer> {
  const { infos, configs } = options.empty ? { infos: new Map<string, unknown>(), configs: new Map<string, string>() } : loadFixtures();
  const scripts = new Map<string, Behaviour[]>();
  const requests: HfTestServer["requests"] = [];
  const sockets = new Set<import("node:net").Socket>();
  let inFlight = 0;
  let maxInFlight = 0;

  const server = http.createServer(async (req, res) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on("close", () => inFlight--);
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    requests.push({ path: `${url.pathname}${url.search}`, authorization: req.headers.authorization });
    const send = (status: number, body: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(body);
    };
    const wait = (ms?: number) => (ms ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve());
    await wait(options.delayMs);

    const scripted = scripts.get(decodeURIComponent(url.pathname))?.shift();
    if (scripted) {
      if ("hang" in scripted) return; // never answers; the client's timeout ends it
      await wait(scripted.delayMs);
      if ("json" in scripted) return send(200, JSON.stringify(scripted.json));
      return send(scripted.status, scripted.body ?? "", scripted.headers);
    }

    const info = /^\/api\/models\/([^/]+)\/([^/]+)$/.exec(url.pathname);
    if (info) {
      const id = `${decodeURIComponent(info[1]!)}/${decodeURIComponent(info[2]!)}`.toLowerCase();
      const body = infos.get(id);
      // A repo with a recorded config but no recorded model info: the Hub answers with its id only.
      if (body) return send(200, JSON.stringify(body));
      if (configs.has(id)) return send(200, JSON.stringify({ id: `${decodeURIComponent(info[1]!)}/${decodeURIComponent(info[2]!)}` }));
      return send(404, JSON.stringify({ error: "Repository not found" }));
    }
    const config = /^\/([^/]+)\/([^/]+)\/resolve\/main\/config\.json$/.exec(url.pathname);
    if (config) {
      const text = configs.get(`${decodeURIComponent(config[1]!)}/${decodeURIComponent(config[2]!)}`.toLowerCase());
      return text ? send(200, text) : send(404, JSON.stringify({ error: "Entry not found" }));
    }
    if (url.pathname === "/api/models") {
      const author = (url.searchParams.get("author") ?? "").toLowerCase();
      const ids = new Map<string, string>();
      for (const [key, body] of infos) ids.set(key, (body as { id: string }).id);
      for (const key of configs.keys()) if (!ids.has(key)) ids.set(key, key);
      const all = [...ids.entries()]
        .filter(([key]) => key.startsWith(`${author}/`))
        .sort()
        .map(([key, id]) => {
          const body = infos.get(key) as { _id?: string; createdAt?: string; tags?: string[]; library_name?: string; safetensors?: { total: number }; pipeline_tag?: string } | undefined;
          return {
            id,
            ...(body?._id ? { _id: body._id } : {}),
            ...(body?.safetensors ? { safetensors: { total: body.safetensors.total } } : {}),
            ...(body?.pipeline_tag ? { pipeline_tag: body.pipeline_tag } : {}),
            // The newest-first listing (sort=createdAt) expands these; the Hub sends them when asked.
            ...(url.searchParams.getAll("expand[]").includes("createdAt") && body?.createdAt ? { createdAt: body.createdAt } : {}),
            ...(url.searchParams.getAll("expand[]").includes("tags") && body?.tags ? { tags: body.tags } : {}),
            ...(url.searchParams.getAll("expand[]").includes("library_name") && body?.library_name ? { library_name: body.library_name } : {}),
          };
        });
      if (url.searchParams.get("sort") === "createdAt") {
        const created = (e: { createdAt?: string }) => e.createdAt ?? "";
        all.sort((a, b) => (url.searchParams.get("direction") === "-1" ? created(b).localeCompare(created(a)) : created(a).localeCompare(created(b))));
      }
      const size = Math.min(options.pageSize ?? 1000, Number(url.searchParams.get("limit") ?? 1000));
      const offset = Number(url.searchParams.get("cursor") ?? 0);
      const page = all.slice(offset, offset + size);
      const headers: Record<string, string> = {};
      if (offset + size < all.length) {
        const next = new URL(url.toString());
        next.searchParams.set("cursor", String(offset + size));
        headers.link = `<${address()}${next.pathname}${next.search}>; rel="next"`;
      }
      return send(200, JSON.stringify(page), headers);
    }
    send(404, JSON.stringify({ error: "not found" }));
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: address(),
    requests,
    get maxInFlight() {
      return maxInFlight;
    },
    script(pathname, ...behaviours) {
      scripts.set(pathname, [...(scripts.get(pathname) ?? []), ...behaviours]);
    },
    setInfo(id, body) {
      infos.set(id.toLowerCase(), body);
    },
    remove(id) {
      infos.delete(id.toLowerCase());
      configs.delete(id.toLowerCase());
    },
    setConfig(id, text) {
      configs.set(id.toLowerCase(), text);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
