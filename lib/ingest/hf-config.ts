import { z } from "zod";

/**
 * What a Hugging Face config.json says about a model's shape. Key names differ between model families
 * and multimodal configs nest them under `text_config`; a value the config does not state is null
 * ("unknown"), never a guess.
 */
export interface ConfigFacts {
  modelType: string | null;
  architecture: "dense" | "moe" | null;
  routedExperts: number | null;
  expertsPerToken: number | null;
  sharedExperts: number | null;
  maxPositionEmbeddings: number | null;
}

const count = z.number().int().nonnegative();
const textConfigSchema = z.looseObject({
  model_type: z.string().optional(),
  n_routed_experts: count.nullish(), // DeepSeek, Kimi, GLM
  num_local_experts: count.nullish(), // Mixtral, gpt-oss, Llama 4, MiniMax
  num_experts: count.nullish(), // Qwen MoE
  num_experts_per_tok: count.nullish(),
  experts_per_token: count.nullish(), // gpt-oss, beside num_experts_per_tok
  n_shared_experts: count.nullish(),
  shared_expert_intermediate_size: count.nullish(), // Qwen: > 0 means one shared expert
  max_position_embeddings: count.nullish(),
});
const configSchema = textConfigSchema.extend({ text_config: textConfigSchema.optional() });

/** Model types whose configs have no expert keys because the models are dense. */
const DENSE_MODEL_TYPES = new Set([
  "llama", "mistral", "qwen2", "qwen3", "gemma", "gemma2", "gemma3", "gemma3_text", "phi", "phi3", "olmo", "olmo2",
  "granite", "falcon", "exaone", "cohere", "cohere2", "internlm2", "baichuan", "yi", "starcoder2", "nemotron",
]);

export class ConfigShapeError extends Error {}

export function parseHfConfig(json: unknown): ConfigFacts {
  const parsed = configSchema.safeParse(json);
  if (!parsed.success) {
    throw new ConfigShapeError(`config.json has an unexpected shape: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  const top = parsed.data;
  const c = top.text_config ?? top;
  const modelType = c.model_type ?? top.model_type ?? null;
  const routedExperts = c.n_routed_experts ?? c.num_local_experts ?? c.num_experts ?? null;
  const expertsPerToken = c.num_experts_per_tok ?? c.experts_per_token ?? null;
  let sharedExperts: number | null = c.n_shared_experts ?? null;
  if (sharedExperts === null && c.shared_expert_intermediate_size != null) sharedExperts = c.shared_expert_intermediate_size > 0 ? 1 : 0;

  let architecture: ConfigFacts["architecture"] = null;
  if (routedExperts != null && routedExperts > 1) architecture = "moe";
  else if (routedExperts == null && modelType && DENSE_MODEL_TYPES.has(modelType)) architecture = "dense";

  return {
    modelType,
    architecture,
    routedExperts: architecture === "moe" ? routedExperts : null,
    expertsPerToken: architecture === "moe" ? expertsPerToken : null,
    sharedExperts: architecture === "moe" ? sharedExperts : null,
    maxPositionEmbeddings: c.max_position_embeddings ?? top.max_position_embeddings ?? null,
  };
}
