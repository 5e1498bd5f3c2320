// What a page ships: its HTML, and the JavaScript and CSS its HTML names (<script src>, <link
// rel=stylesheet|preload|modulepreload>; not nomodule scripts, which modern browsers skip), each fetched
// and gzipped (level 6, what servers use). Chart code is recognized by recharts' class names, which
// survive minification.
import { gzipSync } from "node:zlib";

export interface AssetSize {
  url: string;
  bytes: number;
  gzip: number;
}

export interface PageWeight {
  path: string;
  status: number;
  html: { bytes: number; gzip: number };
  js: { files: number; bytes: number; gzip: number; assets: AssetSize[] };
  css: { files: number; bytes: number; gzip: number; assets: AssetSize[] };
  /** Scripts that contain chart code (recharts). */
  chartScripts: string[];
}

const attr = (tag: string, name: string) => new RegExp(`\\s${name}=["']([^"']+)["']`, "i").exec(tag)?.[1] ?? null;
const decode = (s: string) => s.replace(/&amp;/g, "&");

export function assetsOf(html: string): { scripts: string[]; styles: string[] } {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) {
    const src = attr(tag, "src");
    // nomodule scripts (Next's polyfills) are fetched only by browsers without ES modules.
    if (src && !/\snomodule\b/i.test(tag)) scripts.add(decode(src));
  }
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    const rel = (attr(tag, "rel") ?? "").toLowerCase();
    const href = attr(tag, "href");
    if (!href) continue;
    if (rel === "stylesheet" || (rel === "preload" && attr(tag, "as") === "style")) styles.add(decode(href));
    else if (rel === "modulepreload" || (rel === "preload" && attr(tag, "as") === "script")) scripts.add(decode(href));
  }
  return { scripts: [...scripts], styles: [...styles] };
}

const gz = (b: Buffer) => gzipSync(b, { level: 6 }).length;

async function fetchAsset(base: string, url: string): Promise<{ size: AssetSize; text: string }> {
  const res = await fetch(new URL(url, base));
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  const body = Buffer.from(await res.arrayBuffer());
  return { size: { url, bytes: body.length, gzip: gz(body) }, text: body.toString("utf8") };
}

const CHART_MARKERS = ["recharts-wrapper", "recharts-surface", "recharts-cartesian"];

export async function measurePageWeight(base: string, path: string): Promise<PageWeight> {
  const res = await fetch(new URL(path, base));
  const html = Buffer.from(await res.arrayBuffer());
  const { scripts, styles } = assetsOf(html.toString("utf8"));
  const js = await Promise.all(scripts.map((u) => fetchAsset(base, u)));
  const css = await Promise.all(styles.map((u) => fetchAsset(base, u)));
  const sum = (xs: { size: AssetSize }[], k: "bytes" | "gzip") => xs.reduce((a, x) => a + x.size[k], 0);
  return {
    path,
    status: res.status,
    html: { bytes: html.length, gzip: gz(html) },
    js: { files: js.length, bytes: sum(js, "bytes"), gzip: sum(js, "gzip"), assets: js.map((x) => x.size) },
    css: { files: css.length, bytes: sum(css, "bytes"), gzip: sum(css, "gzip"), assets: css.map((x) => x.size) },
    chartScripts: js.filter((x) => CHART_MARKERS.some((m) => x.text.includes(m))).map((x) => x.size.url),
  };
}

export interface HtmlSize {
  path: string;
  status: number;
  bytes: number;
  gzip: number;
  /** One request, nothing else running. */
  ms: number;
}

/** The HTML alone, once: how the page grows with the database. */
export async function measureHtml(base: string, path: string): Promise<HtmlSize> {
  const t0 = performance.now();
  const res = await fetch(new URL(path, base));
  const html = Buffer.from(await res.arrayBuffer());
  return { path, status: res.status, bytes: html.length, gzip: gz(html), ms: Math.round(performance.now() - t0) };
}
