import { parse as parseYaml } from "yaml";
import { z } from "zod";
import type { FieldInputs } from "@/lib/data/write-path";
import { parseCount } from "@/lib/domain/counts";
import { hfRepoIdSchema } from "@/lib/schemas/common";
import { readSourceFolder, type SourceFolder, type SourceItem } from "../source-run";

/**
 * vLLM's recipes (`models/<org>/<repo>.yaml`, Apache-2.0, data/sources/vllm-recipes/README.md): the
 * exact repo id vLLM serves, dense or MoE, the parameter counts as written ("235B", rounded) and the
 * context length. `meta.date_added` is when the recipe was written, not a release date: never taken.
 */
const REPO = "https://github.com/vllm-project/recipes/blob/8959cf64";

const recipeSchema = z.looseObject({
  meta: z.looseObject({ title: z.string().min(1) }),
  model: z.looseObject({
    model_id: hfRepoIdSchema,
    architecture: z.enum(["dense", "moe"]).optional(),
    parameter_count: z.union([z.string(), z.number()]).optional(),
    active_parameters: z.union([z.string(), z.number()]).optional(),
    // 0: not a text model (speech, image generation recipes).
    context_length: z.number().int().nonnegative().optional(),
  }),
});

export function parseRecipe(relPath: string, text: string): SourceItem {
  const parsed = recipeSchema.safeParse(parseYaml(text));
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${i.path.join(".") || "(file)"}: ${i.message}`).join("; "));
  const { meta, model } = parsed.data;
  const url = `${REPO}/models/${relPath}`;
  const problems: string[] = [];
  const inputs: FieldInputs = {};
  const readCount = (raw: string | number | undefined, what: string) => {
    if (raw === undefined) return null;
    const n = parseCount(String(raw));
    if (n === null) problems.push(`${what} "${raw}" is not a count: not taken`);
    return n;
  };
  const total = readCount(model.parameter_count, "parameter_count");
  const active = readCount(model.active_parameters, "active_parameters");
  if (total !== null) inputs.totalParams = { value: total, url };
  if (active !== null) inputs.activeParams = { value: active, url };
  if (model.architecture) inputs.architecture = { value: model.architecture, url };
  if (model.context_length) inputs.contextWindow = { value: model.context_length, url };
  return { item: `models/${relPath}`, path: relPath, repoId: model.model_id, name: meta.title, inputs, problems };
}

/** Every recipe under DIR/models/<org>/*.yaml; unreadable files are errors. */
export function readRecipesDir(dir: string): Promise<SourceFolder> {
  return readSourceFolder(dir, "vllm-project/recipes laid out as models/<org>/<repo>.yaml", [".yaml", ".yml"], (org, file, text) => parseRecipe(`${org}/${file}`, text));
}
