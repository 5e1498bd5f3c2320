import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { RELEASES_FEED_LIMIT, type ReleaseEntryInput } from "@/lib/domain/new-releases";
import { listItemSelect, toListItem, type ModelListItem } from "./models";

/** A release as the feed and /changes show it: the list item, and when the atlas listed it (ISO timestamp). */
export type NewRelease = ModelListItem & Pick<ReleaseEntryInput, "listedAt">;

const optionsSchema = z.object({ limit: z.number().int().min(1).max(RELEASES_FEED_LIMIT).default(RELEASES_FEED_LIMIT) });

/**
 * The newest open-weights records as the atlas added them: newest listing first, and within one listing
 * (a load of many records at once) the newest weights first. Closed reference models are not releases.
 */
export async function listNewReleases(options: { limit?: number } = {}): Promise<NewRelease[]> {
  const { limit } = optionsSchema.parse(options);
  const rows = await getDb().model.findMany({
    where: { openWeights: true },
    // Served by Model_openWeights_createdAt_releaseDate_id_idx (prisma/migrations/20261205100000_refresh), scanned backwards.
    orderBy: [{ createdAt: "desc" }, { releaseDate: "desc" }, { id: "desc" }],
    take: limit,
    select: { ...listItemSelect, createdAt: true },
  });
  return rows.map((r) => ({ ...toListItem(r), listedAt: r.createdAt.toISOString() }) satisfies ReleaseEntryInput);
}
