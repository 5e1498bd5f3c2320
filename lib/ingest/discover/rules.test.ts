import { describe, expect, it } from "vitest";
import { classifyRepo } from "./rules";

const repo = (id: string, extra: Partial<Parameters<typeof classifyRepo>[0]> = {}) => ({ id, pipelineTag: "text-generation", libraryName: "transformers", tags: [], totalParams: 8e9, ...extra });

describe("which listed repositories are releases", () => {
  it("keeps releases, multimodal ones and the developer's own FP8-native releases", () => {
    for (const id of ["deepseek-ai/DeepSeek-V3.2", "Qwen/Qwen3-235B-A22B-Instruct-2507", "openai/gpt-oss-120b", "moonshotai/Kimi-K2-Thinking", "google/gemma-3-27b-it", "zai-org/GLM-4.5-Air"]) {
      expect(classifyRepo(repo(id))).toEqual({ release: true });
    }
    expect(classifyRepo(repo("Qwen/Qwen3-VL-8B-Instruct", { pipelineTag: "image-text-to-text" }))).toEqual({ release: true });
    // A brand-new repo often has no pipeline tag yet; weights make it worth a look.
    expect(classifyRepo(repo("deepseek-ai/DeepSeek-V5", { pipelineTag: null }))).toEqual({ release: true });
  });

  it("filters quantized copies by name, by tag and by the Hub's base_model:quantized relation", () => {
    for (const id of ["Qwen/Qwen3-8B-AWQ", "Qwen/Qwen3-30B-A3B-FP8", "Qwen/Qwen3-8B-GGUF", "google/gemma-3-27b-it-qat-q4_0-gguf", "meta-llama/Llama-4-Scout-17B-16E-Instruct-FP8", "mlx-community/x-4bit", "Qwen/Qwen2.5-7B-Instruct-GPTQ-Int4", "nvidia/DeepSeek-R1-NVFP4"]) {
      expect(classifyRepo(repo(id)), id).toEqual({ release: false, rule: "quantized" });
    }
    expect(classifyRepo(repo("org/plain-name", { tags: ["base_model:quantized:org/base"] }))).toEqual({ release: false, rule: "quantized" });
    expect(classifyRepo(repo("org/plain-name", { tags: ["gguf"] }))).toEqual({ release: false, rule: "quantized" });
  });

  it("filters adapters, models that do not generate text and repos without weights", () => {
    expect(classifyRepo(repo("org/lora", { libraryName: "peft" }))).toEqual({ release: false, rule: "adapter" });
    expect(classifyRepo(repo("org/lora2", { tags: ["base_model:adapter:org/base"] }))).toEqual({ release: false, rule: "adapter" });
    expect(classifyRepo(repo("Qwen/Qwen3-Embedding-8B", { pipelineTag: "feature-extraction" }))).toEqual({ release: false, rule: "not-text-generation" });
    expect(classifyRepo(repo("Qwen/Qwen-Image", { pipelineTag: "text-to-image" }))).toEqual({ release: false, rule: "not-text-generation" });
    expect(classifyRepo(repo("org/toolkit", { pipelineTag: null, totalParams: null }))).toEqual({ release: false, rule: "no-weights" });
  });

  it("does not read a model name's digits or words as a quantization", () => {
    for (const id of ["Qwen/Qwen3-4B", "mistralai/Ministral-8B-Instruct-2410", "ibm-granite/granite-4.0-h-small", "microsoft/phi-4", "LiquidAI/LFM2-8B-A1B", "google/gemma-3n-E4B-it"]) {
      expect(classifyRepo(repo(id)), id).toEqual({ release: true });
    }
  });
});
