import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { epochScope, EpochColumnsError, mapColumns, modalitiesFromDomain, parseCountries, parseEpochCsv } from "./parse";
import { extractActiveParams, extractHfRepoIds, extractLicense } from "./notes";

const DIR = path.resolve("tests/fixtures/epoch");
const read = (name: string) => parseEpochCsv(readFileSync(path.join(DIR, name), "utf8"));

describe("Epoch column mapping", () => {
  it("maps the columns of both real snapshots by name", () => {
    for (const file of ["notable_ai_models_2026-02.csv", "frontier_ai_models_2026-02-01.csv"]) {
      const header = readFileSync(path.join(DIR, file), "utf8").replace(/^\uFEFF/, "").split("\n")[0]!.split(",");
      expect(Object.keys(mapColumns(header)), file).toEqual(expect.arrayContaining(["model", "organization", "publicationDate", "domain", "parameters", "accessibility", "country"]));
    }
  });
  it("accepts an older snapshot's column name and another column order", () => {
    const { records, errors } = read("derived/old-country-column.csv");
    expect(errors).toEqual([]);
    expect(records.map((r) => [r.name, r.countries.codes, r.totalParams])).toEqual([
      ["DeepSeek-V3", ["CN"], 671_000_000_000],
      ["Qwen3-235B-A22B", ["CN"], 235_000_000_000],
      ["Falcon-180B", ["AE"], 180_000_000_000],
    ]);
  });
  it("fails clearly on a missing column, naming it and the columns it found", () => {
    expect(() => read("derived/missing-accessibility.csv")).toThrow(EpochColumnsError);
    expect(() => read("derived/missing-accessibility.csv")).toThrow(/lacks a column the Epoch ingester needs: accessibility \(looked for "Model accessibility"\)\. Its columns are: "Model", "Organization"/);
  });
});

describe("the real notable snapshot", () => {
  const file = read("notable_ai_models_2026-02.csv");
  it("reads every row", () => {
    expect(file.errors).toEqual([]);
    expect(file.records).toHaveLength(981);
  });
  it("keeps 102 language models with open weights from 2023 on", () => {
    const kept = file.records.filter((r) => epochScope(r) === "kept");
    expect(kept).toHaveLength(102);
    expect(kept.every((r) => r.openWeights && r.isLanguage && r.publicationDate! >= "2023-01-01")).toBe(true);
  });
  it("reads Parameters as the total and active counts from the notes", () => {
    const v3 = file.records.find((r) => r.name === "DeepSeek-V3")!;
    expect(v3).toMatchObject({ totalParams: 671_000_000_000, activeParams: 37_000_000_000, openWeights: true, licenseCategory: "restricted", publicationDate: "2024-12-24", licenseId: null });
    expect(file.records.find((r) => r.name === "Kimi K2 Thinking")).toMatchObject({ totalParams: 1e12, activeParams: 32e9 });
    expect(file.records.find((r) => r.name === "gpt-oss-120b")).toMatchObject({ totalParams: 116_830_000_000, activeParams: null });
  });
  it("takes the architecture from the notes only where they say it", () => {
    const arch = (name: string) => file.records.find((r) => r.name === name)!.architecture;
    expect(arch("DeepSeek-V3")).toBe("moe");
    expect(arch("Grok-1")).toBe("moe"); // "Mixture-of-Experts", no active count
    expect(arch("GLM-130B")).toBe("dense"); // "Dense model"
    expect(arch("gpt-oss-120b")).toBeNull(); // "Total parameters: 116.83B"
    expect(arch("DeepSeekMath-V2")).toBeNull();
  });
  it("finds every country name in it", () => {
    const unknown = file.records.flatMap((r) => r.countries.unknown);
    expect(unknown).toEqual([]);
  });
});

describe("parseCountries", () => {
  it.each([
    ["United States of America", 1, ["US"]],
    ["China,China", 2, ["CN"]],
    ["Korea (Republic of)", 1, ["KR"]],
    ["United Kingdom of Great Britain and Northern Ireland,United States of America", 2, ["GB", "US"]],
    ["China,Singapore,Hong Kong,Hong Kong", 4, ["CN", "SG", "HK"]],
    ["Iran (Islamic Republic of)", 1, ["IR"]],
    ["Czechia,Taiwan,Russia", 3, ["CZ", "TW", "RU"]],
    ["", 1, []],
  ])("%s", (text, orgs, codes) => {
    expect(parseCountries(text, orgs).codes).toEqual(codes);
  });
  it("keeps one country per organization when the lists line up, and flags Multinational", () => {
    expect(parseCountries("China,United States of America", 2).perOrganization).toEqual(["CN", "US"]);
    expect(parseCountries("China", 2).perOrganization).toBeNull();
    expect(parseCountries("Multinational,France", 2)).toMatchObject({ codes: ["FR"], multinational: true, perOrganization: [null, "FR"], unknown: [] });
    expect(parseCountries("Atlantis", 1)).toMatchObject({ codes: [], unknown: ["Atlantis"] });
  });
});

describe("Model accessibility", () => {
  const rec = (accessibility: string) => {
    const csv = `Model,Organization,Publication date,Domain,Parameters,Model accessibility,Country (of organization)\nX,Y,2025-01-01,Language,1e9,"${accessibility}",China\n`;
    return parseEpochCsv(csv).records[0]!;
  };
  it.each([
    ["Open weights (unrestricted)", true, "permissive"],
    ["Open weights (restricted use)", true, "restricted"],
    ["Open weights (non-commercial)", true, "non-commercial"],
    ["API access", false, null],
    ["Hosted access (no API)", false, null],
    ["Unreleased", false, null],
    ["", null, null],
  ])("%s -> open weights %s, %s", (text, open, category) => {
    expect(rec(text)).toMatchObject({ openWeights: open, licenseCategory: category });
  });
  it("reports a value it does not know", () => {
    expect(rec("Open weights (sort of)").problems).toContain('unknown Model accessibility "Open weights (sort of)"');
  });
  it("keeps only language models with open weights from 2023 on", () => {
    expect(epochScope(rec("API access"))).toBe("weights not open");
    expect(epochScope(rec(""))).toBe("accessibility unknown");
    expect(epochScope(rec("Open weights (unrestricted)"))).toBe("kept");
  });
});

describe("extractActiveParams (from real Parameters notes)", () => {
  it.each([
    ["671B total 37B activated https://github.com/deepseek-ai/DeepSeek-R1/tree/main", 37e9],
    ["Total Parameters\t1T Activated Parameters\t32B", 32e9],
    ["MoE: total parameters - 424B active parameters - 47B  \"ViT encoder comprising 630 million parameters\"", 47e9],
    ["HF lists 229B params 10B active parameters", 10e9],
    ["MoE with 1T total parameters and 32B parameters active per forward pass", 32e9],
    ["Mixture of experts model. 21B parameters activated per token.", 21e9],
    ["\"a total of 389 billion parameters and 52 billion activation parameters\"", 52e9],
    ["30.5 billion total parameters, with only 3.3 billion activated per token", 3.3e9],
    ["94B active/398B total", 94e9],
    ["Total parameters: 100B (Sparse), Active parameters: 10B per token. It uses a Mixture-of-Experts architecture", 10e9],
    ["46.7B *sparse* params. 12.9B params used on average: \"Concretely, Mixtral has 46.7B total parameters but only uses 12.9B parameters per token.\"", 12.9e9],
    ["30B-A3B", 3e9],
  ])("%s", (notes, active) => {
    expect(extractActiveParams(notes)).toEqual({ value: active, reason: null });
  });
  it.each([
    ["72.71B parameters in total, of which 70.21B are non-embedding parameters", null],
    ["Total parameters: 116.83B", null],
    ["\"314B parameter Mixture-of-Experts model with 25% of the weights active on a given token\". So effectively 78B parameters", null],
    ["\"maintaining activations around 10B\" safetensors: 229B params", null],
  ])("says nothing when nothing is stated: %s", (notes) => {
    expect(extractActiveParams(notes).value).toBeNull();
  });
  it("leaves an estimate or contradictory counts unknown, and says why", () => {
    expect(extractActiveParams("Similarly to GLM 4.5: 355 billion total parameters (reported) with 32 billion active parameters (assumed)")).toEqual({ value: null, reason: "the active count is stated as an estimate: left unknown" });
    expect(extractActiveParams("Thinker MoE Transformer 30B-A3B Talker MoE Transformer 3B-A0.3B").reason).toMatch(/several active counts stated \(3B, 0.3B\)/);
  });
});

describe("extractLicense and extractHfRepoIds", () => {
  it("names the one license the notes state, and none when they name several", () => {
    expect(extractLicense("MIT licensed https://huggingface.co/deepseek-ai/DeepSeek-R1").id).toBe("mit");
    expect(extractLicense("Apache 2.0 https://huggingface.co/Qwen/Qwen3-235B-A22B").id).toBe("apache-2.0");
    expect(extractLicense("Llama 4 license (branding requirements, size cap 700M MAU)").id).toBe("llama4");
    expect(extractLicense("Creative Commons Attribution Non Commercial 4.0  https://huggingface.co/Efficient-Large-Model/NVILA-15B").id).toBe("cc-by-nc-4.0");
    expect(extractLicense("modified MIT license (capped by 100M MAU or $20M monthly revenue)").id).toBeNull();
    expect(extractLicense("MIT and deepseek license https://github.com/deepseek-ai/DeepSeek-V3")).toEqual({ id: null, reason: "the notes name several licenses (mit, deepseek): left unknown" });
    expect(extractLicense("Exaone license (permits only academic, research, or educational usage)").id).toBeNull();
  });
  it("finds repo ids in huggingface.co links, not spaces or datasets", () => {
    expect(extractHfRepoIds("https://huggingface.co/inclusionAI/Ling-1T\nhttps://arxiv.org/pdf/2510.22115")).toEqual(["inclusionAI/Ling-1T"]);
    expect(extractHfRepoIds("https://huggingface.co/spaces/bigcode/x https://huggingface.co/datasets/a/b")).toEqual([]);
    expect(extractHfRepoIds("see https://huggingface.co/Qwen/Qwen-72B.")).toEqual(["Qwen/Qwen-72B"]);
  });
});

describe("modalitiesFromDomain", () => {
  it("maps Epoch's domains to input modalities", () => {
    expect(modalitiesFromDomain(["Language"])).toEqual(["text"]);
    expect(modalitiesFromDomain(["Multimodal", "Language", "Vision", "Speech", "Video"])).toEqual(["text", "image", "audio", "video"]);
  });
});
