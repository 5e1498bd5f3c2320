import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { countryGroup } from "@/lib/domain/countries";
import { formatDatasetError, loadCuratedDataset, type CuratedDataset } from "./curated";
import { parseHfConfig } from "./hf-config";

// The committed dataset itself, checked the way the ingester checks it, plus coverage and the real configs.
const TODAY = new Date().toISOString().slice(0, 10);
let dataset: CuratedDataset;
beforeAll(async () => {
  dataset = await loadCuratedDataset(path.resolve("data/curated"), TODAY);
});

describe("data/curated", () => {
  it("has no validation errors", () => {
    expect(dataset.errors.map(formatDatasetError)).toEqual([]);
  });

  it("covers at least 250 releases, 90 from the US and 90 from China, and the major other countries", () => {
    const country = new Map(dataset.organizations.map((o) => [o.slug, o.country]));
    const countries = dataset.models.map((m) => country.get(m.values.developers[0]!)!);
    expect(dataset.models.length).toBeGreaterThanOrEqual(250);
    expect(countries.filter((c) => countryGroup(c) === "US").length).toBeGreaterThanOrEqual(90);
    expect(countries.filter((c) => countryGroup(c) === "CN").length).toBeGreaterThanOrEqual(90);
    for (const c of ["FR", "AE", "KR", "JP", "CA", "IL", "GB", "DE"]) expect(countries, c).toContain(c);
  });

  it("covers the families a user looks for first", () => {
    const names = dataset.models.map((m) => m.values.name.toLowerCase());
    for (const family of ["deepseek-v3", "deepseek-r1", "qwen3", "qwq", "kimi k2", "minimax-m1", "glm-4.5", "yi-1.5", "llama-4", "gpt-oss", "gemma 3", "phi-4", "olmo", "dbrx", "mixtral", "falcon", "exaone", "command r", "jamba"]) {
      expect(names.some((n) => n.replace(/[-\s]/g, "").includes(family.replace(/[-\s]/g, ""))), family).toBe(true);
    }
  });
});

/** Configs stored under a repo's old name; the record uses the current one. */
const RENAMED: Record<string, string> = {
  "meta-llama/meta-llama-3.1-405b": "meta-llama/llama-3.1-405b",
  "meta-llama/meta-llama-3.1-8b": "meta-llama/llama-3.1-8b",
  // An unverified config (re-typed from an index dump) published for both M1 releases; checked against the 80k one.
  "minimaxai/minimax-m1": "minimaxai/minimax-m1-80k",
};

describe("agreement with the real config.json files", () => {
  const dir = path.resolve("tests/fixtures/hf/configs");
  const files = readdirSync(dir);
  it.each(files)("%s", (file) => {
    const repo = file.replace(/\.config(\.TRIMMED)?\.json$/, "").replace("--", "/").toLowerCase();
    const record = dataset.models.find((m) => m.values.hfRepoId?.toLowerCase() === (RENAMED[repo] ?? repo));
    expect(record, `no record has the repo ${repo}`).toBeDefined();
    const facts = parseHfConfig(JSON.parse(readFileSync(path.join(dir, file), "utf8")));
    const v = record!.values;
    if (facts.architecture) expect(v.architecture, "architecture").toBe(facts.architecture);
    if (facts.routedExperts != null) expect(v.routedExperts, "routedExperts").toBe(facts.routedExperts);
    if (facts.expertsPerToken != null) expect(v.expertsPerToken, "expertsPerToken").toBe(facts.expertsPerToken);
    if (facts.sharedExperts != null) expect(v.sharedExperts, "sharedExperts").toBe(facts.sharedExperts);
    if (facts.maxPositionEmbeddings != null) expect(v.maxPositionEmbeddings, "maxPositionEmbeddings").toBe(facts.maxPositionEmbeddings);
  });
});
