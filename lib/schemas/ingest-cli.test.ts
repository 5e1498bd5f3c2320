import { describe, expect, it } from "vitest";
import { parseIngestArgs, tokenizeArgs, UsageError } from "./ingest-cli";

describe("tokenizeArgs", () => {
  it("collects values after each flag", () => {
    expect(tokenizeArgs(["a.csv", "--repo", "x/y", "z/w", "--dry-run", "--min-params=2B"])).toEqual({ _: ["a.csv"], repo: ["x/y", "z/w"], "dry-run": [], "min-params": ["2B"] });
  });
});

describe("parseIngestArgs", () => {
  it("takes every file-based cross-check source of the registry, and no other source kind, as a subcommand", () => {
    expect(parseIngestArgs(["modelsdev", "data/sources/modelsdev"])).toEqual({ source: "modelsdev", dir: "data/sources/modelsdev", exclusions: "data/excluded.yaml", dryRun: false, verbose: false });
    expect(parseIngestArgs(["vllm-recipes", "x", "--exclusions", "e.yaml", "--dry-run"])).toMatchObject({ source: "vllm-recipes", dir: "x", exclusions: "e.yaml", dryRun: true });
    expect(() => parseIngestArgs(["correction", "x"])).toThrow(/unknown source correction/);
    expect(() => parseIngestArgs(["modelsdev"])).toThrow(/name one folder/);
    expect(() => parseIngestArgs(["modelsdev", "x", "--create"])).toThrow(/unknown option --create/);
  });

  it("parses hf with repos, orgs and flags", () => {
    expect(parseIngestArgs(["hf", "--repo", "deepseek-ai/DeepSeek-R1", "Qwen/Qwen3-32B", "--org", "deepseek-ai", "--min-params", "7B", "--dry-run"])).toMatchObject({
      source: "hf", repos: ["deepseek-ai/DeepSeek-R1", "Qwen/Qwen3-32B"], orgs: ["deepseek-ai"], all: false, minParams: 7_000_000_000, dryRun: true, create: false, json: false,
    });
  });
  it("defaults hf to every model of the database, and --from-dir to the recorded repos", () => {
    expect(parseIngestArgs(["hf"])).toMatchObject({ all: true, minParams: 1_000_000_000, concurrency: 4 });
    expect(parseIngestArgs(["hf", "--from-dir", "../shared/data/hf", "--json"])).toMatchObject({ all: false, fromDir: "../shared/data/hf", json: true });
  });
  it("parses epoch with its file", () => {
    expect(parseIngestArgs(["epoch", "x.csv", "--create"])).toEqual({ source: "epoch", file: "x.csv", create: true, dryRun: false, json: false, verbose: false });
    expect(parseIngestArgs(["curated"])).toEqual({ source: "curated", dir: undefined });
  });
  it.each([
    [["hf", "--repo", "not-a-repo"], /must be a Hugging Face repo id/],
    [["hf", "--repoo", "a/b"], /unknown option --repoo/],
    [["hf", "--dry-run", "yes"], /takes no value/],
    [["hf", "--min-params", "lots"], /--min-params: must be a whole number like 70000000000/],
    [["hf", "--concurrency", "0"], /concurrency/],
    [["hf", "--json"], /--json works without the database: name --repo, --org or --from-dir/],
    [["hf", "--repo", "a/b", "--json", "--create"], /cannot be combined/],
    [["hf", "deepseek-ai/DeepSeek-R1"], /repo ids go after --repo/],
    [["epoch"], /name one Epoch CSV file/],
    [["epoch", "a.csv", "b.csv"], /name one Epoch CSV file/],
    [["models-dev"], /unknown source models-dev/],
  ])("refuses %j", (argv, message) => {
    expect(() => parseIngestArgs(argv)).toThrow(UsageError);
    expect(() => parseIngestArgs(argv)).toThrow(message);
  });
  it("shows the usage with every error", () => {
    expect(() => parseIngestArgs([])).toThrow(/Usage:\n  npm run ingest -- curated/);
  });
});
