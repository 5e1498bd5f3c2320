import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { deriveHfModelFacts, HfShapeError, licenseIdFromHub } from "./model-info";

const API = path.resolve("tests/fixtures/hf/api");
const cassette = (name: string) => JSON.parse(readFileSync(path.join(API, `hfhub_cassette__${name}.json`), "utf8")) as Record<string, unknown>;
const bundle = (JSON.parse(readFileSync(path.join(API, "inference-atlas_trimmed_safetensors.json"), "utf8")) as { responses: { body: { id: string } }[] }).responses;
const body = (id: string) => bundle.find((r) => r.body.id === id)!.body;

describe("deriveHfModelFacts on recorded Hub answers", () => {
  it("treats the createdAt floor of old repos as unknown, and reads license, downloads and likes", () => {
    const bert = deriveHfModelFacts(cassette("google-bert__bert-base-uncased"));
    expect(bert).toMatchObject({
      repoId: "google-bert/bert-base-uncased", author: "google-bert", pipelineTag: "fill-mask",
      licenseRaw: "apache-2.0", licenseId: "apache-2.0", releaseDate: null, createdAtIsFloor: true,
      downloads: 72376843, likes: 2065, totalParams: 110106428, safetensorsDtypes: ["F32"], downloadable: true, gated: false,
    });
    // 23:29:05 is the floor too.
    expect(deriveHfModelFacts(cassette("deepset__roberta-base-squad2"))).toMatchObject({ releaseDate: null, createdAtIsFloor: true, licenseId: "cc-by-4.0" });
  });

  it("keeps a real creation date, and leaves a license we cannot name unknown", () => {
    const sd = deriveHfModelFacts(cassette("stabilityai__stable-diffusion-2-1"));
    expect(sd).toMatchObject({ releaseDate: "2022-12-06", createdAtIsFloor: false, licenseRaw: "openrail++", licenseId: null, totalParams: null, safetensorsDtypes: [] });
  });

  it("takes safetensors.total as it is, with its caveats (every dtype, packed formats)", () => {
    expect(deriveHfModelFacts(body("deepseek-ai/DeepSeek-V3"))).toMatchObject({ totalParams: 684_531_386_000, safetensorsDtypes: ["BF16", "F32", "F8_E4M3"] });
    expect(deriveHfModelFacts(body("openai/gpt-oss-120b"))).toMatchObject({ totalParams: 116_829_156_672, safetensorsDtypes: ["BF16", "U8"] });
    // A trimmed answer (id and safetensors only): everything else unknown.
    expect(deriveHfModelFacts(body("microsoft/phi-4"))).toMatchObject({ releaseDate: null, licenseRaw: null, downloads: null, likes: null, downloadable: null, gated: null });
  });

  it("reads a card's license_name when the license is 'other'", () => {
    const facts = deriveHfModelFacts({ id: "deepseek-ai/DeepSeek-V3-Base", tags: ["license:other"], cardData: { license: "other", license_name: "deepseek", license_link: "LICENSE" } });
    expect(facts).toMatchObject({ licenseRaw: "deepseek", licenseId: "deepseek" });
    // A tag alone is enough; two different tags are not.
    expect(deriveHfModelFacts({ id: "a/b", tags: ["license:mit"] }).licenseId).toBe("mit");
    expect(deriveHfModelFacts({ id: "a/b", tags: ["license:mit", "license:apache-2.0"] }).licenseRaw).toBeNull();
  });

  it("marks a disabled repo as not downloadable and a gated one as gated", () => {
    expect(deriveHfModelFacts({ id: "a/b", disabled: true, private: false }).downloadable).toBe(false);
    expect(deriveHfModelFacts({ id: "a/b", gated: "manual", private: false })).toMatchObject({ downloadable: true, gated: true });
  });

  it("refuses an answer whose fields we read have the wrong type, naming the field", () => {
    expect(() => deriveHfModelFacts({ id: "a/b", safetensors: { total: "684B" } })).toThrow(HfShapeError);
    expect(() => deriveHfModelFacts({ id: "a/b", safetensors: { total: "684B" } })).toThrow(/safetensors\.total/);
    expect(() => deriveHfModelFacts({ id: "not a repo id" })).toThrow(/id: must be a Hugging Face repo id/);
    expect(() => deriveHfModelFacts({ id: "a/b", createdAt: "yesterday" })).toThrow(/createdAt/);
  });
});

describe("licenseIdFromHub", () => {
  it("maps the Hub's ids and known license names to our table, and nothing else", () => {
    expect(licenseIdFromHub("llama3.1")).toBe("llama3.1");
    expect(licenseIdFromHub("tongyi-qianwen")).toBe("qwen");
    expect(licenseIdFromHub("Apache-2.0")).toBe("apache-2.0");
    expect(licenseIdFromHub("modified-mit")).toBeNull();
    expect(licenseIdFromHub("other")).toBeNull();
    expect(licenseIdFromHub(null)).toBeNull();
  });
});
