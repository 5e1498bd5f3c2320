import { z } from "zod";
import { isoDateSchema } from "./common";

/** data/coverage.yaml. Strict: a misspelt key is an error, not a silently missing date. */
export const coverageFileSchema = z.strictObject({
  /**
   * The last day through which data/curated was swept for every open-weights release. Later days may
   * still be missing releases, so periods ending after it are incomplete, never a decline.
   */
  completeThrough: isoDateSchema,
});

export type Coverage = z.infer<typeof coverageFileSchema>;
