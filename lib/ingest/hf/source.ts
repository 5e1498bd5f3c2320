import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { formatIssues, hfModelListSchema, hfNewestListSchema, hfRecordedBundleSchema } from "@/lib/schemas/hf";
import { HttpClient, HttpError, type HttpClientOptions } from "../http-client";

/**
 * Where the Hugging Face ingester gets its answers: the Hub over HTTP, or a folder of recorded responses
 * (`--from-dir`). Both give the same raw answers; parsing happens later, in one place.
 */
export interface HfRawAnswer {
  requestedId: string;
  /** The model-info answer; null when the folder has none recorded for this repo. */
  info: { json: unknown; takenAt: Date } | null;
  /**
   * config.json: "missing" = the repo has none (404); "forbidden" = gated or private and no token that
   * opens it; "not-recorded" = the folder has no recording (not the same as missing: nothing is known).
   */
  config: { state: "found"; json: unknown } | { state: "missing" | "forbidden" | "not-recorded" } | { state: "unreadable"; reason: string };
}

export interface HfOrgListing {
  entries: { id: string; totalParams: number | null; pipelineTag: string | null }[];
  truncated: boolean;
}

/** A repository as the newest-first listing shows it: enough to tell a release from a copy without fetching it. */
export interface HfListedRepo {
  id: string;
  /** The Hub's object id, which a rename keeps (null when the answer leaves it out). */
  hubId: string | null;
  createdAt: string | null;
  pipelineTag: string | null;
  libraryName: string | null;
  tags: string[];
  totalParams: number | null;
}

export interface HfSource {
  /** For messages: "https://huggingface.co" or "recorded responses in DIR". */
  readonly description: string;
  /** Throws (HttpError, or Error with a clear message) when the answer cannot be had. */
  fetch(repoId: string): Promise<HfRawAnswer>;
  listOrganization(org: string): Promise<HfOrgListing>;
  /** An author's newest repositories, newest first (one page: discovery runs often). */
  listNewest(author: string, limit: number): Promise<HfListedRepo[]>;
  /** The repos a folder holds answers for (null for the network). */
  listRecorded(): Promise<string[] | null>;
}

/** The model-info properties the ingester reads (MODELINFO.md: "only the properties in the list will be returned"). */
export const HF_EXPAND = ["author", "cardData", "createdAt", "disabled", "downloads", "gated", "likes", "pipeline_tag", "private", "safetensors", "tags", "lastModified"];

const encodeRepo = (id: string) => id.split("/").map(encodeURIComponent).join("/");

/** Public page of a repo, the source URL of its values (whatever endpoint the run used). */
export const hfModelUrl = (id: string) => `https://huggingface.co/${id}`;
export const hfConfigUrl = (id: string) => `https://huggingface.co/${id}/blob/main/config.json`;

/** Most organizations have fewer; a cap keeps a runaway listing from running for hours. */
const MAX_LIST_PAGES = 20;

export class HfHubSource implements HfSource {
  readonly description: string;
  private readonly client: HttpClient;

  constructor(
    private readonly endpoint: string,
    options: HttpClientOptions & { token?: string } = {},
  ) {
    this.description = endpoint;
    const { token, ...http } = options;
    this.client = new HttpClient({ ...http, headers: { accept: "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}), ...http.headers } });
  }

  async fetch(repoId: string): Promise<HfRawAnswer> {
    const query = HF_EXPAND.map((e) => `expand[]=${encodeURIComponent(e)}`).join("&");
    const takenAt = new Date();
    const [info, config] = await Promise.all([
      this.client.getJson(`${this.endpoint}/api/models/${encodeRepo(repoId)}?${query}`, [401, 403, 404]),
      // A config.json that is not JSON leaves the shape unknown; the model-info answer still counts.
      this.client.getJson(`${this.endpoint}/${encodeRepo(repoId)}/resolve/main/config.json`, [401, 403, 404]).catch((e: unknown) => {
        if (e instanceof HttpError && e.failure === "body") return { status: 0, json: null, headers: new Headers(), unreadable: e.message };
        throw e;
      }),
    ]);
    if (info.status === 404) throw new Error(`${repoId}: no such repo on ${this.endpoint} (404)`);
    if (info.status === 401 || info.status === 403) throw new Error(`${repoId}: the Hub refuses access (${info.status}): private, or set HF_TOKEN`);
    return {
      requestedId: repoId,
      info: { json: info.json, takenAt },
      config:
        "unreadable" in config
          ? { state: "unreadable", reason: config.unreadable }
          : config.status === 404
            ? { state: "missing" }
            : config.status === 401 || config.status === 403
              ? { state: "forbidden" }
              : { state: "found", json: config.json },
    };
  }

  async listOrganization(org: string): Promise<HfOrgListing> {
    const origin = new URL(this.endpoint).origin;
    let url: string | null =
      `${this.endpoint}/api/models?author=${encodeURIComponent(org)}&pipeline_tag=text-generation&expand[]=safetensors&expand[]=pipeline_tag&limit=100`;
    const entries: HfOrgListing["entries"] = [];
    for (let page = 0; url; page++) {
      if (page === MAX_LIST_PAGES) return { entries, truncated: true };
      const res = await this.client.getJson(url);
      const parsed = hfModelListSchema.safeParse(res.json);
      if (!parsed.success) throw new HttpError(`GET ${url}: unexpected listing shape: ${formatIssues(parsed.error)}`, url, "body", 1, res.status);
      for (const m of parsed.data) entries.push({ id: m.id, totalParams: m.safetensors?.total ?? null, pipelineTag: m.pipeline_tag ?? null });
      url = nextLink(res.headers.get("link"), origin);
    }
    return { entries, truncated: false };
  }

  async listNewest(author: string, limit: number): Promise<HfListedRepo[]> {
    const expand = ["createdAt", "pipeline_tag", "library_name", "tags", "safetensors"].map((e) => `expand[]=${e}`).join("&");
    const url = `${this.endpoint}/api/models?author=${encodeURIComponent(author)}&sort=createdAt&direction=-1&limit=${limit}&${expand}`;
    const res = await this.client.getJson(url);
    const parsed = hfNewestListSchema.safeParse(res.json);
    if (!parsed.success) throw new HttpError(`GET ${url}: unexpected listing shape: ${formatIssues(parsed.error)}`, url, "body", 1, res.status);
    return parsed.data.map((m) => ({
      id: m.id,
      hubId: m._id ?? null,
      createdAt: m.createdAt ?? null,
      pipelineTag: m.pipeline_tag ?? null,
      libraryName: m.library_name ?? null,
      tags: m.tags ?? [],
      totalParams: m.safetensors?.total ?? null,
    }));
  }

  async listRecorded(): Promise<null> {
    return null;
  }
}

/** The `rel="next"` URL of a Link header, only when it stays on the endpoint's origin. */
export function nextLink(header: string | null, origin: string): string | null {
  if (!header) return null;
  for (const part of header.split(",")) {
    const m = /<([^>]+)>\s*;\s*rel="?next"?/i.exec(part);
    if (m) {
      try {
        const u = new URL(m[1]!, origin);
        return u.origin === origin ? u.toString() : null;
      } catch {
        return null;
      }
    }
  }
  return null;
}

/**
 * Recorded answers in a folder (and its subfolders): `ORG--NAME.config.json` (also `.config.TRIMMED.json`),
 * `ORG--NAME.api.json`, and any JSON file that is a model-info answer (has an `id`) or a bundle of them
 * (`{ responses: [{ body }] }`). An answer's date is its file's modification time.
 */
export class HfRecordedSource implements HfSource {
  readonly description: string;
  private index?: Promise<{ configs: Map<string, string>; infos: Map<string, { json: unknown; takenAt: Date }>; names: Map<string, string> }>;

  constructor(
    private readonly dir: string,
    private readonly takenAt?: Date,
  ) {
    this.description = `recorded responses in ${dir}`;
  }

  private load() {
    this.index ??= (async () => {
      const configs = new Map<string, string>();
      const infos = new Map<string, { json: unknown; takenAt: Date }>();
      const names = new Map<string, string>();
      const files = await listJsonFiles(this.dir, 3);
      for (const file of files) {
        const base = path.basename(file);
        const named = /^(.+?)--(.+?)\.(config|api)(\.[A-Za-z]+)?\.json$/.exec(base);
        const fileTime = this.takenAt ?? (await stat(file)).mtime;
        if (named?.[3] === "config") {
          const id = `${named[1]}/${named[2]}`;
          configs.set(id.toLowerCase(), file);
          names.set(id.toLowerCase(), id);
          continue;
        }
        let json: unknown;
        try {
          json = JSON.parse(await readFile(file, "utf8"));
        } catch (e) {
          throw new Error(`${file}: not valid JSON (${(e as Error).message})`);
        }
        const bodies: unknown[] = [];
        const bundle = hfRecordedBundleSchema.safeParse(json);
        if (bundle.success) bodies.push(...bundle.data.responses.map((r) => r.body));
        else if (json && typeof json === "object" && typeof (json as { id?: unknown }).id === "string") bodies.push(json);
        for (const body of bodies) {
          const id = (body as { id: string }).id;
          infos.set(id.toLowerCase(), { json: body, takenAt: fileTime });
          if (!names.has(id.toLowerCase())) names.set(id.toLowerCase(), id);
        }
      }
      return { configs, infos, names };
    })();
    return this.index;
  }

  async fetch(repoId: string): Promise<HfRawAnswer> {
    const { configs, infos } = await this.load();
    const key = repoId.toLowerCase();
    const configFile = configs.get(key);
    let config: HfRawAnswer["config"] = { state: "not-recorded" };
    if (configFile) {
      try {
        config = { state: "found", json: JSON.parse(await readFile(configFile, "utf8")) };
      } catch (e) {
        throw new Error(`${configFile}: not valid JSON (${(e as Error).message})`);
      }
    }
    const info = infos.get(key) ?? null;
    if (!info && !configFile) throw new Error(`${repoId}: no recorded answer in ${this.dir}`);
    return { requestedId: repoId, info, config };
  }

  async listOrganization(org: string): Promise<HfOrgListing> {
    const { names, infos } = await this.load();
    const entries = [...names.entries()]
      .filter(([key]) => key.startsWith(`${org.toLowerCase()}/`))
      .map(([key, id]) => {
        const json = infos.get(key)?.json as { safetensors?: { total?: unknown }; pipeline_tag?: unknown } | undefined;
        const total = json?.safetensors?.total;
        return { id, totalParams: typeof total === "number" ? total : null, pipelineTag: typeof json?.pipeline_tag === "string" ? json.pipeline_tag : null };
      });
    return { entries, truncated: false };
  }

  async listNewest(author: string, limit: number): Promise<HfListedRepo[]> {
    const { names, infos } = await this.load();
    const parsed = hfNewestListSchema.safeParse(
      [...names.entries()].filter(([key]) => key.startsWith(`${author.toLowerCase()}/`)).map(([key, id]) => ({ ...(infos.get(key)?.json as object | undefined), id })),
    );
    if (!parsed.success) throw new Error(`${this.dir}: a recorded answer of ${author} has an unexpected shape: ${formatIssues(parsed.error)}`);
    return parsed.data
      .map((m) => ({ id: m.id, hubId: m._id ?? null, createdAt: m.createdAt ?? null, pipelineTag: m.pipeline_tag ?? null, libraryName: m.library_name ?? null, tags: m.tags ?? [], totalParams: m.safetensors?.total ?? null }))
      .sort((a, b) => (b.createdAt ?? "").localeCompare(a.createdAt ?? ""))
      .slice(0, limit);
  }

  async listRecorded(): Promise<string[]> {
    const { names } = await this.load();
    return [...names.values()].sort((a, b) => a.localeCompare(b));
  }
}

async function listJsonFiles(dir: string, depth: number): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    throw new Error(`cannot read the folder ${dir} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const out: string[] = [];
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, e.name);
    if (e.isDirectory() && depth > 0) out.push(...(await listJsonFiles(full, depth - 1)));
    else if (e.isFile() && e.name.endsWith(".json")) out.push(full);
  }
  return out;
}
