import { describe, expect, it } from "vitest";
import { compactQuery, compareRelevance, normalizeSearch, searchTier, searchTokens, trigramSimilarity, type RankedRow } from "./search";

describe("normalizeSearch", () => {
  it("lower-cases ASCII and drops every ASCII character that is not a letter or digit", () => {
    expect(normalizeSearch("DeepSeek-R1")).toBe("deepseekr1");
    expect(normalizeSearch("Llama-3.1-405B")).toBe("llama31405b");
    expect(normalizeSearch("meta-llama/Meta-Llama-3.1-405B")).toBe("metallamametallama31405b");
    expect(normalizeSearch("a[b]c\\d^e~f{g}|h@i_j`k")).toBe("abcdefghijk");
    // Non-ASCII is kept as it is (the database's lower() would depend on the locale).
    expect(normalizeSearch("Tülu 3")).toBe("tülu3");
  });
});

describe("searchTokens", () => {
  it("splits at white space, normalizes each word and drops empty and repeated ones", () => {
    expect(searchTokens("  llama 3.1  405b ")).toEqual(["llama", "31", "405b"]);
    expect(searchTokens("Qwen3 qwen3 -- 235B")).toEqual(["qwen3", "235b"]);
    expect(searchTokens("---")).toEqual([]);
    expect(compactQuery("deepseek r1")).toBe("deepseekr1");
  });
});

describe("trigramSimilarity", () => {
  it("is pg_trgm's similarity of one word each", () => {
    // "  deepsekr1 " has 10 trigrams, "  deepseekr1 " 11, 9 shared: 9 / 12.
    expect(trigramSimilarity("deepsekr1", "deepseekr1")).toBeCloseTo(0.75, 5);
    expect(trigramSimilarity("abc", "abc")).toBe(1);
    expect(trigramSimilarity("abc", "xyz")).toBe(0);
    expect(trigramSimilarity("", "abc")).toBe(0);
  });
});

describe("searchTier", () => {
  const m = (name: string, slug: string, ...texts: string[]) => ({ name, slug, texts });
  it("exact name or slug, then name prefix, then all words anywhere, then close spelling", () => {
    expect(searchTier("deepseek r1", m("DeepSeek-R1", "deepseek-r1"))).toBe("exact");
    expect(searchTier("llama 3.1 405b", m("Llama-3.1-405B", "llama-3.1-405b"))).toBe("exact");
    expect(searchTier("qwen3 235b", m("Qwen3-235B-A22B", "qwen3-235b-a22b"))).toBe("prefix");
    expect(searchTier("deepseek r1", m("DeepSeek-R1-0528", "deepseek-r1-0528"))).toBe("prefix");
    expect(searchTier("r1 deepseek", m("DeepSeek-R1-0528", "deepseek-r1-0528"))).toBe("words");
    // A word found only in the developer's name.
    expect(searchTier("mistral 8x7b", m("Mixtral-8x7B-v0.1", "mixtral-8x7b-v0.1", "Mixtral", "Mistral AI"))).toBe("words");
    expect(searchTier("deepsek r1", m("DeepSeek-R1", "deepseek-r1"))).toBe("close");
  });

  it("needs every word", () => {
    expect(searchTier("r1 mistral", m("DeepSeek-R1", "deepseek-r1", "DeepSeek-R1", "deepseek-ai/DeepSeek-R1"))).toBeNull();
    // ...unless the whole name is spelled close to the query: a suggestion, ranked last.
    expect(searchTier("deepseek v9 zzz", m("DeepSeek-R1", "deepseek-r1"))).toBe("close");
    expect(searchTier("qwen 405b", m("Qwen3-235B-A22B", "qwen3-235b-a22b", "Qwen3"))).toBeNull();
    expect(searchTier("---", m("DeepSeek-R1", "deepseek-r1"))).toBeNull();
  });
});

describe("compareRelevance", () => {
  it("orders by tier, then similarity, then the newest, then slug", () => {
    const r = (slug: string, tier: RankedRow["tier"], similarity: number, releaseDate = "2025-01-01"): RankedRow => ({ slug, tier, similarity, releaseDate });
    const rows = [r("e", "close", 0.9), r("d", "words", 0.1), r("c", "prefix", 0.5), r("b", "prefix", 0.8), r("a", "exact", 0.2), r("f", "words", 0.1, "2026-01-01")];
    expect(rows.sort(compareRelevance).map((x) => x.slug)).toEqual(["a", "b", "c", "f", "d", "e"]);
  });
});
