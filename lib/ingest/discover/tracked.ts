import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { slugSchema } from "@/lib/schemas/common";
import { formatIssues } from "@/lib/schemas/hf";

/**
 * data/tracked-orgs.yaml: the Hugging Face authors discovery looks at, each with the organization of
 * data/curated its releases belong to (issue 16).
 */
export interface TrackedAuthor {
  author: string;
  organization: string;
}

const fileSchema = z.strictObject({
  tracked: z
    .array(
      z.strictObject({
        author: z.string().regex(/^[A-Za-z0-9][\w.-]*$/, "must be a Hugging Face user or organization name"),
        organization: slugSchema,
      }),
    )
    .min(1)
    .superRefine((rows, ctx) => {
      const seen = new Set<string>();
      for (const [i, r] of rows.entries()) {
        if (seen.has(r.author.toLowerCase())) ctx.addIssue({ code: "custom", path: [i, "author"], message: `${r.author} is listed twice` });
        seen.add(r.author.toLowerCase());
      }
    }),
});

export const TRACKED_ORGS_FILE = "data/tracked-orgs.yaml";

export async function loadTrackedAuthors(file = path.resolve(TRACKED_ORGS_FILE)): Promise<TrackedAuthor[]> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (e) {
    throw new Error(`cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const parsed = fileSchema.safeParse(parseYaml(text));
  if (!parsed.success) throw new Error(`${file}: ${formatIssues(parsed.error)}`);
  return parsed.data.tracked;
}
