import type { ModelListItem } from "@/lib/data/models";
import { csvLines } from "@/lib/domain/csv";
import { creditLines } from "@/lib/domain/sources";

export const CSV_COLUMNS = [
  "slug", "name", "family", "variant", "organization", "organization_name", "country", "developers", "release_date",
  "announced_date", "total_params", "active_params", "architecture", "routed_experts", "experts_per_token",
  "shared_experts", "context_window", "max_position_embeddings", "license_id", "license_name", "license_category",
  "open_weights", "hf_repo_id", "base_model", "modalities", "url",
] as const;

/** Credit for the secondary sources some values come from (their licenses require it). */
export const CREDIT_LINE = `# Open Model Atlas. Secondary sources: ${creditLines().join("; ")}. Per-value sources: /api/v1/models/{slug}`;

/** The file's last line: the credit, and how far the data reaches (the CSV's counterpart of the JSON's completeThrough). */
export function csvTrailer(completeThrough: string): string {
  return `${CREDIT_LINE}. Data complete through ${completeThrough}`;
}

function csvRow(m: ModelListItem, origin: string): unknown[] {
  return [
    m.slug, m.name, m.family, m.variant, m.organization.slug, m.organization.name, m.organization.country,
    m.developers.map((d) => d.slug), m.releaseDate, m.announcedDate, m.totalParams, m.activeParams, m.architecture,
    m.routedExperts, m.expertsPerToken, m.sharedExperts, m.contextWindow, m.maxPositionEmbeddings, m.license.id,
    m.license.name, m.license.category, m.openWeights, m.hfRepoId, m.baseModel, m.modalities, `${origin}/models/${m.slug}`,
  ];
}

/**
 * The CSV of models as a stream: the header, each chunk's rows as the chunk arrives, then the credit
 * line (csvTrailer), which also tells a reader the file is complete. The first chunk is read before the
 * stream is made, so a database that cannot be reached is still an error response rather than a cut-off file.
 */
export async function modelsCsvStream(chunks: AsyncGenerator<ModelListItem[]>, origin: string, completeThrough: string): Promise<ReadableStream<Uint8Array>> {
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
      controller.enqueue(encoder.encode(csvTrailer(completeThrough) + "\r\n"));
      controller.close();
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}
