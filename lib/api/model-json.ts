import "server-only";
import type { ModelListItem } from "@/lib/data/models";

/** The public JSON of a model: the list item plus the absolute URL of its page. */
export function modelJson<T extends ModelListItem>(m: T, origin: string): T & { url: string } {
  return { ...m, url: `${origin}/models/${m.slug}` };
}
