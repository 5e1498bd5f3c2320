import type { NextRequest } from "next/server";
import { findExactMatch } from "@/lib/data/search";
import { QUERY_PARAMS } from "@/lib/schemas/model-query";

// Rendered per request from the database.
export const dynamic = "force-dynamic";

/**
 * The header's search box (components/site-search.tsx, a plain GET form: it works without JavaScript):
 * a query that names one model exactly ("deepseek r1", "DeepSeek-R1") goes straight to its page, any
 * other to the ranked results in /models. The Location is relative, so it follows whatever origin the
 * reader came in by.
 */
export async function GET(request: NextRequest): Promise<Response> {
  const raw = request.nextUrl.searchParams.get("q") ?? "";
  const parsed = QUERY_PARAMS.q.schema.safeParse(raw);
  let location = "/models";
  if (parsed.success) {
    const slug = await findExactMatch(parsed.data);
    location = slug ? `/models/${encodeURIComponent(slug)}` : `/models?${new URLSearchParams({ q: parsed.data })}`;
  } else if (raw.trim()) {
    // Too long or with control characters: /models names the problem.
    location = `/models?${new URLSearchParams({ q: raw })}`;
  }
  return new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });
}
