// GET /releases.atom - the newest 50 open-weights releases as the atlas listed them, as an Atom feed, for people who follow new models.
import { publicOrigin } from "@/lib/api/origin";
import { listNewReleases } from "@/lib/data/new-releases";
import { buildAtomFeed } from "@/lib/domain/atom";
import { releaseSummary, releaseTitle, RELEASES_FEED_LIMIT } from "@/lib/domain/new-releases";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const origin = publicOrigin(request);
  const releases = await listNewReleases({ limit: RELEASES_FEED_LIMIT });
  const xml = buildAtomFeed({
    id: `${origin}/changes#new-releases`,
    title: "Open Model Atlas: new open-weights releases",
    subtitle: "Each open-weights model as the atlas lists it: developer and country, weights release date, total and active parameters, context window and license.",
    self: `${origin}/releases.atom`,
    alternate: `${origin}/changes#new-releases`,
    updated: releases[0]?.listedAt ?? new Date(0).toISOString(),
    entries: releases.map((r) => ({
      // The model's page: one entry per record, the same on every fetch.
      id: `${origin}/models/${r.slug}`,
      title: releaseTitle(r),
      link: `${origin}/models/${r.slug}`,
      updated: r.listedAt,
      published: `${r.releaseDate}T00:00:00Z`,
      summary: releaseSummary(r),
    })),
  });
  return new Response(xml, {
    headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "public, max-age=300" },
  });
}

/** The CORS preflight (lib/api/cors.ts). */
export { OPTIONS } from "@/lib/api/cors";
