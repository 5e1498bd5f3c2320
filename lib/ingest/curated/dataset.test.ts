import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { countryGroup } from "@/lib/domain/countries";
import { formatDatasetError, loadCuratedDataset, type CuratedDataset } from "./dataset";
import { loadExclusions, type Exclusions } from "../exclusions";
import { parseHfConfig } from "../hf/config";
import { readModelsDevDir } from "../modelsdev/parse";
import type { SourceItem } from "../source-run";
import { readRecipesDir } from "../vllm-recipes/parse";

// The committed dataset itself, checked the way the ingester checks it, plus coverage and the real configs.
const TODAY = new Date().toISOString().slice(0, 10);
let dataset: CuratedDataset;
/** Counts of releases leave out the closed reference models (openWeights false). */
const openReleases = (d: CuratedDataset) => d.models.filter((m) => m.values.openWeights);
beforeAll(async () => {
  dataset = await loadCuratedDataset(path.resolve("data/curated"), TODAY);
});

describe("data/curated", () => {
  it("has no validation errors", () => {
    expect(dataset.errors.map(formatDatasetError)).toEqual([]);
  });

  it("covers at least 250 releases, 90 from the US and 90 from China, and the major other countries", () => {
    const country = new Map(dataset.organizations.map((o) => [o.slug, o.country]));
    const countries = openReleases(dataset).map((m) => country.get(m.values.developers[0]!)!);
    expect(openReleases(dataset).length).toBeGreaterThanOrEqual(250);
    expect(countries.filter((c) => countryGroup(c) === "US").length).toBeGreaterThanOrEqual(90);
    expect(countries.filter((c) => countryGroup(c) === "CN").length).toBeGreaterThanOrEqual(90);
    for (const c of ["FR", "AE", "KR", "JP", "CA", "IL", "GB", "DE"]) expect(countries, c).toContain(c);
  });

  it("covers the families a user looks for first", () => {
    const names = openReleases(dataset).map((m) => m.values.name.toLowerCase());
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

describe("check dates (`checked`)", () => {
  it("are the day of the 2026-12-01 checks (16 open releases, 8 closed reference records' dates), and not recorded on the others", () => {
    const checked = dataset.models.filter((m) => m.checked).map((m) => m.slug).sort();
    expect(checked).toHaveLength(24);
    expect(checked).toEqual(expect.arrayContaining(["gpt-5", "o3-pro", "qwen2-5-max", "mistral-medium-3"]));
    // Their cited Anthropic pages could not be re-read on a stored copy: not marked checked.
    expect(checked).not.toEqual(expect.arrayContaining(["claude-sonnet-4-5"]));
    expect(checked).not.toEqual(expect.arrayContaining(["claude-haiku-4-5"]));
    expect(checked).toEqual(expect.arrayContaining(["tiny-aya-base", "tiny-aya-water", "granite-4.1-30b", "lfm2.5-vl-1.6b", "kimi-k2.7-code", "nvidia-nemotron-nano-12b-v2", "deepseek-v4-flash-base"]));
    expect(new Set(dataset.models.filter((m) => m.checked).map((m) => m.checked))).toEqual(new Set(["2026-12-01"]));
    expect(dataset.models.find((m) => m.slug === "deepseek-v3")!.checked).toBeNull();
  });
});

describe("agreement with the real config.json files", () => {
  const dir = path.resolve("tests/fixtures/hf/configs");
  const files = readdirSync(dir);
  it.each(files)("%s", (file) => {
    const repo = file.replace(/\.config(\.TRIMMED)?\.json$/, "").replace("--", "/").toLowerCase();
    const record = openReleases(dataset).find((m) => m.values.hfRepoId?.toLowerCase() === (RENAMED[repo] ?? repo));
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

describe("coverage after the sweep of 2026-12-01 (issue 13)", () => {
  const group = (m: CuratedDataset["models"][number]) => {
    const country = new Map(dataset.organizations.map((o) => [o.slug, o.country]));
    return countryGroup(country.get(m.values.developers[0]!)!);
  };
  it("holds at least 700 releases, 230 with weights from 2025-07-01 on and 45 from 2026-05-01 on", () => {
    expect(openReleases(dataset).length).toBeGreaterThanOrEqual(700);
    expect(openReleases(dataset).filter((m) => m.values.releaseDate >= "2025-07-01").length).toBeGreaterThanOrEqual(230);
    expect(openReleases(dataset).filter((m) => m.values.releaseDate >= "2026-05-01").length).toBeGreaterThanOrEqual(45);
  });
  it("has at least 25 releases of 2026 from the US and 25 from China", () => {
    const of2026 = openReleases(dataset).filter((m) => m.values.releaseDate >= "2026-01-01");
    expect(of2026.filter((m) => group(m) === "US").length).toBeGreaterThanOrEqual(25);
    expect(of2026.filter((m) => group(m) === "CN").length).toBeGreaterThanOrEqual(25);
  });
  it("has a total parameter count, or a note saying why not, for every release from 2025 on", () => {
    const missing = openReleases(dataset).filter((m) => m.values.releaseDate >= "2025-01-01" && m.values.totalParams == null && !/param/i.test(m.notes ?? ""));
    expect(missing.map((m) => m.slug)).toEqual([]);
  });
});

describe("every open-weights entry of the shipped cross-check sources is in the dataset or excluded", () => {
  let exclusions: Exclusions;
  let repos: Set<string>;
  let slugs: Set<string>;
  beforeAll(async () => {
    exclusions = await loadExclusions(path.resolve("data/excluded.yaml"));
    repos = new Set(openReleases(dataset).flatMap((m) => (m.values.hfRepoId ? [m.values.hfRepoId.toLowerCase()] : [])));
    slugs = new Set(openReleases(dataset).map((m) => m.slug));
  });
  const unaccounted = (source: "modelsdev" | "vllm-recipes", items: SourceItem[]) =>
    items.filter((i) => !(i.repoId && repos.has(i.repoId.toLowerCase())) && !exclusions.forPath(source, i.path)).map((i) => `${i.path} (${i.repoId ?? "no repo"})`);

  it("models.dev (data/sources/modelsdev)", async () => {
    const { items, errors } = await readModelsDevDir(path.resolve("data/sources/modelsdev"));
    expect(errors).toEqual([]);
    expect(items.length).toBeGreaterThan(300);
    expect(unaccounted("modelsdev", items)).toEqual([]);
  });
  it("vLLM recipes (data/sources/vllm-recipes)", async () => {
    const { items, errors } = await readRecipesDir(path.resolve("data/sources/vllm-recipes"));
    expect(errors).toEqual([]);
    expect(items.length).toBeGreaterThan(150);
    expect(unaccounted("vllm-recipes", items)).toEqual([]);
  });
  it("names only existing records as same-release, and none that is also a record of its own", () => {
    const bad = exclusions.entries.filter((e) => e.rule === "same-release" && !slugs.has(e.slug!)).map((e) => `${e.path ?? e.name}: ${e.slug}`);
    expect(bad).toEqual([]);
    const listed = exclusions.entries.filter((e) => e.rule !== "same-release" && e.repo && repos.has(e.repo.toLowerCase())).map((e) => e.repo);
    expect(listed, "excluded, yet a record has this repo").toEqual([]);
  });
});
