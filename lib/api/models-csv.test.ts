import { describe, expect, it } from "vitest";
import type { ModelListItem } from "@/lib/data/models";
import { NULL_MODEL_VALUES } from "@/lib/domain/model-fields";
import { CSV_COLUMNS, modelsCsvStream } from "./models-csv";

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
  it("writes the header and every chunk's rows in order, and nothing after them", async () => {
    const lines = (await read(await modelsCsvStream(chunks(2, 0, 3), "https://atlas.test"))).split("\r\n");
    expect(lines[0]).toBe(CSV_COLUMNS.join(","));
    expect(lines.slice(1, 6).map((l) => l.split(",")[0])).toEqual(["m1", "m2", "m3", "m4", "m5"]);
    // Quoting and formula neutralising are the same as in any CSV of ours.
    expect(lines[1]).toContain(`'=m1,F,base,org,"Org, Inc.",US`);
    expect(lines[1]!.endsWith(",https://atlas.test/models/m1")).toBe(true);
    // No credit or comment row: a CSV reader's defaults take every line after the header for a model.
    expect(lines).toHaveLength(7);
    expect(lines[6]).toBe("");
  });

  it("writes only the header for an empty result", async () => {
    expect(await read(await modelsCsvStream(chunks(), "https://atlas.test"))).toBe(`${CSV_COLUMNS.join(",")}\r\n`);
  });

  it("fails before any byte is sent when the first chunk cannot be read", async () => {
    async function* failing(): AsyncGenerator<ModelListItem[]> {
      throw new Error("database down");
    }
    await expect(modelsCsvStream(failing(), "https://atlas.test")).rejects.toThrow("database down");
  });
});
