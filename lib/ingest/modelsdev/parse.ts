import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse as parseToml } from "smol-toml";
import { z } from "zod";
import type { FieldInputs } from "@/lib/data/write-path";
import { readSourceFolder, type SourceFolder, type SourceItem } from "../source-run";

/**
 * models.dev's model files (`models/<lab>/<model>.toml`, MIT, data/sources/modelsdev/README.md): what we
 * take from an open-weights file is its release date (exact days only: month-only dates are skipped),
 * its context limit and, in newer files, [parameters] total/active. Its weights link is the Hugging Face
 * repo id we match by. Each value's URL is the file at the commit MANIFEST.tsv names.
 */
const REPO = "https://github.com/anomalyco/models.dev/blob";

const count = z.number().int().positive();
const modelsDevFileSchema = z.looseObject({
  name: z.string().min(1),
  release_date: z.string().optional(),
  open_weights: z.boolean().optional(),
  // 0 is how models.dev writes "no text context" (image and speech models).
  limit: z.looseObject({ context: z.number().int().nonnegative().optional() }).optional(),
  parameters: z.looseObject({ total: count.optional(), active: count.optional() }).optional(),
  weights: z.array(z.looseObject({ url: z.string() })).optional(),
  benchmarks: z
    .array(
      z.looseObject({
        name: z.string().min(1).max(200),
        score: z.number(),
        metric: z.string().max(100).optional(),
        harness: z.string().max(200).optional(),
        variant: z.string().max(200).optional(),
        source: z.string().max(2000).optional(),
      }),
    )
    .optional(),
});

const manifestRowSchema = z.object({ path: z.string().startsWith("models/"), commit: z.string().regex(/^[0-9a-f]{40}$/) });

/** "https://huggingface.co/Qwen/Qwen3-8B" (or .../tree/main) -> "Qwen/Qwen3-8B". */
export function repoIdFromUrl(url: string): string | null {
  const m = /^https?:\/\/huggingface\.co\/([\w.-]+\/[\w.-]+)(?:[/?#].*)?$/.exec(url.trim());
  return m && !m[1]!.startsWith("datasets/") && !m[1]!.startsWith("spaces/") ? m[1]! : null;
}

/** One file's text -> an item (null when the file does not mark the model open weights). */
export function parseModelsDevFile(filePath: string, text: string, commit: string | null): SourceItem | null {
  const parsed = modelsDevFileSchema.safeParse(parseToml(text));
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${i.path.join(".") || "(file)"}: ${i.message}`).join("; "));
  const f = parsed.data;
  if (f.open_weights !== true) return null;
  const url = `${REPO}/${commit ?? "dev"}/${filePath}`;
  const problems: string[] = [];
  const inputs: FieldInputs = {};
  if (f.release_date !== undefined) {
    if (/^\d{4}-\d{2}-\d{2}$/.test(f.release_date)) inputs.releaseDate = { value: f.release_date, url };
    else problems.push(`release_date "${f.release_date}" is not a day: not taken`);
  }
  if (f.limit?.context) inputs.contextWindow = { value: f.limit.context, url };
  if (f.parameters?.total) inputs.totalParams = { value: f.parameters.total, url };
  if (f.parameters?.active) inputs.activeParams = { value: f.parameters.active, url };
  const repos = [...new Set((f.weights ?? []).map((w) => repoIdFromUrl(w.url)).filter((r): r is string => r !== null))];
  if (repos.length > 1) problems.push(`links several repos (${repos.join(", ")}): matched by the first`);
  const scores = (f.benchmarks ?? []).map((b) => ({ name: b.name, score: b.score, metric: b.metric ?? null, harness: b.harness ?? null, variant: b.variant ?? null, source: b.source ?? null }));
  const releaseDate = inputs.releaseDate?.value ?? null;
  return { item: filePath, path: filePath, repoId: repos[0] ?? null, name: f.name, inputs, problems, scores, releaseDate };
}

/** Every open-weights file under DIR/models, with MANIFEST.tsv's commits; unreadable files are errors, not skipped silently. */
export async function readModelsDevDir(dir: string): Promise<SourceFolder> {
  const commits = new Map<string, string>();
  const manifest = await readFile(path.join(dir, "MANIFEST.tsv"), "utf8").catch(() => null);
  if (manifest) {
    const [header, ...lines] = manifest.trim().split("\n");
    const cols = header!.split("\t");
    for (const line of lines) {
      const cells = line.split("\t");
      const row = manifestRowSchema.safeParse({ path: cells[cols.indexOf("path")], commit: cells[cols.indexOf("commit")] });
      if (row.success) commits.set(row.data.path, row.data.commit);
    }
  }
  return readSourceFolder(dir, "models.dev laid out as models/<lab>/<model>.toml", [".toml"], (lab, file, text) => {
    const rel = `models/${lab}/${file}`;
    return parseModelsDevFile(rel, text, commits.get(rel) ?? null);
  });
}
