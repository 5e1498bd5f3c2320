// GET /changes.atom - the accepted corrections (newest 50) as an Atom feed, for people who follow the data.
import { publicOrigin } from "@/lib/api/origin";
import { listAcceptedChanges } from "@/lib/data/corrections/changes";
import { buildAtomFeed } from "@/lib/domain/atom";
import { safeHref } from "@/lib/domain/correction-fields";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const origin = publicOrigin(request);
  const { changes } = await listAcceptedChanges({ pageSize: 50 });
  const xml = buildAtomFeed({
    id: `${origin}/changes`,
    title: "Open Model Atlas: accepted corrections",
    subtitle: "Every value changed by an accepted correction, with the old and new value and the evidence.",
    self: `${origin}/changes.atom`,
    alternate: `${origin}/changes`,
    updated: changes[0]?.date ?? new Date(0).toISOString(),
    entries: changes.map((c) => ({
      id: `${origin}/changes#revision-${c.id}`,
      title: `${c.model.name}: ${c.label} ${c.oldDisplay} → ${c.newDisplay}`,
      link: `${origin}/models/${c.model.slug}`,
      updated: c.date,
      summary: `${c.label} of ${c.model.name} changed from ${c.oldDisplay} to ${c.newDisplay} (accepted correction). Evidence: ${c.evidenceUrl}`,
      related: safeHref(c.evidenceUrl) ? [c.evidenceUrl] : [],
    })),
  });
  return new Response(xml, {
    headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "public, max-age=300" },
  });
}

/** The CORS preflight (lib/api/cors.ts). */
export { OPTIONS } from "@/lib/api/cors";
