import "server-only";
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
