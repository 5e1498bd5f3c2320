/**
 * The model search (`q`) as people type it: case-, space- and punctuation-insensitive, every word must
 * match, ranked exact name > name prefix > all words > close spelling.
 *
 * One normal form for every text compared, `normalizeSearch`: ASCII letters lower-cased, every other
 * ASCII character that is not a letter or digit dropped, anything else kept. The database has the same
 * function, `atlas_search_norm` (prisma/migrations/20261203100000_search_text), behind the generated
 * `searchText` columns and the trigram indexes; lib/data/search.ts builds the SQL side from the tokens
 * here, and lib/domain/model-filter.ts `matchesQuery` the in-memory side.
 *
 * "Llama 3.1 405B" -> tokens `llama`, `31`, `405b`; the name "Llama-3.1-405B" -> `llama31405b`, which
 * holds all three, and whose normal form equals the query's (`llama31405b`): an exact match.
 */

/** ASCII letters lower-cased; ASCII characters other than letters and digits dropped; the rest kept. */
export function normalizeSearch(s: string): string {
  return s.replace(/[A-Z]/g, (c) => c.toLowerCase()).replace(/[\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f]+/g, "");
}

/** At most this many words of a query are matched (a query is at most 100 characters). */
export const MAX_SEARCH_TOKENS = 12;

/** The words of a query (split at white space), each in the normal form; empty and repeated words dropped. */
export function searchTokens(q: string): string[] {
  const tokens = q.split(/\s+/).map(normalizeSearch).filter(Boolean);
  return [...new Set(tokens)].slice(0, MAX_SEARCH_TOKENS);
}

/** The whole query in the normal form ("deepseek r1" -> "deepseekr1"): what exact, prefix and close spelling compare. */
export function compactQuery(q: string): string {
  return searchTokens(q).join("");
}

/**
 * Close spelling: the trigram similarity of the compact query and the normalized name at least this
 * ("deepsek r1" and "DeepSeek-R1": 0.75). The database's `%` operator pre-selects at pg_trgm's default
 * threshold of 0.3, then this bound applies.
 */
export const CLOSE_SPELLING_THRESHOLD = 0.4;
/** The database keeps the closest this many names of the close-spelling tier (it is a suggestion, not a filter). */
export const CLOSE_SPELLING_LIMIT = 50;

function trigrams(word: string): Set<string> {
  // pg_trgm pads each word with two spaces before and one after.
  const padded = `  ${word} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  return out;
}

/**
 * pg_trgm's `similarity` of two normalized strings (one word each: the normal form has no separators):
 * shared trigrams over all trigrams of the two.
 */
export function trigramSimilarity(a: string, b: string): number {
  return a ? similarityToTrigrams(trigrams(a), b) : 0;
}

/** trigramSimilarity(a, b) with a's trigrams taken once (a query ranked against thousands of names). */
function similarityToTrigrams(ta: Set<string>, b: string): number {
  if (ta.size === 0 || !b) return 0;
  const tb = trigrams(b);
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  return shared / (ta.size + tb.size - shared);
}

/** Every token is a substring of one of the texts (each text normalized here). */
export function allTokensMatch(tokens: string[], texts: readonly (string | null | undefined)[]): boolean {
  if (tokens.length === 0) return false;
  const normalized = texts.flatMap((t) => (t ? [normalizeSearch(t)] : []));
  return tokens.every((tok) => normalized.some((t) => t.includes(tok)));
}

/** The tiers, best first. */
export const SEARCH_TIERS = ["exact", "prefix", "words", "close"] as const;
export type SearchTier = (typeof SEARCH_TIERS)[number];

export interface SearchCandidate {
  name: string;
  slug: string;
  /** Every other text the words may be found in: family, repo id, developers' names and slugs. */
  texts: readonly (string | null | undefined)[];
}

/**
 * Where a record ranks for a query, or null when it does not match: `exact` (its name or slug in the
 * normal form is the query's), `prefix` (its name starts with the query), `words` (every word is in its
 * name, family, slug, repo id or a developer's name or slug), `close` (not every word is, but its name is
 * spelled close to the query).
 */
export function searchTier(q: string, c: SearchCandidate): SearchTier | null {
  return tierOf(prepareQuery(q), c);
}

/** A query's words, compact form and trigrams, worked out once for ranking many records. */
export interface PreparedQuery {
  tokens: string[];
  compact: string;
  trigrams: Set<string>;
}

export function prepareQuery(q: string): PreparedQuery {
  const tokens = searchTokens(q);
  const compact = tokens.join("");
  return { tokens, compact, trigrams: compact ? trigrams(compact) : new Set() };
}

/** searchTier of a prepared query; `name` is the candidate's normalized name when the caller has it. */
export function tierOf(p: PreparedQuery, c: SearchCandidate, name = normalizeSearch(c.name)): SearchTier | null {
  if (p.tokens.length === 0) return null;
  if (name === p.compact || normalizeSearch(c.slug) === p.compact) return "exact";
  if (name.startsWith(p.compact)) return "prefix";
  if (allTokensMatch(p.tokens, [c.name, c.slug, ...c.texts])) return "words";
  if (similarityToTrigrams(p.trigrams, name) >= CLOSE_SPELLING_THRESHOLD) return "close";
  return null;
}

/** The compact query's trigram similarity to a normalized name: the order within a tier. */
export function similarityOf(p: PreparedQuery, name: string): number {
  return similarityToTrigrams(p.trigrams, name);
}

export interface RankedRow {
  tier: SearchTier;
  /** The compact query's similarity to the normalized name: the order within a tier. */
  similarity: number;
  releaseDate: string;
  slug: string;
}

/** Best first: tier, then the name closest to the query, then the newest, then the slug. */
export function compareRelevance(a: RankedRow, b: RankedRow): number {
  return (
    SEARCH_TIERS.indexOf(a.tier) - SEARCH_TIERS.indexOf(b.tier) ||
    b.similarity - a.similarity ||
    (a.releaseDate < b.releaseDate ? 1 : a.releaseDate > b.releaseDate ? -1 : 0) ||
    (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0)
  );
}
