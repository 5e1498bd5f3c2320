import { describe, expect, it } from "vitest";
import type { MatchableModel } from "@/lib/data/ingest-lookup";
import type { EpochRecord } from "./parse";
import { matchEpochRecord } from "./match";
import { OrganizationMatcher } from "./orgs";

const model = (slug: string, name: string, developers: string[], hfRepoId: string | null = null): MatchableModel => ({ slug, name, developers, hfRepoId, architecture: "dense", sourceValues: {} });
const MODELS = [
  model("deepseek-v3", "DeepSeek-V3", ["deepseek"], "deepseek-ai/DeepSeek-V3"),
  model("deepseek-v3-0324", "DeepSeek-V3-0324", ["deepseek"], "deepseek-ai/DeepSeek-V3-0324"),
  model("qwen3-235b-a22b-instruct-2507", "Qwen3-235B-A22B-Instruct-2507", ["alibaba"], "Qwen/Qwen3-235B-A22B-Instruct-2507"),
  model("llama-3.3-70b-instruct", "Llama-3.3-70B-Instruct", ["meta"], "meta-llama/Llama-3.3-70B-Instruct"),
  model("meta-llama-3-70b", "Meta-Llama-3-70B", ["meta"], "meta-llama/Meta-Llama-3-70B"),
  model("meta-llama-3-70b-instruct", "Meta-Llama-3-70B-Instruct", ["meta"], "meta-llama/Meta-Llama-3-70B-Instruct"),
  model("kimi-k2-base", "Kimi-K2-Base", ["moonshot"], "moonshotai/Kimi-K2-Base"),
  model("kimi-k2-instruct", "Kimi-K2-Instruct", ["moonshot"], "moonshotai/Kimi-K2-Instruct"),
  model("tencent-hunyuan-large", "Hunyuan-Large (Hunyuan-A52B)", ["tencent"], "tencent/Tencent-Hunyuan-Large"),
  model("ling-1t", "Ling-1T", ["ant-group"], "inclusionAI/Ling-1T"),
  model("other-v3", "DeepSeek-V3", ["someone-else"]),
];
const rec = (name: string, extra: Partial<EpochRecord> = {}): EpochRecord => ({
  line: 2, name, organizations: [], countries: { codes: [], perOrganization: null, multinational: false, unknown: [] }, publicationDate: "2025-01-01",
  domains: ["Language"], isLanguage: true, openWeights: true, licenseCategory: "permissive", totalParams: null, activeParams: null, licenseId: null,
  hfRepoIds: [], hfDeveloperId: null, contextWindow: null, architecture: null, problems: [], ...extra,
});

describe("matchEpochRecord", () => {
  it("matches by the repo id in the row's link first", () => {
    expect(matchEpochRecord(rec("Ling-1T", { hfRepoIds: ["inclusionAI/Ling-1T"] }), MODELS, [])).toEqual({ kind: "matched", slug: "ling-1t", by: "hf-id" });
  });
  it("matches by name only within the row's organizations", () => {
    expect(matchEpochRecord(rec("DeepSeek-V3"), MODELS, ["deepseek"])).toEqual({ kind: "matched", slug: "deepseek-v3", by: "name" });
    expect(matchEpochRecord(rec("DeepSeek-V3"), MODELS, [])).toMatchObject({ kind: "unmatched" });
  });
  it("matches Epoch's model names to our release names", () => {
    expect(matchEpochRecord(rec("Llama 3.3 70B"), MODELS, ["meta"])).toMatchObject({ slug: "llama-3.3-70b-instruct" });
    expect(matchEpochRecord(rec("Llama 3-70B"), MODELS, ["meta"])).toMatchObject({ slug: "meta-llama-3-70b" });
    expect(matchEpochRecord(rec("DeepSeek-V3 (Mar 2025)"), MODELS, ["deepseek"])).toMatchObject({ slug: "deepseek-v3-0324" });
    expect(matchEpochRecord(rec("Qwen3-235B-A22B (Jul 2025)"), MODELS, ["alibaba"])).toMatchObject({ slug: "qwen3-235b-a22b-instruct-2507" });
    expect(matchEpochRecord(rec("Hunyuan-Large"), MODELS, ["tencent"])).toMatchObject({ slug: "tencent-hunyuan-large" });
  });
  it("calls a name that fits several releases ambiguous rather than picking one", () => {
    expect(matchEpochRecord(rec("Kimi K2"), MODELS, ["moonshot"])).toEqual({ kind: "ambiguous", slugs: ["kimi-k2-base", "kimi-k2-instruct"], by: "name" });
  });
  it("reports similar names for an unmatched row", () => {
    expect(matchEpochRecord(rec("DeepSeek-V3 (Dec 2026)"), MODELS, ["deepseek"])).toEqual({
      kind: "unmatched", reason: "no model of its organization has this name or repo id", similar: ["deepseek-v3"],
    });
  });
});

describe("OrganizationMatcher", () => {
  const orgs = new OrganizationMatcher([
    { slug: "meta", name: "Meta" }, { slug: "zhipu", name: "Zhipu AI (Z.ai)" }, { slug: "alibaba", name: "Alibaba Cloud (Qwen Team)" },
    { slug: "moonshot", name: "Moonshot AI" }, { slug: "lg", name: "LG AI Research" }, { slug: "meituan", name: "Meituan" },
    { slug: "ant-group", name: "Ant Group (inclusionAI)" }, { slug: "google", name: "Google" }, { slug: "shanghai-ai-lab", name: "Shanghai AI Laboratory" },
    { slug: "ai2", name: "Allen Institute for AI (Ai2)" },
  ]);
  it.each([
    ["Meta AI", "meta"], ["Facebook AI Research", "meta"], ["Z.ai (Zhipu AI)", "zhipu"], ["Alibaba", "alibaba"], ["Moonshot", "moonshot"],
    ["LG AI Research", "lg"], ["Meituan Inc", "meituan"], ["Ant Group", "ant-group"], ["Google DeepMind", "google"], ["Shanghai AI Lab", "shanghai-ai-lab"],
    ["Allen Institute for AI (Ai2)", "ai2"], ["China Telecom", null], ["Tsinghua University", null],
  ])("%s -> %s", (name, slug) => expect(orgs.match(name)).toBe(slug));
});
