import "server-only";
import type { ModelListItem } from "@/lib/data/models";
import { csvLines } from "@/lib/domain/csv";
import { MODEL_FIELD_REGISTRY, MODEL_FIELDS, type ModelField } from "@/lib/domain/model-fields";

/** The columns: the slug, each field's columns from the field registry (lib/domain/model-fields.ts), the page. */
export const CSV_COLUMNS = ["slug", ...MODEL_FIELDS.flatMap((f) => MODEL_FIELD_REGISTRY[f].csvColumns), "url"] as const;

/** A field's cells, in the order of its csvColumns: developers and the license are objects in a list item. */
function fieldCells(m: ModelListItem, field: ModelField): unknown[] {
  if (field === "developers") return [m.organization.slug, m.organization.name, m.organization.country, m.developers.map((d) => d.slug)];
  if (field === "licenseId") return m.license ? [m.license.id, m.license.name, m.license.category] : [null, null, null];
  return [m[field]];
}

function csvRow(m: ModelListItem, origin: string): unknown[] {
  return [m.slug, ...MODEL_FIELDS.flatMap((f) => fieldCells(m, f)), `${origin}/models/${m.slug}`];
}

/**
 * The CSV of models as a stream: the header, then each chunk's rows as the chunk arrives; nothing else,
 * so pandas.read_csv and spreadsheet programs read every line after the header as a model. The credit
 * and how far the data reaches travel in the response headers (csvHeaders, lib/api/responses.ts). The
 * first chunk is read before the stream is made, so a database that cannot be reached is still an error
 * response rather than a cut-off file; a later failure aborts the stream (the client sees a broken
 * transfer, never a shorter file that looks whole).
 */
export async function modelsCsvStream(chunks: AsyncGenerator<ModelListItem[]>, origin: string): Promise<ReadableStream<Uint8Array>> {
  const encoder = new TextEncoder();
  const first = await chunks.next();
  let head: string | null = csvLines([[...CSV_COLUMNS], ...(first.done ? [] : first.value.map((m) => csvRow(m, origin)))]);
  let done = first.done ?? false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (head !== null) {
        controller.enqueue(encoder.encode(head));
        head = null;
        return;
      }
      if (!done) {
        const next = await chunks.next();
        if (!next.done) {
          controller.enqueue(encoder.encode(csvLines(next.value.map((m) => csvRow(m, origin)))));
          return;
        }
        done = true;
      }
      controller.close();
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}
