import { z } from "zod";
import { isoDateSchema } from "./common";

/** What a release's page reads back from its stored manifest.json (lib/domain/releases.ts ReleaseManifest). */
export const releaseManifestSchema = z.object({
  completeThrough: isoDateSchema,
  origin: z.string().nullable(),
  credit: z.array(z.string()),
  licenses: z.array(z.object({ source: z.string(), license: z.string(), url: z.string().nullable() })),
});
export type ReleaseManifestSummary = z.infer<typeof releaseManifestSchema>;

/** The manifest's text parsed, or null when it cannot be read (the page then leaves those lines out). */
export function parseReleaseManifest(text: string): ReleaseManifestSummary | null {
  try {
    const r = releaseManifestSchema.safeParse(JSON.parse(text));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}
