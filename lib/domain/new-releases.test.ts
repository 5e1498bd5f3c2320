import { describe, expect, it } from "vitest";
import { releaseKeyValues, releaseSummary, releaseTitle, type ReleaseEntryInput } from "./new-releases";

const v3: ReleaseEntryInput = {
  slug: "deepseek-v3",
  name: "DeepSeek-V3",
  organization: { name: "DeepSeek", country: "CN" },
  releaseDate: "2024-12-26",
  totalParams: 671_000_000_000,
  activeParams: 37_000_000_000,
  architecture: "moe",
  contextWindow: 131_072,
  license: { name: "MIT License", category: "permissive" },
  listedAt: "2026-12-05T04:17:00.000Z",
};

describe("a release's entry", () => {
  it("names the developer and its country in full, the sizes, the context and the license", () => {
    expect(releaseTitle(v3)).toBe("DeepSeek-V3 by DeepSeek, China: 671B total, 37B active, 128K context");
    expect(releaseSummary(v3)).toBe(
      "Developer: DeepSeek. Country: China. Weights released: 2024-12-26. Total parameters: 671B. Active parameters: 37B. Context window: 128K tokens. " +
        "License: MIT License (Permissive). Listed in the atlas on 2026-12-05.",
    );
  });

  it("says a dense model's active count is all of it, and says what is not known", () => {
    const dense: ReleaseEntryInput = { ...v3, name: "Dense-8B", organization: { name: "Meta", country: "US" }, totalParams: 8e9, activeParams: 8e9, architecture: "dense", contextWindow: null };
    expect(releaseTitle(dense)).toBe("Dense-8B by Meta, United States: 8B total");
    expect(Object.fromEntries(releaseKeyValues(dense).map((kv) => [kv.label, kv.value]))).toMatchObject({
      "Active parameters": "8B (dense: all of them)",
      "Context window": "not known",
    });
    const unknown = { ...v3, totalParams: null, activeParams: null, architecture: null };
    expect(releaseTitle(unknown)).toBe("DeepSeek-V3 by DeepSeek, China: 128K context");
    expect(releaseSummary(unknown)).toContain("Total parameters: not known. Active parameters: not known.");
    expect(releaseTitle({ ...unknown, contextWindow: null })).toBe("DeepSeek-V3 by DeepSeek, China");
  });
});
