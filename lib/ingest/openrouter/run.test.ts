import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fetchLiveDaily, mapListing, parseRecordedDaily } from "./run";

describe("OpenRouter's daily rankings", () => {
  it("reads the shipped copy: 90 days of top listings and the `other` row", () => {
    const days = parseRecordedDaily(readFileSync(path.resolve("data/sources/openrouter/rankings-daily_2026-05-24_2026-08-21.json"), "utf8"));
    expect(new Set(days.map((d) => d.day)).size).toBe(90);
    expect(days.find((d) => d.day === "2026-05-24" && d.listing === "deepseek/deepseek-v4-flash-20260423")?.tokens).toBe(595090081549n);
    expect(days.filter((d) => d.listing === "other")).toHaveLength(90);
  });

  it("refuses a file of another shape, naming where", () => {
    expect(() => parseRecordedDaily(JSON.stringify({ "2026-05-24": { x: { date: "2026-05-24", model_permaslug: "x", total_tokens: "lots" } } }))).toThrow(/total_tokens/);
    expect(() => parseRecordedDaily(JSON.stringify({ "2026-05-24": { x: { date: "2026-05-25", model_permaslug: "x", total_tokens: "1" } } }))).toThrow(/dated 2026-05-25/);
  });

  it("maps a :free listing as the model it is free access to; an unknown one is not mapped", () => {
    const map = new Map<string, string | null>([["tencent/hy3-20260706", "hy3"], ["openrouter/owl-alpha", null]]);
    expect(mapListing("tencent/hy3-20260706:free", map)).toEqual({ slug: "hy3", mapped: true });
    expect(mapListing("openrouter/owl-alpha", map)).toEqual({ slug: null, mapped: true });
    expect(mapListing("acme/new-model", map)).toEqual({ slug: null, mapped: false });
    expect(mapListing("other", map)).toEqual({ slug: null, mapped: true });
  });

  it("reads the live Data API with the key, and says what went wrong", async () => {
    const seen: string[] = [];
    const ok = (async (url: string, init: RequestInit) => {
      seen.push(`${url} ${(init.headers as Record<string, string>).Authorization}`);
      return Response.json({ data: [{ date: "2026-11-30", model_permaslug: "a/b", total_tokens: 12 }] });
    }) as unknown as typeof fetch;
    expect(await fetchLiveDaily("https://or.test/", "k1", ok)).toEqual([{ day: "2026-11-30", listing: "a/b", tokens: 12n }]);
    expect(seen).toEqual(["https://or.test/api/v1/datasets/rankings-daily Bearer k1"]);
    const denied = (async () => new Response("no", { status: 401, statusText: "Unauthorized" })) as unknown as typeof fetch;
    await expect(fetchLiveDaily("https://or.test", "bad", denied)).rejects.toThrow(/401/);
    const odd = (async () => Response.json({ rows: [] })) as unknown as typeof fetch;
    await expect(fetchLiveDaily("https://or.test", "k", odd)).rejects.toThrow(/not the rankings-daily shape/);
  });
});
