import { expect, test, type APIRequestContext } from "@playwright/test";
import fc from "fast-check";
import { QUERY_PARAM_NAMES } from "@/lib/schemas/model-query";

// Thousands of random and hostile query strings, over real HTTP against the production server: the model
// list (page), the API, its CSV export and the dashboard's stats. Never a 500: the API answers 200 or a
// 400 whose JSON names each bad parameter; the page is forgiving and always renders (200).
// A failure prints fast-check's seed and the shrunk query; FC_SEED=<seed> replays it.

const KNOWN = [...QUERY_PARAM_NAMES, "asOf", "compare", "params", "capability"];

/** Values that are nearly right, exactly wrong, or wrong in the ways parsers trip over. */
const hostileValue = fc.oneof(
  fc.constantFrom(
    "US,CN", "cn", "XX", "US,,CN", " , ", "US,".repeat(60), "moe", "MoE", "dense", "permissive", "non-commercial",
    "deepseek", "DeepSeek", "-deepseek", "qwen", "70B", "70e9", "1.5T", "128K", "-1", "0", "-0", "1e309", "NaN",
    "Infinity", "-Infinity", "0x10", "1_000", "1,000", "9".repeat(400), "3.5", "200", "201", "1000001",
    "2025-01-01", "2025-02-30", "0000-00-00", "9999-12-31", "2025-1-1", "2099-01-01", "totalParams", "activeParams",
    "releaseDate", "name", "asc", "desc", "DESC", "total", "active",
    "' OR 1=1 --", "'; DROP TABLE \"Model\"; --", "<script>alert(1)</script>", "../../etc/passwd", "${7*7}", "{{7*7}}",
    "%", "%%", "%zz", "%E0%A4%A", "%00", "%ED%A0%80", "%C0%AF", "%FF%FE", "\u0000", "\u202e", "😀", "🏳️‍🌈",
    "a".repeat(2000), "null", "undefined", "[]", "{}", "true", "__proto__",
  ),
  fc.integer().map(String),
  fc.double().map(String),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
);

const hostileKey = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...KNOWN) },
  { weight: 1, arbitrary: fc.constantFrom("", "__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "country[]", "Country", " sort", "sort ", "page\u0000", "contry", "q[0]", "%") },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 8 }) },
);

/** Percent-encodes what a URL cannot carry raw; characters that cannot be encoded (lone surrogates) go out as
 * their UTF-16 code units' bytes, i.e. deliberately invalid UTF-8. Existing `%` sequences are left alone
 * half of the time, so broken escapes reach the server. */
function encodePart(s: string, keepPercent: boolean): string {
  let out = "";
  for (const ch of s) {
    if (keepPercent && ch === "%") out += "%";
    else if (/^[A-Za-z0-9\-_.~,:!*'()$@/?]$/.test(ch)) out += ch;
    else {
      try {
        out += encodeURIComponent(ch);
      } catch {
        out += [...ch].map((c) => `%${(c.charCodeAt(0) >> 8).toString(16).padStart(2, "0")}%${(c.charCodeAt(0) & 255).toString(16).padStart(2, "0")}`).join("");
      }
    }
  }
  return out;
}

/** A value the parameter accepts, or nearly: reaches the database with odd but valid input. */
const countries = fc.subarray(["US", "CN", "FR", "DE", "JP", "KR", "AE", "GB", "IL", "CA", "IN", "CH", "us", "cn"], { minLength: 1 }).map((xs) => xs.join(","));
const date = fc.date({ min: new Date("1900-01-01"), max: new Date("2099-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const count = fc.oneof(
  fc.nat().map(String),
  fc.bigInt({ min: 0n, max: 10n ** 13n }).map(String),
  fc.tuple(fc.double({ min: 0, max: 9999, noNaN: true }), fc.constantFrom("K", "M", "B", "T", "k", "b", "e9", "")).map(([n, u]) => `${Number(n.toFixed(2))}${u}`),
);
const plausible: Record<string, fc.Arbitrary<string>> = {
  country: countries,
  excludeCountry: countries,
  architecture: fc.constantFrom("moe", "dense"),
  license: fc.subarray(["permissive", "restricted", "non-commercial"], { minLength: 1 }).map((xs) => xs.join(",")),
  org: fc.oneof(fc.constantFrom("deepseek", "meta", "alibaba", "mistral", "google", "deepseek,meta"), fc.stringMatching(/^[a-z0-9]{1,12}(-[a-z0-9]{1,6})?$/)),
  q: fc.oneof(fc.constantFrom("qwen", "Llama", "%", "_", "\\", "abc\\", "100%", "'", '"', "\u0000x", "ß", "İ"), fc.string({ minLength: 1, maxLength: 100 }), fc.string({ unit: "grapheme", minLength: 1, maxLength: 30 })),
  releasedFrom: date,
  releasedTo: date,
  asOf: date,
  minTotalParams: count,
  maxTotalParams: count,
  minActiveParams: count,
  maxActiveParams: count,
  minContext: count,
  sort: fc.constantFrom("releaseDate", "totalParams", "activeParams", "contextWindow", "name", "score"),
  order: fc.constantFrom("asc", "desc"),
  page: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 1_000_000 })).map(String),
  pageSize: fc.integer({ min: 1, max: 200 }).map(String),
  compare: countries,
  params: fc.constantFrom("total", "active"),
  openWeights: fc.constantFrom("true", "false", "all", "yes"),
  benchmark: fc.oneof(fc.constantFrom("gpqa-diamond-epoch", "swe-bench-verified-reported", "mmlu-5-shot", "no-such-benchmark"), fc.stringMatching(/^[a-z0-9]{1,10}(-[a-z0-9]{1,6})?$/)),
  minScore: fc.oneof(fc.double({ min: -10, max: 120, noNaN: true }).map((n) => String(Number(n.toFixed(1)))), fc.constantFrom("60", "1e400", "abc")),
  capability: fc.constantFrom("gpqa-diamond-epoch", "swe-bench-verified-reported", "no-such-benchmark", "Bad Id"),
};
const plausiblePart = fc.constantFrom(...KNOWN).chain((key) => plausible[key]!.map((value) => ({ key, value, shape: "k=v" as const, keepPercent: false })));
const hostilePart = fc.record({
  key: hostileKey,
  value: hostileValue,
  shape: fc.constantFrom("k=v", "k=v", "k=v", "k", "k=", "=v"),
  keepPercent: fc.boolean(),
});

const queryString = fc
  .array(fc.oneof({ weight: 3, arbitrary: plausiblePart }, { weight: 1, arbitrary: hostilePart }), { maxLength: 8 })
  .chain((parts) => fc.constantFrom("", "&", "&&").map((sep) => ({ parts, sep })))
  .map(({ parts, sep }) =>
    parts
      .map(({ key, value, shape, keepPercent }) => {
        const k = encodePart(key, keepPercent);
        const v = encodePart(value, keepPercent);
        return shape === "k=v" ? `${k}=${v}` : shape === "k" ? k : shape === "k=" ? `${k}=` : `=${v}`;
      })
      .join(`&${sep}`),
  );

interface Checked {
  path: string;
  status: number;
  problem: string | null;
}

async function check(request: APIRequestContext, path: string, qs: string): Promise<Checked> {
  const url = qs ? `${path}?${qs}` : path;
  const res = await request.get(url, { maxRedirects: 0, timeout: 30_000 });
  const status = res.status();
  const type = res.headers()["content-type"] ?? "";
  const body = await res.text();
  const fail = (problem: string): Checked => ({ path, status, problem: `${problem} for ${url}: ${body.slice(0, 300)}` });
  if (path === "/models") {
    if (status !== 200) return fail(`status ${status}, expected 200 (the page drops bad parameters and says so)`);
    if (!type.includes("text/html")) return fail(`content-type ${type}`);
    return { path, status, problem: null };
  }
  if (status === 200) {
    if (path.endsWith(".csv")) return type.includes("text/csv") ? { path, status, problem: null } : fail(`content-type ${type}`);
    if (!type.includes("application/json")) return fail(`content-type ${type}`);
    JSON.parse(body);
    return { path, status, problem: null };
  }
  if (status !== 400) return fail(`status ${status}, expected 200 or 400`);
  if (!type.includes("application/json")) return fail(`400 with content-type ${type}, expected JSON`);
  const json = JSON.parse(body) as { error?: unknown; details?: { param?: unknown; message?: unknown }[] };
  if (typeof json.error !== "string" || !Array.isArray(json.details) || json.details.length === 0) return fail("400 without { error, details }");
  // Each bad parameter is named, by the name it had in the query (as the server decoded it).
  // (Not new URLSearchParams(qs): it would drop a leading "?", which the server reads as part of a name.)
  const sent = new Set([...new URL(`http://x/?${qs}`).searchParams.keys()]);
  for (const d of json.details) {
    if (typeof d.param !== "string" || typeof d.message !== "string") return fail("a detail without param and message");
    if (!sent.has(d.param)) return fail(`400 names ${JSON.stringify(d.param)}, which the query does not have`);
    if (!json.error.includes(d.param)) return fail(`the error message does not name ${JSON.stringify(d.param)}`);
  }
  return { path, status, problem: null };
}

const ENDPOINTS = ["/api/v1/models", "/models", "/api/v1/models.csv", "/api/v1/stats", "/api/v1/leaders", "/api/v1/scores.csv"];
const RUNS = Number(process.env.HOSTILE_QUERY_RUNS ?? 600);

test("random and hostile query strings never make a 500: 200, or a 400 that names the parameter", async ({ request }) => {
  test.setTimeout(420_000); // six endpoints x 600 query strings: about 2 minutes on an idle machine
  const statuses: Record<string, Record<number, number>> = {};
  await fc.assert(
    fc.asyncProperty(queryString, async (qs) => {
      const results = await Promise.all(ENDPOINTS.map((p) => check(request, p, qs)));
      for (const r of results) {
        statuses[r.path] ??= {};
        statuses[r.path]![r.status] = (statuses[r.path]![r.status] ?? 0) + 1;
      }
      const problems = results.flatMap((r) => (r.problem ? [r.problem] : []));
      expect(problems).toEqual([]);
    }),
    {
      numRuns: RUNS,
      ...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED) } : {}),
      examples: [
        [""],
        ["page=0&pageSize=999&sort=nope&order=up"],
        ["country=%ZZ&q=%"],
        ["q=%ED%A0%80"],
        ["minTotalParams=1e309&maxTotalParams=-1"],
        ["releasedFrom=2025-02-30&releasedTo=2024-01-01"],
        ["__proto__=1&constructor=2"],
        [`org=${"a".repeat(3000)}`],
        ["asOf=2099-01-01&compare=US,XX,FR,DE,JP,KR,IN"],
        ["page=1&page=2"],
      ],
    },
  );
  console.log(`statuses per endpoint over ${RUNS} query strings: ${JSON.stringify(statuses)}`);
  // The generator is not degenerate: both answers occur on the API.
  expect(statuses["/api/v1/models"]?.[200]).toBeGreaterThan(0);
  expect(statuses["/api/v1/models"]?.[400]).toBeGreaterThan(0);
});
