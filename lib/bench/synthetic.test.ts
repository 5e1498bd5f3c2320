import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { checkModelRules } from "@/lib/domain/model-rules";
import { loadCuratedDataset, type CuratedDataset } from "@/lib/ingest/curated/dataset";
import { profileOf, syntheticRecord, type SyntheticProfile } from "./synthetic";

// The benchmarks' generated releases: deterministic, valid for the write path, shaped like the real data.
let dataset: CuratedDataset;
let profile: SyntheticProfile;
beforeAll(async () => {
  dataset = await loadCuratedDataset(path.resolve("data/curated"), new Date().toISOString().slice(0, 10));
  profile = profileOf(dataset.models);
});

describe("synthetic releases", () => {
  it("are the same for the same index and seed, and differ with the seed", () => {
    expect(syntheticRecord(1234, profile)).toEqual(syntheticRecord(1234, profile));
    expect(syntheticRecord(1234, profile, 7)).not.toEqual(syntheticRecord(1234, profile, 42));
  });

  it("pass the write path's rules, name only real organizations and licenses, and bases come first", () => {
    const orgs = new Set(dataset.organizations.map((o) => o.slug));
    const licenses = new Set(dataset.licenses.map((l) => l.id));
    const slugs = new Set<string>();
    for (let i = 0; i < 4000; i++) {
      const r = syntheticRecord(i, profile);
      expect(r.slug).toMatch(/^synthetic-\d{6}$/);
      expect(checkModelRules(r.values, profile.latestDate), r.slug).toEqual([]);
      for (const d of r.values.developers) expect(orgs.has(d), d).toBe(true);
      expect(licenses.has(r.values.licenseId ?? "")).toBe(true);
      if (r.values.baseModel) expect(slugs.has(r.values.baseModel), `${r.slug} -> ${r.values.baseModel}`).toBe(true);
      expect(Object.values(r.sources).every((u) => u.startsWith("https://example.invalid/"))).toBe(true);
      slugs.add(r.slug);
    }
  });

  it("follow the real distribution: MoE share, countries, sizes", () => {
    const country = new Map(dataset.organizations.map((o) => [o.slug, o.country]));
    const real = dataset.models.map((m) => m.values);
    const synth = Array.from({ length: 8000 }, (_, i) => syntheticRecord(i, profile).values);
    const share = (xs: typeof real, pred: (v: (typeof real)[number]) => boolean) => xs.filter(pred).length / xs.length;
    const moe = (v: (typeof real)[number]) => v.architecture === "moe";
    const cn = (v: (typeof real)[number]) => country.get(v.developers[0]!) === "CN";
    expect(Math.abs(share(synth, moe) - share(real, moe))).toBeLessThan(0.08);
    expect(Math.abs(share(synth, cn) - share(real, cn))).toBeLessThan(0.08);
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const totals = (xs: typeof real) => xs.flatMap((v) => (v.totalParams == null ? [] : [v.totalParams]));
    const ratio = median(totals(synth)) / median(totals(real));
    expect(ratio).toBeGreaterThan(0.33);
    expect(ratio).toBeLessThan(3);
  });
});
