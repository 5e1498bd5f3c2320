import type { HfListedRepo } from "../hf/source";

/**
 * Which of a tracked author's repositories are releases (issue 16). Developers publish many repos that
 * are not releases of their own: quantized copies of a release (GGUF, AWQ, GPTQ, FP8, MLX...), adapters,
 * and models that do not generate language (embedders, image and speech generators). Each is filtered by
 * one named rule and counted, never queued. Everything else goes to a moderator, who decides.
 */
export const SKIP_RULES = {
  quantized: "a quantized copy of a release (GGUF, AWQ, GPTQ, FP8, MLX, ...)",
  adapter: "an adapter (LoRA / PEFT) on a base model",
  "not-text-generation": "does not generate text (embedding, image, speech or classification model)",
  "no-weights": "no pipeline and no safetensors weights listed (code, a dataset card, a placeholder)",
} as const;
export type SkipRule = keyof typeof SKIP_RULES;

/** Pipelines of language models, multimodal ones included (the dataset's scope, data/README.md). */
export const RELEASE_PIPELINES = new Set(["text-generation", "image-text-to-text", "any-to-any", "audio-text-to-text", "video-text-to-text"]);

// A quantization or format named at the end of a repo's name, or as a dash-separated word before a
// final suffix ("Qwen3-8B-AWQ", "gemma-3-27b-it-qat-q4_0-gguf", "Llama-4-Scout-17B-16E-Instruct-FP8", "Kimi-K2-Instruct-4bit").
const QUANT_WORDS = "gguf|awq|gptq|exl2|mlx|bnb|int4|int8|w4a16|w8a8|w4a8|fp8|fp4|nvfp4|mxfp4|4bit|8bit|3bit|2bit|q[2-8](?:_k)?(?:_[a-z0-9]+)?|qat|onnx|dynamic";
const QUANT_NAME = new RegExp(`(?:^|[-_.])(?:${QUANT_WORDS})(?:[-_.]|$)`, "i");
const QUANT_TAGS = new Set(["gguf", "awq", "gptq", "exl2", "mlx", "bitsandbytes", "4-bit", "8-bit", "fp8", "compressed-tensors", "onnx"]);

export function classifyRepo(repo: Pick<HfListedRepo, "id" | "pipelineTag" | "libraryName" | "tags" | "totalParams">): { release: true } | { release: false; rule: SkipRule } {
  const name = repo.id.split("/")[1] ?? repo.id;
  const tags = repo.tags.map((t) => t.toLowerCase());
  if (repo.libraryName === "peft" || tags.includes("peft") || tags.some((t) => t.startsWith("base_model:adapter:"))) return { release: false, rule: "adapter" };
  if (tags.some((t) => t.startsWith("base_model:quantized:")) || tags.some((t) => QUANT_TAGS.has(t)) || repo.libraryName === "mlx" || QUANT_NAME.test(name)) {
    return { release: false, rule: "quantized" };
  }
  if (repo.pipelineTag && !RELEASE_PIPELINES.has(repo.pipelineTag)) return { release: false, rule: "not-text-generation" };
  if (!repo.pipelineTag && repo.totalParams == null) return { release: false, rule: "no-weights" };
  return { release: true };
}
