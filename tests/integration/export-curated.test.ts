import { cp, mkdtemp, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { decideCandidate } from "@/lib/data/candidates-review";
import { rowToValues, modelSelect } from "@/lib/data/write-path";
import { ingestCurated } from "@/lib/ingest/curated/run";
import { exportCurated } from "@/lib/ingest/curated/export";
import { loadCuratedDataset } from "@/lib/ingest/curated/dataset";
import { discoverReleases } from "@/lib/ingest/discover/run";
import { HfHubSource } from "@/lib/ingest/hf/source";
import { parseCandidateForm } from "@/lib/schemas/candidate";
import { resetDatabase, testClient } from "../support/db-helpers";
import { fixtureConfig, startHfServer } from "../support/hf-server";

// An accepted candidate written back into the curated files: the dataset in git absorbs it, and a
// database rebuilt from those files has the same record.
const TODAY = "2026-11-29";
const db = testClient();
afterAll(() => db.$disconnect());

describe("npm run export -- curated", () => {
  it("writes an accepted record into its organization's file, once, and a rebuild from the files has the same record", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "atlas-curated-"));
    await cp(path.resolve("tests/fixtures/curated-small"), dir, { recursive: true });
    await resetDatabase(db);
    await ingestCurated(db, dir, { today: TODAY });

    const server = await startHfServer({ empty: true });
    const repo = "deepseek-ai/DeepSeek-V4-Flash";
    const bodies = JSON.parse(await readFile(path.resolve("tests/fixtures/hf/discovery/new-repos.json"), "utf8")) as Record<string, unknown>;
    server.setInfo(repo, bodies[repo]);
    server.setConfig(repo, fixtureConfig(repo));
    await discoverReleases(db, { source: new HfHubSource(server.url, { retries: 0 }), authors: [{ author: "deepseek-ai", organization: "deepseek" }], today: TODAY, exclusionsFile: "tests/fixtures/none.yaml" });
    await server.close();

    const card = "https://huggingface.co/deepseek-ai/DeepSeek-V4-Flash";
    const page = "https://api-docs.deepseek.com/news/news260420";
    const values = { name: "DeepSeek-V4-Flash", family: "DeepSeek-V4", variant: "instruct", developers: "deepseek", releaseDate: "2026-04-20", totalParams: "284B", activeParams: "13B", architecture: "moe", routedExperts: "256", expertsPerToken: "6", contextWindow: "1048576", licenseId: "deepseek", openWeights: "yes", hfRepoId: repo, modalities: ["text"] };
    const urls = Object.fromEntries(Object.keys(values).map((f) => [f, f === "totalParams" || f === "activeParams" ? page : card]));
    const form = parseCandidateForm({ decision: "accept", slug: "deepseek-v4-flash", mergeInto: "", reason: "Checked against the card and the release note.", values, urls });
    if (!form.ok) throw new Error(JSON.stringify(form.fieldErrors));
    const candidate = await db.candidate.findUniqueOrThrow({ where: { repoId: repo } });
    expect(await decideCandidate(candidate.id, form.data, { now: new Date("2026-11-29T10:00:00Z"), today: TODAY })).toMatchObject({ ok: true });
    const before = rowToValues(await db.model.findUniqueOrThrow({ where: { slug: "deepseek-v4-flash" }, select: modelSelect }));

    const result = await exportCurated(db, dir, { today: TODAY });
    expect(result.written).toEqual([{ slug: "deepseek-v4-flash", file: path.join(path.basename(dir), "models.yaml") }]);
    const text = await readFile(path.join(dir, "models.yaml"), "utf8");
    expect(text).toContain("slug: deepseek-v4-flash");
    expect(text).toContain("checked: 2026-11-29");
    const record = (await loadCuratedDataset(dir, TODAY)).models.find((m) => m.slug === "deepseek-v4-flash")!;
    expect(record.sources.totalParams).toBe(page);
    expect(record.sources.contextWindow).toBe(card);
    expect(record.notes).toBe("Checked against the card and the release note.");

    // A second run finds it in the files and writes nothing.
    expect(await exportCurated(db, dir, { today: TODAY })).toMatchObject({ written: [], alreadyCurated: ["deepseek-v4-flash"] });
    expect(await readFile(path.join(dir, "models.yaml"), "utf8")).toBe(text);

    // Rebuild from the files alone: the record is there with the same values.
    await resetDatabase(db);
    await ingestCurated(db, dir, { today: TODAY });
    const after = rowToValues(await db.model.findUniqueOrThrow({ where: { slug: "deepseek-v4-flash" }, select: modelSelect }));
    expect(after).toEqual(before);
  });
});
