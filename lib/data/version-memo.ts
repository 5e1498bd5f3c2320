import "server-only";
import { getDb } from "@/lib/db";

/**
 * Values kept per process until the published data changes (docs/decisions/018-dashboard-at-scale.md):
 * each is loaded once per content version (see currentVersion), and every caller in between shares its
 * promise (a failed load is not kept). Keyed by the counter and the moment it moved, so a database that was
 * recreated or restored, whose counter may repeat, is never mistaken for the one before. The response
 * cache (lib/response-cache.ts) keys on the data version, which also moves with the run history; this
 * keeps what several pages and the API read or compute whole (the dashboard's rows and aggregates at
 * 100,000 models) off the path of each cache miss.
 */
async function currentVersion(): Promise<string> {
  // The content version: every write moves it but those to the run history and the review queue, which
  // nothing kept here reads (prisma/migrations/20261207100000_content_version).
  const row = await getDb().dataVersion.findUniqueOrThrow({ where: { id: 1 }, select: { contentVersion: true, contentChangedAt: true } });
  return `${row.contentVersion}@${row.contentChangedAt.getTime()}`;
}

/** One value per data version. */
export function perDataVersion<T>(load: () => Promise<T>): () => Promise<T> {
  const keyed = perDataVersionKeyed<[], T>(() => "", load, 1);
  return () => keyed();
}

/**
 * One value per data version and key (a view's query, say), the `maxKeys` most recently used of the
 * current version kept: a new data version drops them all.
 */
export function perDataVersionKeyed<A extends unknown[], T>(keyOf: (...args: A) => string, load: (...args: A) => Promise<T>, maxKeys: number): (...args: A) => Promise<T> {
  let version: string | null = null;
  const values = new Map<string, Promise<T>>();
  return async (...args: A) => {
    const current = await currentVersion();
    if (current !== version) {
      version = current;
      values.clear();
    }
    const key = keyOf(...args);
    let value = values.get(key);
    if (value) {
      // Most recently used last: the first key is the one to drop.
      values.delete(key);
      values.set(key, value);
      return value;
    }
    value = load(...args);
    values.set(key, value);
    if (values.size > maxKeys) values.delete(values.keys().next().value!);
    const kept = value;
    kept.catch(() => {
      if (values.get(key) === kept) values.delete(key);
    });
    return kept;
  };
}
