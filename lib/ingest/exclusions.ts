import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import { slugSchema } from "@/lib/schemas/common";

/**
 * data/excluded.yaml: every entry of a cross-check source (models.dev, vLLM recipes) that is not a record
 * of its own in the dataset, with the rule of data/README.md that keeps it out. `same-release` names the
 * record it is (a hosted listing without a weights link, an FP8 copy): the ingesters match it there. The
 * coverage test reads it too: a source entry that is neither in the dataset nor here is a missing release.
 */
export const EXCLUSION_RULES = [
  "same-release",
  "not-a-language-model",
  "task-specific",
  "community-fine-tune",
  "no-public-weights",
  "out-of-scope",
] as const;
export type ExclusionRule = (typeof EXCLUSION_RULES)[number];

export const EXCLUSION_SOURCES = ["modelsdev", "vllm-recipes", "other"] as const;

const entrySchema = z
  .strictObject({
    source: z.enum(EXCLUSION_SOURCES),
    path: z.string().min(1).optional(),
    repo: z.string().regex(/^[\w.-]+\/[\w.-]+$/, "must be a Hugging Face repo id like org/name").optional(),
    name: z.string().min(1).optional(),
    rule: z.enum(EXCLUSION_RULES),
    slug: slugSchema.optional(),
    why: z.string().min(3, "say why in a few words"),
  })
  .superRefine((e, ctx) => {
    if (e.rule === "same-release" && !e.slug) ctx.addIssue({ code: "custom", path: ["slug"], message: "same-release names the record it is (slug)" });
    if (e.rule !== "same-release" && e.slug) ctx.addIssue({ code: "custom", path: ["slug"], message: "only same-release entries name a record" });
    if (e.source !== "other" && !e.path) ctx.addIssue({ code: "custom", path: ["path"], message: `a ${e.source} entry names its file (path)` });
    if (e.source === "other" && !e.repo && !e.name) ctx.addIssue({ code: "custom", path: ["name"], message: "name the release (name or repo)" });
  });
export type Exclusion = z.infer<typeof entrySchema>;

const fileSchema = z.strictObject({ excluded: z.array(entrySchema) });

export class Exclusions {
  private readonly byPath = new Map<string, Exclusion>();
  constructor(readonly entries: Exclusion[]) {
    for (const e of entries) if (e.path) this.byPath.set(`${e.source}:${e.path}`, e);
  }

  /**
   * Releases the sweep found with public weights but could not yet source (a day-level date, the
   * license, an MoE layout): rule out-of-scope. The dataset is short by these until a sweep adds them.
   */
  pending(): Exclusion[] {
    return this.entries.filter((e) => e.rule === "out-of-scope");
  }

  /** The entry for a source's file (path as the source lays it out: models/<lab>/<id>.toml, <org>/<repo>.yaml). */
  forPath(source: "modelsdev" | "vllm-recipes", path: string): Exclusion | null {
    return this.byPath.get(`${source}:${path}`) ?? null;
  }
}

export const EXCLUSIONS_FILE = "data/excluded.yaml";

/** Reads and checks data/excluded.yaml; errors name the entry and the field. A missing file is an empty list. */
export async function loadExclusions(file: string = EXCLUSIONS_FILE): Promise<Exclusions> {
  let text: string;
  try {
    // Read at run time from the project folder (pages read it per request), not traced into the build.
    text = await readFile(/* turbopackIgnore: true */ path.resolve(/* turbopackIgnore: true */ file), "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return new Exclusions([]);
    throw new Error(`cannot read ${file} (${(e as Error).message})`);
  }
  const parsed = fileSchema.safeParse(parse(text));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".") || "(file)"}: ${i.message}`);
    throw new Error(`${file} is not a valid exclusion list:\n${lines.join("\n")}`);
  }
  const seen = new Set<string>();
  const duplicates: string[] = [];
  for (const e of parsed.data.excluded) {
    if (!e.path) continue;
    const key = `${e.source}:${e.path}`;
    if (seen.has(key)) duplicates.push(key);
    seen.add(key);
  }
  if (duplicates.length) throw new Error(`${file} lists these files twice: ${duplicates.join(", ")}`);
  return new Exclusions(parsed.data.excluded);
}
