import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadCuratedDataset } from "../curated/dataset";
import { classifyRepo } from "./rules";
import { loadTrackedAuthors } from "./tracked";

describe("data/tracked-orgs.yaml", () => {
  it("tracks every Hub author a curated open-weights record names, mapped to that record's organization", async () => {
    const [tracked, dataset] = await Promise.all([loadTrackedAuthors(), loadCuratedDataset(path.resolve("data/curated"), "2026-12-01")]);
    expect(dataset.errors).toEqual([]);
    const byAuthor = new Map(tracked.map((t) => [t.author.toLowerCase(), t.organization]));
    const orgs = new Set(dataset.organizations.map((o) => o.slug));
    for (const t of tracked) expect(orgs.has(t.organization), `${t.author} -> ${t.organization}`).toBe(true);
    const untracked = dataset.models
      .filter((m) => m.values.openWeights && m.values.hfRepoId)
      .filter((m) => !byAuthor.has(m.values.hfRepoId!.split("/")[0]!.toLowerCase()))
      .map((m) => m.values.hfRepoId);
    expect(untracked).toEqual([]);
    // Each author's releases are its organization's (a co-developed release may list it second).
    const wrong = dataset.models
      .filter((m) => m.values.openWeights && m.values.hfRepoId)
      .filter((m) => !m.values.developers.includes(byAuthor.get(m.values.hfRepoId!.split("/")[0]!.toLowerCase())!))
      .map((m) => m.slug);
    expect(wrong).toEqual([]);
  });

  it("no curated release's own repository is filtered as a non-release by the discovery rules", async () => {
    const dataset = await loadCuratedDataset(path.resolve("data/curated"), "2026-12-01");
    const filtered = dataset.models
      .filter((m) => m.values.openWeights && m.values.hfRepoId)
      .map((m) => ({ id: m.values.hfRepoId!, verdict: classifyRepo({ id: m.values.hfRepoId!, pipelineTag: "text-generation", libraryName: "transformers", tags: [], totalParams: 1 }) }))
      .filter((r) => !r.verdict.release)
      .map((r) => r.id);
    expect(filtered).toEqual([]);
  });
});
