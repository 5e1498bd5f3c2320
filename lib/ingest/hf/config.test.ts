import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseHfConfig, type ConfigFacts } from "./config";

const DIR = path.resolve("tests/fixtures/hf/configs");
const read = (name: string) => parseHfConfig(JSON.parse(readFileSync(path.join(DIR, name), "utf8")));

// Every config shape in tests/fixtures/hf/configs (copied from ../shared/data/hf/configs), stated in full.
// null = the config does not say (e.g. Qwen3 MoE has no shared-expert key): unknown, never a guess.
const EXPECTED: Record<string, Omit<ConfigFacts, "modelType"> & { modelType: string }> = {
  "MiniMaxAI--MiniMax-M1.config.json": { modelType: "minimax_m1", architecture: "moe", routedExperts: 32, expertsPerToken: 2, sharedExperts: null, maxPositionEmbeddings: 10240000 },
  "MiniMaxAI--MiniMax-M2.5.config.json": { modelType: "minimax_m2", architecture: "moe", routedExperts: 256, expertsPerToken: 8, sharedExperts: null, maxPositionEmbeddings: 196608 },
  "Qwen--Qwen3-235B-A22B.config.json": { modelType: "qwen3_moe", architecture: "moe", routedExperts: 128, expertsPerToken: 8, sharedExperts: null, maxPositionEmbeddings: 40960 },
  "Qwen--Qwen3-30B-A3B.config.json": { modelType: "qwen3_moe", architecture: "moe", routedExperts: 128, expertsPerToken: 8, sharedExperts: null, maxPositionEmbeddings: 40960 },
  "Qwen--Qwen3-32B.config.json": { modelType: "qwen3", architecture: "dense", routedExperts: null, expertsPerToken: null, sharedExperts: null, maxPositionEmbeddings: 40960 },
  "Qwen--Qwen3-Coder-480B-A35B-Instruct.config.json": { modelType: "qwen3_moe", architecture: "moe", routedExperts: 160, expertsPerToken: 8, sharedExperts: 0, maxPositionEmbeddings: 262144 },
  // Multimodal: everything under text_config.
  "Qwen--Qwen3.5-397B-A17B.config.json": { modelType: "qwen3_5_moe_text", architecture: "moe", routedExperts: 512, expertsPerToken: 10, sharedExperts: 1, maxPositionEmbeddings: 262144 },
  "deepseek-ai--DeepSeek-R1.config.json": { modelType: "deepseek_v3", architecture: "moe", routedExperts: 256, expertsPerToken: 8, sharedExperts: 1, maxPositionEmbeddings: 163840 },
  "deepseek-ai--DeepSeek-V3.2.config.json": { modelType: "deepseek_v32", architecture: "moe", routedExperts: 256, expertsPerToken: 8, sharedExperts: 1, maxPositionEmbeddings: 163840 },
  "deepseek-ai--DeepSeek-V3.config.json": { modelType: "deepseek_v3", architecture: "moe", routedExperts: 256, expertsPerToken: 8, sharedExperts: 1, maxPositionEmbeddings: 163840 },
  "deepseek-ai--DeepSeek-V4-Flash.config.json": { modelType: "deepseek_v4", architecture: "moe", routedExperts: 256, expertsPerToken: 6, sharedExperts: 1, maxPositionEmbeddings: 1048576 },
  "google--gemma-3-27b-it.config.TRIMMED.json": { modelType: "gemma3_text", architecture: "dense", routedExperts: null, expertsPerToken: null, sharedExperts: null, maxPositionEmbeddings: 131072 },
  "meta-llama--Llama-4-Maverick-17B-128E-Instruct.config.json": { modelType: "llama4_text", architecture: "moe", routedExperts: 128, expertsPerToken: 1, sharedExperts: null, maxPositionEmbeddings: 1048576 },
  "meta-llama--Llama-4-Scout-17B-16E-Instruct.config.json": { modelType: "llama4_text", architecture: "moe", routedExperts: 16, expertsPerToken: 1, sharedExperts: null, maxPositionEmbeddings: 10485760 },
  "meta-llama--Meta-Llama-3.1-405B.config.json": { modelType: "llama", architecture: "dense", routedExperts: null, expertsPerToken: null, sharedExperts: null, maxPositionEmbeddings: 131072 },
  "meta-llama--Meta-Llama-3.1-8B.config.json": { modelType: "llama", architecture: "dense", routedExperts: null, expertsPerToken: null, sharedExperts: null, maxPositionEmbeddings: 131072 },
  "microsoft--phi-4.config.json": { modelType: "phi3", architecture: "dense", routedExperts: null, expertsPerToken: null, sharedExperts: null, maxPositionEmbeddings: 16384 },
  "mistralai--Mixtral-8x22B-v0.1.config.json": { modelType: "mixtral", architecture: "moe", routedExperts: 8, expertsPerToken: 2, sharedExperts: null, maxPositionEmbeddings: 65536 },
  "mistralai--Mixtral-8x7B-v0.1.config.json": { modelType: "mixtral", architecture: "moe", routedExperts: 8, expertsPerToken: 2, sharedExperts: null, maxPositionEmbeddings: 32768 },
  "moonshotai--Kimi-K2-Instruct.config.json": { modelType: "kimi_k2", architecture: "moe", routedExperts: 384, expertsPerToken: 8, sharedExperts: 1, maxPositionEmbeddings: 131072 },
  "openai--gpt-oss-120b.config.json": { modelType: "gpt_oss", architecture: "moe", routedExperts: 128, expertsPerToken: 4, sharedExperts: null, maxPositionEmbeddings: 131072 },
  "openai--gpt-oss-20b.config.json": { modelType: "gpt_oss", architecture: "moe", routedExperts: 32, expertsPerToken: 4, sharedExperts: null, maxPositionEmbeddings: 131072 },
  "zai-org--GLM-4.5-Air.config.TRIMMED.json": { modelType: "glm4_moe", architecture: "moe", routedExperts: 128, expertsPerToken: 8, sharedExperts: 1, maxPositionEmbeddings: 131072 },
  "zai-org--GLM-5.config.json": { modelType: "glm_moe_dsa", architecture: "moe", routedExperts: 256, expertsPerToken: 8, sharedExperts: 1, maxPositionEmbeddings: 202752 },
};

describe("parseHfConfig on every real config", () => {
  it("has an expectation for each fixture", () => {
    expect(readdirSync(DIR).sort()).toEqual(Object.keys(EXPECTED).sort());
  });
  it.each(Object.entries(EXPECTED))("%s", (file, expected) => {
    expect(read(file)).toEqual(expected);
  });
});

describe("parseHfConfig on other key names in use", () => {
  // Minimal configs in the shapes of other families (keys as those families write them; values made up).
  it("reads ERNIE 4.5's moe_num_experts, moe_k and moe_num_shared_experts", () => {
    expect(parseHfConfig({ model_type: "ernie4_5_moe", moe_num_experts: 64, moe_k: 8, moe_num_shared_experts: 2, max_position_embeddings: 131072 })).toMatchObject({
      architecture: "moe", routedExperts: 64, expertsPerToken: 8, sharedExperts: 2, maxPositionEmbeddings: 131072,
    });
  });
  // Gemma 4 (keys of transformers' Gemma4TextConfig, src/transformers/models/gemma4/configuration_gemma4.py).
  it("reads Gemma 4's top_k_experts under text_config, and enable_moe_block false as dense", () => {
    expect(parseHfConfig({ model_type: "gemma4", text_config: { model_type: "gemma4_text", enable_moe_block: true, num_experts: 128, top_k_experts: 8, max_position_embeddings: 262144 } })).toMatchObject({
      architecture: "moe", routedExperts: 128, expertsPerToken: 8, sharedExperts: null, maxPositionEmbeddings: 262144,
    });
    expect(parseHfConfig({ model_type: "gemma4", text_config: { model_type: "gemma4_text", enable_moe_block: false, max_position_embeddings: 131072 } })).toMatchObject({
      architecture: "dense", routedExperts: null, expertsPerToken: null, maxPositionEmbeddings: 131072,
    });
    // Without the flag an unknown type stays unknown.
    expect(parseHfConfig({ model_type: "gemma4_text", max_position_embeddings: 131072 }).architecture).toBeNull();
  });
  it("reads DBRX's ffn_config and max_seq_len", () => {
    expect(parseHfConfig({ model_type: "dbrx", max_seq_len: 32768, ffn_config: { moe_num_experts: 16, moe_top_k: 4 } })).toMatchObject({
      architecture: "moe", routedExperts: 16, expertsPerToken: 4, maxPositionEmbeddings: 32768,
    });
  });
  it("reads configs nested under llm_config or language_config", () => {
    expect(parseHfConfig({ model_type: "internvl_chat", llm_config: { model_type: "qwen2", max_position_embeddings: 32768 } })).toMatchObject({ architecture: "dense", maxPositionEmbeddings: 32768 });
    expect(parseHfConfig({ model_type: "deepseek_vl_v2", language_config: { model_type: "deepseek_v2", n_routed_experts: 64, num_experts_per_tok: 6, n_shared_experts: 2 } })).toMatchObject({
      architecture: "moe", routedExperts: 64, expertsPerToken: 6, sharedExperts: 2,
    });
  });
  it("reads GPT-2 style n_positions and ChatGLM's seq_length", () => {
    expect(parseHfConfig({ model_type: "gpt2", n_positions: 1024 }).maxPositionEmbeddings).toBe(1024);
    expect(parseHfConfig({ model_type: "chatglm", seq_length: 8192 })).toMatchObject({ architecture: "dense", maxPositionEmbeddings: 8192 });
  });
});

describe("parseHfConfig on unknown shapes", () => {
  it("says unknown rather than guessing for an unfamiliar shape", () => {
    expect(parseHfConfig({ model_type: "brand_new_arch", hidden_size: 4096 })).toEqual({
      modelType: "brand_new_arch", architecture: null, routedExperts: null, expertsPerToken: null, sharedExperts: null, maxPositionEmbeddings: null,
    });
  });
  it("does not call a single 'expert' a mixture, nor guess dense for an unknown type", () => {
    expect(parseHfConfig({ model_type: "brand_new_arch", num_local_experts: 1 })).toMatchObject({ architecture: null, routedExperts: null });
  });
  it("refuses a config whose values have the wrong type", () => {
    expect(() => parseHfConfig({ num_experts: "eight" })).toThrow(/num_experts/);
    expect(() => parseHfConfig({ text_config: { max_position_embeddings: -1 } })).toThrow(/text_config\.max_position_embeddings/);
  });
});
