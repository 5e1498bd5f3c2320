import path from "node:path";
import { describe, expect, it } from "vitest";
import { readModelsDevDir } from "../modelsdev/parse";
import { emptyParsedScores, loadBenchmarkRegistry, loadEpochModelMap, readCardScores, readEpochExternal, readEpochRuns, readModelsDevScores, readRunDate, readScoreValue } from "./parse";

describe("score values and dates", () => {
  it("reads percentages, fractions and plain numbers; refuses the rest", () => {
    expect(readScoreValue("77.0%", "percent", false)).toBe(77);
    expect(readScoreValue("0.850", "percent", true)).toBe(85);
    expect(readScoreValue("88.000", "percent", false)).toBe(88);
    expect(readScoreValue("37.1", "index", false)).toBe(37.1);
    expect(readScoreValue("140%", "percent", false)).toBeNull();
    expect(readScoreValue("n/a", "percent", false)).toBeNull();
    expect(readScoreValue("", "percent", false)).toBeNull();
  });
  it("reads Epoch's run dates", () => {
    expect(readRunDate("17 November 2025 4:28pm")).toBe("2025-11-17");
    expect(readRunDate("31 February 2025 1:00am")).toBeNull();
    expect(readRunDate("")).toBeNull();
  });
});

describe("the shipped score files", () => {
  it("Epoch's runs: independent, from a public log, dated by the run", async () => {
    const registry = await loadBenchmarkRegistry();
    const out = emptyParsedScores();
    await readEpochRuns(path.resolve("data/sources/epoch-benchmarks"), registry, out);
    expect(out.errors).toEqual([]);
    const gpt51 = out.scores.find((s) => s.ref.kind === "epoch-version" && s.ref.id === "gpt-5.1_medium" && s.benchmarkId === "gpqa-diamond-epoch");
    expect(gpt51).toMatchObject({ value: 85, evaluator: { independent: true, name: "Epoch AI" }, publishedOn: "2025-11-17" });
    expect(gpt51!.sourceUrl).toMatch(/^https:\/\/logs\.epoch\.ai\//);
    expect([...out.skipped.keys()].some((k) => k.includes("FrontierMath-2025-02-28-Public"))).toBe(true);
  });

  it("Epoch's compiled scores: only the shots a benchmark names, credited to the paper or leaderboard", async () => {
    const registry = await loadBenchmarkRegistry();
    const out = emptyParsedScores();
    await readEpochExternal(path.resolve("data/sources/epoch-benchmarks"), registry, out);
    const mmlu = out.scores.filter((s) => s.benchmarkId === "mmlu-5-shot");
    expect(mmlu.length).toBeGreaterThan(100);
    expect(mmlu.every((s) => s.setting.includes("5-shot"))).toBe(true);
    const qwen = out.scores.find((s) => s.benchmarkId === "bbh-3-shot" && s.ref.kind === "epoch-version" && s.ref.id === "Qwen-7B");
    expect(qwen).toMatchObject({ value: 45, evaluator: { independent: false, org: "alibaba" } });
  });

  it("models.dev: the score's own URL decides who measured it", async () => {
    const registry = await loadBenchmarkRegistry();
    const out = emptyParsedScores();
    readModelsDevScores((await readModelsDevDir(path.resolve("data/sources/modelsdev"))).items, registry, out);
    const aa = out.scores.find((s) => s.benchmarkId === "aa-coding-index");
    expect(aa?.evaluator).toMatchObject({ independent: true });
    const card = out.scores.find((s) => s.benchmarkId === "swe-bench-verified-reported" && s.sourceUrl.startsWith("https://huggingface.co/"));
    expect(card?.evaluator).toEqual({ independent: false, org: null, name: null });
  });

  it("developers' cards: every entry names a tracked benchmark, and the Epoch map has no duplicate", async () => {
    const registry = await loadBenchmarkRegistry();
    const out = emptyParsedScores();
    await readCardScores(path.resolve("data/scores"), registry, out);
    expect(out.errors).toEqual([]);
    expect(out.scores.length).toBeGreaterThan(200);
    expect((await loadEpochModelMap()).get("Llama-2-70b-hf ")).toBe("llama-2-70b-hf"); // Epoch's id has a trailing space: kept exact
  });
});
