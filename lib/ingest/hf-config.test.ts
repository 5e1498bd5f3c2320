import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseHfConfig } from "./hf-config";

const DIR = path.resolve("tests/fixtures/hf/configs");
const read = (name: string) => parseHfConfig(JSON.parse(readFileSync(path.join(DIR, name), "utf8")));

describe("parseHfConfig on real configs", () => {
  it.each([
    ["deepseek-ai--DeepSeek-V3.config.json", { architecture: "moe", routedExperts: 256, expertsPerToken: 8, sharedExperts: 1, maxPositionEmbeddings: 163840 }],
    ["moonshotai--Kimi-K2-Instruct.config.json", { architecture: "moe", routedExperts: 384, expertsPerToken: 8, sharedExperts: 1, maxPositionEmbeddings: 131072 }],
    ["mistralai--Mixtral-8x7B-v0.1.config.json", { architecture: "moe", routedExperts: 8, expertsPerToken: 2, sharedExperts: null, maxPositionEmbeddings: 32768 }],
    ["Qwen--Qwen3-235B-A22B.config.json", { architecture: "moe", routedExperts: 128, expertsPerToken: 8, sharedExperts: null, maxPositionEmbeddings: 40960 }],
    ["Qwen--Qwen3.5-397B-A17B.config.json", { architecture: "moe", routedExperts: 512, expertsPerToken: 10, sharedExperts: 1, maxPositionEmbeddings: 262144 }],
    ["Qwen--Qwen3-Coder-480B-A35B-Instruct.config.json", { architecture: "moe", routedExperts: 160, expertsPerToken: 8, sharedExperts: 0 }],
    ["meta-llama--Llama-4-Scout-17B-16E-Instruct.config.json", { architecture: "moe", routedExperts: 16, expertsPerToken: 1, maxPositionEmbeddings: 10485760 }],
    ["openai--gpt-oss-120b.config.json", { architecture: "moe", routedExperts: 128, expertsPerToken: 4, maxPositionEmbeddings: 131072 }],
    ["meta-llama--Meta-Llama-3.1-405B.config.json", { architecture: "dense", routedExperts: null, expertsPerToken: null, maxPositionEmbeddings: 131072 }],
    ["google--gemma-3-27b-it.config.TRIMMED.json", { maxPositionEmbeddings: 131072, routedExperts: null }],
  ])("%s", (file, expected) => {
    expect(read(file)).toMatchObject(expected);
  });

  it("parses every config fixture without throwing", () => {
    for (const file of readdirSync(DIR)) expect(() => read(file), file).not.toThrow();
  });

  it("says unknown rather than guessing for an unfamiliar shape", () => {
    expect(parseHfConfig({ model_type: "brand_new_arch", hidden_size: 4096 })).toMatchObject({ architecture: null, routedExperts: null, maxPositionEmbeddings: null });
  });

  it("refuses a config whose values have the wrong type", () => {
    expect(() => parseHfConfig({ num_experts: "eight" })).toThrow(/num_experts/);
  });
});
