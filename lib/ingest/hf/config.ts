import { z } from "zod";

/**
 * What a Hugging Face config.json says about a model's shape. Key names differ between model families
 * and multimodal configs nest them (`text_config`, `llm_config`, `language_config`); a value the config
 * does not state is null ("unknown"), never a guess.
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
  // Routed experts per MoE layer.
  n_routed_experts: count.nullish(), // DeepSeek, Kimi, GLM
  num_local_experts: count.nullish(), // Mixtral, gpt-oss, Llama 4, MiniMax, Phi-3.5-MoE, Granite MoE
  num_experts: count.nullish(), // Qwen MoE, OLMoE, Jamba
  moe_num_experts: count.nullish(), // ERNIE 4.5
  // Experts chosen per token.
  num_experts_per_tok: count.nullish(),
  experts_per_token: count.nullish(), // gpt-oss, beside num_experts_per_tok
  moe_k: count.nullish(), // ERNIE 4.5
  top_k_experts: count.nullish(), // Gemma 4 (transformers' Gemma4TextConfig)
  // Gemma 4 says whether its layers have MoE blocks at all: false is a dense model, stated.
  enable_moe_block: z.boolean().nullish(),
  // Shared (always-active) experts.
  n_shared_experts: count.nullish(), // DeepSeek, Kimi, GLM
  num_shared_experts: count.nullish(),
  moe_num_shared_experts: count.nullish(), // ERNIE 4.5
  shared_expert_intermediate_size: count.nullish(), // Qwen: > 0 means one shared expert
  // Positions.
  max_position_embeddings: count.nullish(),
  n_positions: count.nullish(), // GPT-2 / GPT-J style
  seq_length: count.nullish(), // ChatGLM
  max_seq_len: count.nullish(), // DBRX
  // DBRX keeps its MoE settings in ffn_config.
  ffn_config: z.looseObject({ moe_num_experts: count.nullish(), moe_top_k: count.nullish() }).nullish(),
});
const NESTS = ["text_config", "llm_config", "language_config"] as const;
const configSchema = textConfigSchema.extend(Object.fromEntries(NESTS.map((k) => [k, textConfigSchema.nullish()])) as Record<(typeof NESTS)[number], z.ZodOptional<z.ZodNullable<typeof textConfigSchema>>>);

/** Model types whose configs have no expert keys because the models are dense. */
const DENSE_MODEL_TYPES = new Set([
  "llama", "mistral", "qwen2", "qwen3", "gemma", "gemma2", "gemma3", "gemma3_text", "phi", "phi3", "olmo", "olmo2", "olmo3",
  "granite", "falcon", "exaone", "exaone4", "cohere", "cohere2", "internlm2", "internlm3", "baichuan", "yi", "starcoder2",
  "nemotron", "gpt_neox", "gpt2", "gptj", "bloom", "mpt", "stablelm", "smollm3", "chatglm", "glm", "glm4",
]);

export class ConfigShapeError extends Error {}

export function parseHfConfig(json: unknown): ConfigFacts {
  const parsed = configSchema.safeParse(json);
  if (!parsed.success) {
    throw new ConfigShapeError(`config.json has an unexpected shape: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  const top = parsed.data;
  const nested = NESTS.map((k) => top[k]).find((c) => c != null);
  const c = nested ?? top;
  const modelType = c.model_type ?? top.model_type ?? null;
  const routedExperts = c.n_routed_experts ?? c.num_local_experts ?? c.num_experts ?? c.moe_num_experts ?? c.ffn_config?.moe_num_experts ?? null;
  const expertsPerToken = c.num_experts_per_tok ?? c.experts_per_token ?? c.moe_k ?? c.top_k_experts ?? c.ffn_config?.moe_top_k ?? null;
  let sharedExperts: number | null = c.n_shared_experts ?? c.num_shared_experts ?? c.moe_num_shared_experts ?? null;
  if (sharedExperts === null && c.shared_expert_intermediate_size != null) sharedExperts = c.shared_expert_intermediate_size > 0 ? 1 : 0;

  let architecture: ConfigFacts["architecture"] = null;
  if (c.enable_moe_block === false) architecture = "dense";
  else if (routedExperts != null && routedExperts > 1) architecture = "moe";
  else if (routedExperts == null && modelType && DENSE_MODEL_TYPES.has(modelType)) architecture = "dense";

  const positions = (x: z.infer<typeof textConfigSchema>) => x.max_position_embeddings ?? x.n_positions ?? x.seq_length ?? x.max_seq_len ?? null;
  return {
    modelType,
    architecture,
    routedExperts: architecture === "moe" ? routedExperts : null,
    expertsPerToken: architecture === "moe" ? expertsPerToken : null,
    sharedExperts: architecture === "moe" ? sharedExperts : null,
    maxPositionEmbeddings: positions(c) ?? positions(top) ?? null,
  };
}
