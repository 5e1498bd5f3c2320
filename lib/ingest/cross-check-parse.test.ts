import { describe, expect, it } from "vitest";
import { parseModelsDevFile, repoIdFromUrl } from "./modelsdev/parse";
import { parseRecipe } from "./vllm-recipes/parse";

describe("models.dev files", () => {
  const commit = "cc7a549af27bc4d2f1fd4f13841efd7988cce523";
  it("reads the day, the context, the parameters and the weights repo of an open-weights file", () => {
    const item = parseModelsDevFile(
      "models/nvidia/x.toml",
      `name = "X"\nrelease_date = "2026-06-04"\nopen_weights = true\n[limit]\ncontext = 1_000_000\n[parameters]\ntotal = 550_000_000_000\nactive = 55_000_000_000\n[[weights]]\nurl = "https://huggingface.co/nvidia/X-BF16"\n`,
      commit,
    )!;
    const url = `https://github.com/anomalyco/models.dev/blob/${commit}/models/nvidia/x.toml`;
    expect(item).toEqual({
      item: "models/nvidia/x.toml", path: "models/nvidia/x.toml", repoId: "nvidia/X-BF16", name: "X", problems: [],
      inputs: { releaseDate: { value: "2026-06-04", url }, contextWindow: { value: 1_000_000, url }, totalParams: { value: 550_000_000_000, url }, activeParams: { value: 55_000_000_000, url } },
      scores: [], releaseDate: "2026-06-04",
    });
  });
  it("skips closed models, month-only dates and a zero context, and says so", () => {
    expect(parseModelsDevFile("models/a/b.toml", `name = "B"\nopen_weights = false\n`, null)).toBeNull();
    const item = parseModelsDevFile("models/a/b.toml", `name = "B"\nrelease_date = "2025-04"\nopen_weights = true\n[limit]\ncontext = 0\n`, null)!;
    expect(item.inputs).toEqual({});
    expect(item.problems).toEqual(['release_date "2025-04" is not a day: not taken']);
  });
  it("refuses a file whose values have the wrong type, naming the field", () => {
    expect(() => parseModelsDevFile("models/a/b.toml", `name = "B"\nopen_weights = true\n[limit]\ncontext = "long"\n`, null)).toThrow(/limit\.context/);
    expect(() => parseModelsDevFile("models/a/b.toml", `name = `, null)).toThrow();
  });
  it("reads repo ids from Hub links only", () => {
    expect(repoIdFromUrl("https://huggingface.co/Qwen/Qwen3-8B/tree/main")).toBe("Qwen/Qwen3-8B");
    expect(repoIdFromUrl("https://huggingface.co/datasets/x/y")).toBeNull();
    expect(repoIdFromUrl("https://github.com/Qwen/Qwen3")).toBeNull();
  });
});

describe("vLLM recipes", () => {
  it("reads the repo id, the rounded counts, the architecture and the context, never a date", () => {
    const item = parseRecipe(
      "nvidia/X.yaml",
      'meta:\n  title: X\n  date_added: 2026-06-04\nmodel:\n  model_id: "nvidia/X-BF16"\n  architecture: moe\n  parameter_count: "550B"\n  active_parameters: "55B"\n  context_length: 262144\n',
    );
    const url = "https://github.com/vllm-project/recipes/blob/8959cf64/models/nvidia/X.yaml";
    expect(item).toEqual({
      item: "models/nvidia/X.yaml", path: "nvidia/X.yaml", repoId: "nvidia/X-BF16", name: "X", problems: [],
      inputs: { totalParams: { value: 550_000_000_000, url }, activeParams: { value: 55_000_000_000, url }, architecture: { value: "moe", url }, contextWindow: { value: 262144, url } },
    });
  });
  it("notes counts it cannot read, and refuses a recipe without a valid repo id", () => {
    const item = parseRecipe("a/b.yaml", 'meta:\n  title: B\nmodel:\n  model_id: a/b\n  parameter_count: "Undisclosed"\n');
    expect(item.problems).toEqual(['parameter_count "Undisclosed" is not a count: not taken']);
    expect(() => parseRecipe("a/b.yaml", "meta:\n  title: B\nmodel:\n  model_id: not a repo\n")).toThrow(/model\.model_id/);
  });
});
