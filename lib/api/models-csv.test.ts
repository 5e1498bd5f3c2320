import { describe, expect, it } from "vitest";
import type { ModelListItem } from "@/lib/data/models";
import { NULL_MODEL_VALUES } from "@/lib/domain/model-fields";
import { CREDIT_LINE, CSV_COLUMNS, csvTrailer, modelsCsvStream } from "./models-csv";

const model = (slug: string): ModelListItem => ({
  ...NULL_MODEL_VALUES,
  slug, name: `=${slug}`, family: "F", variant: "base", organization: { slug: "org", name: "Org, Inc.", country: "US" },
  developers: [{ slug: "org", name: "Org, Inc.", country: "US" }], releaseDate: "2025-01-01", announcedDate: null,
  totalParams: 7e9, activeParams: 7e9, architecture: "dense", routedExperts: null, expertsPerToken: null, sharedExperts: null,
  contextWindow: 131072, maxPositionEmbeddings: null, license: { id: "mit", name: "MIT", category: "permissive" }, openWeights: true,
  hfRepoId: null, baseModel: null, modalities: ["text"],
});

async function* chunks(...sizes: number[]): AsyncGenerator<ModelListItem[]> {
  let n = 0;
  for (const size of sizes) yield Array.from({ length: size }, () => model(`m${++n}`));
}

const read = async (stream: ReadableStream<Uint8Array>) => new Response(stream).text();

describe("modelsCsvStream", () => {
  it("writes the header, every chunk's rows in order and the credit line last", async () => {
    const lines = (await read(await modelsCsvStream(chunks(2, 0, 3), "https://atlas.test", "2026-11-30"))).split("\r\n");
    expect(lines[0]).toBe(CSV_COLUMNS.join(","));
    expect(lines.slice(1, 6).map((l) => l.split(",")[0])).toEqual(["m1", "m2", "m3", "m4", "m5"]);
    // Quoting and formula neutralising are the same as in any CSV of ours.
    expect(lines[1]).toContain(`'=m1,F,base,org,"Org, Inc.",US`);
    expect(lines[6]).toBe(csvTrailer("2026-11-30"));
    expect(lines[6]!.startsWith(CREDIT_LINE)).toBe(true);
    expect(lines[6]).toMatch(/\. Data complete through 2026-11-30$/);
    expect(lines[7]).toBe("");
  });

  it("writes the header and the credit line for an empty result", async () => {
    expect(await read(await modelsCsvStream(chunks(), "https://atlas.test", "2026-11-30"))).toBe(`${CSV_COLUMNS.join(",")}\r\n${csvTrailer("2026-11-30")}\r\n`);
  });

  it("fails before any byte is sent when the first chunk cannot be read", async () => {
    async function* failing(): AsyncGenerator<ModelListItem[]> {
      throw new Error("database down");
    }
    await expect(modelsCsvStream(failing(), "https://atlas.test", "2026-11-30")).rejects.toThrow("database down");
  });
});
