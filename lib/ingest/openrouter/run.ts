import { readFile } from "node:fs/promises";
import { parse as parseYaml } from "yaml";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { writeUsage, type UsageRow } from "@/lib/data/write-path";
import { openRouterDailySchema, openRouterLiveSchema, openRouterMapSchema, type OpenRouterMap } from "@/lib/schemas/measures";
import type { IngestReport } from "../report";
import { withIngestRun } from "../run-loop";

/**
 * OpenRouter's daily token counts (`npm run ingest -- openrouter`): the shipped copy of its
 * rankings-daily dataset, or with `--live` (and OPENROUTER_API_KEY) the same dataset from its API. Each
 * listing is mapped to a record by data/mappings/openrouter.yaml; a listing the mapping does not name, or
 * names as null, is stored without a model and listed on /data-quality: never guessed.
 */
export const OPENROUTER_MAP_FILE = "data/mappings/openrouter.yaml";
export const OPENROUTER_RANKINGS_URL = "https://openrouter.ai/rankings";
/** OpenRouter's own name for the sum of the listings outside each day's top 50. */
export const OTHER_LISTING = "other";

export interface DailyTokens {
  day: string;
  listing: string;
  tokens: bigint;
}

export async function loadOpenRouterMap(file: string = OPENROUTER_MAP_FILE): Promise<OpenRouterMap> {
  const parsed = openRouterMapSchema.safeParse(parseYaml(await readFile(file, "utf8")));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  return parsed.data;
}

/** The recorded copy: { day: { listing: { date, model_permaslug, total_tokens } } }. */
export function parseRecordedDaily(text: string): DailyTokens[] {
  const parsed = openRouterDailySchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`not OpenRouter's rankings-daily data: ${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  return Object.entries(parsed.data).flatMap(([day, listings]) =>
    Object.values(listings).map((l) => {
      if (l.date !== day) throw new Error(`${day}: a row dated ${l.date} (${l.model_permaslug})`);
      return { day, listing: l.model_permaslug, tokens: l.total_tokens };
    }),
  );
}

/** The live Data API (GET /api/v1/datasets/rankings-daily), validated like the recorded copy. */
export async function fetchLiveDaily(endpoint: string, apiKey: string, fetcher: typeof fetch = fetch): Promise<DailyTokens[]> {
  const url = `${endpoint.replace(/\/+$/, "")}/api/v1/datasets/rankings-daily`;
  const res = await fetcher(url, { headers: { Authorization: `Bearer ${apiKey}`, Accept: "application/json" }, signal: AbortSignal.timeout(30_000) });
  if (!res.ok) throw new Error(`${url} answered ${res.status} ${res.statusText}`);
  const parsed = openRouterLiveSchema.safeParse(await res.json());
  if (!parsed.success) throw new Error(`${url}: not the rankings-daily shape (${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")})`);
  return parsed.data.data.map((r) => ({ day: r.date, listing: r.model_permaslug, tokens: r.total_tokens }));
}

/** The listing's record: a `:free` listing is the same model as its paid one. */
export function mapListing(listing: string, map: Map<string, string | null>): { slug: string | null; mapped: boolean } {
  if (listing === OTHER_LISTING) return { slug: null, mapped: true };
  const base = listing.replace(/:free$/, "");
  return map.has(base) ? { slug: map.get(base)!, mapped: true } : { slug: null, mapped: false };
}

export async function ingestOpenRouter(db: PrismaClient, options: { days: DailyTokens[]; mapFile: string; dryRun?: boolean }): Promise<IngestReport> {
  const entries = await loadOpenRouterMap(options.mapFile);
  const map = new Map(entries.map((e) => [e.permaslug, e.model]));
  return withIngestRun(db, "openrouter", options.dryRun ?? false, async (report, batch) => {
    const known = new Set((await db.model.findMany({ where: { slug: { in: entries.flatMap((e) => (e.model ? [e.model] : [])) } }, select: { slug: true } })).map((m) => m.slug));
    const notInMap = new Set<string>();
    const rows: UsageRow[] = [];
    for (const d of options.days) {
      const mapping = mapListing(d.listing, map);
      const mapped = mapping.mapped;
      let slug = mapping.slug;
      if (!mapped) notInMap.add(d.listing);
      if (slug && !known.has(slug)) {
        report.failures.push({ item: d.listing, message: `data/mappings/openrouter.yaml maps it to ${slug}, which is not in the database: kept unmapped` });
        slug = null;
      }
      rows.push({ day: d.day, listing: d.listing, slug, tokens: d.tokens, sourceUrl: OPENROUTER_RANKINGS_URL });
    }
    report.total = rows.length;
    if (notInMap.size) report.notes.push(`${notInMap.size} listings not in data/mappings/openrouter.yaml (kept without a model): ${[...notInMap].sort().slice(0, 20).join(", ")}`);
    const days = [...new Set(rows.map((r) => r.day))].sort();
    if (days.length) report.notes.push(`${days.length} days, ${days[0]} to ${days.at(-1)}`);
    if (options.dryRun) return;
    const counts = await db.$transaction((tx) => writeUsage(tx, batch, rows), { timeout: 120_000 });
    report.created += counts.created;
    report.updated += counts.updated;
    report.unchanged += counts.unchanged;
  });
}
