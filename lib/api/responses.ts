import "server-only";
import { creditLines } from "@/lib/domain/sources";
import type { ParamError } from "@/lib/schemas/model-query";

/** The API's error shape: `{ error, details: [{ param, message }] }`, always JSON, never a 500 with a stack. */
export function badRequest(errors: ParamError[]): Response {
  return Response.json(
    { error: `Invalid query parameter${errors.length > 1 ? "s" : ""}: ${errors.map((e) => `${e.param} ${e.message}`).join("; ")}`, details: errors },
    { status: 400 },
  );
}

export function notFound(message: string): Response {
  return Response.json({ error: message }, { status: 404 });
}

/** The database (or anything below the route) failed: say so as a 503 the client may retry, and log it. */
export function unavailable(error: unknown): Response {
  console.error("[api]", error);
  return Response.json({ error: "The data store is unavailable; try again shortly." }, { status: 503, headers: { "Retry-After": "5" } });
}

export async function guarded(handler: () => Promise<Response>): Promise<Response> {
  try {
    return await handler();
  } catch (error) {
    return unavailable(error);
  }
}

/**
 * The credit of the secondary sources (their licenses require it), as the CSV exports send it: in a
 * header, never as a row a CSV reader would take for data. Header values are ASCII.
 */
export const CREDIT_HEADER = "X-Credit";
/** How far the data reaches (the JSON's completeThrough), YYYY-MM-DD. */
export const COMPLETE_THROUGH_HEADER = "X-Data-Complete-Through";

export function creditText(): string {
  return `Open Model Atlas. Secondary sources: ${creditLines().join("; ")}. Per-value sources: /api/v1/models/{slug}`;
}

/** The headers of a CSV download: type, file name, the credit and how far the data reaches. */
export function csvHeaders(filename: string, completeThrough: string): Record<string, string> {
  return {
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": `attachment; filename="${filename}"`,
    [CREDIT_HEADER]: creditText().replace(/[^\x20-\x7e]/g, "?"),
    [COMPLETE_THROUGH_HEADER]: completeThrough,
    Link: '</docs/api>; rel="describedby"',
  };
}
