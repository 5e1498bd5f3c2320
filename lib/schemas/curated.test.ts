import { describe, expect, it } from "vitest";
import { curatedModelSchema } from "./curated";

const record = {
  slug: "deepseek-v3", name: "DeepSeek-V3", family: "DeepSeek-V3", variant: "instruct", developers: ["deepseek"],
  announced: "2024-12-26", released: "2024-12-26", totalParams: 671_000_000_000, activeParams: 37_000_000_000,
  architecture: "moe", routedExperts: 256, expertsPerToken: 8, sharedExperts: 1, contextWindow: 131072,
  license: "deepseek", openWeights: true, hfRepoId: "deepseek-ai/DeepSeek-V3", modalities: ["text"],
  sources: { default: "https://huggingface.co/deepseek-ai/DeepSeek-V3", released: "https://github.com/deepseek-ai/DeepSeek-V3" },
};
const issues = (r: unknown) => curatedModelSchema.safeParse(r).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`) ?? [];

describe("curatedModelSchema (each field's YAML key and value schema from the field registry)", () => {
  it("takes a record under the YAML keys, optional fields missing or null", () => {
    expect(issues(record)).toEqual([]);
    expect(issues({ ...record, announced: null, maxPositionEmbeddings: undefined, baseModel: null })).toEqual([]);
  });
  it("refuses a misspelt key, a missing required field and a value the registry refuses", () => {
    expect(issues({ ...record, relased: "2024-12-26" })).toEqual([expect.stringContaining("relased")]);
    expect(issues({ ...record, released: undefined })).toEqual([expect.stringMatching(/^released: /)]);
    expect(issues({ ...record, totalParams: 671_000 })).toEqual(["totalParams: is below 10M: not a language model (a unit slip?)"]);
    expect(issues({ ...record, variant: "chat" })).toEqual([expect.stringMatching(/^variant: must be one of base, instruct/)]);
    expect(issues({ ...record, sources: { released: "https://example.org" } })).toEqual(["sources: needs a `default` source URL"]);
    expect(issues({ ...record, sources: { ...record.sources, releaseDate: "https://example.org" } })).toHaveLength(1);
  });
  it("takes an optional `checked` day, YYYY-MM-DD", () => {
    expect(issues({ ...record, checked: "2026-12-01" })).toEqual([]);
    expect(curatedModelSchema.parse({ ...record, checked: "2026-12-01" }).checked).toBe("2026-12-01");
    expect(curatedModelSchema.parse(record).checked).toBeUndefined();
    expect(issues({ ...record, checked: "1 Dec 2026" })).toEqual([expect.stringMatching(/^checked: /)]);
    expect(issues({ ...record, checked: "2019-05-01" })).toEqual([expect.stringMatching(/^checked: is before 2020/)]);
  });
});
