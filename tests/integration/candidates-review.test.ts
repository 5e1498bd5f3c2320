import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { decideCandidate } from "@/lib/data/candidates-review";
import { ingestCurated } from "@/lib/ingest/curated/run";
import { discoverReleases } from "@/lib/ingest/discover/run";
import { HfHubSource } from "@/lib/ingest/hf/source";
import { formInputText } from "@/lib/domain/field-display";
import type { ModelField } from "@/lib/domain/model-fields";
import { parseCandidateForm, type CandidateDecision } from "@/lib/schemas/candidate";
import { resetDatabase, testClient } from "../support/db-helpers";
import { fixtureConfig, startHfServer, type HfTestServer } from "../support/hf-server";

// The moderators' decisions on discovered repositories, through the same parser the form's action uses
// and the one write path, on a real database.
const TODAY = "2026-11-29";
const db = testClient();
const NEW_REPOS = JSON.parse(readFileSync(path.resolve("tests/fixtures/hf/discovery/new-repos.json"), "utf8")) as Record<string, unknown>;
let server: HfTestServer;
const FLASH = "deepseek-ai/DeepSeek-V4-Flash";
const CARD = "https://huggingface.co/deepseek-ai/DeepSeek-V4-Flash";

afterAll(() => db.$disconnect());
beforeEach(async () => {
  await resetDatabase(db);
  await ingestCurated(db, path.resolve("tests/fixtures/curated-small"), { today: TODAY });
  server = await startHfServer({ empty: true });
  server.setInfo(FLASH, NEW_REPOS[FLASH]);
  server.setConfig(FLASH, fixtureConfig(FLASH));
  await discoverReleases(db, { source: new HfHubSource(server.url, { retries: 0 }), authors: [{ author: "deepseek-ai", organization: "deepseek" }], today: TODAY, exclusionsFile: "tests/fixtures/none.yaml" });
});
afterEach(() => server.close());

const candidateId = async () => (await db.candidate.findUniqueOrThrow({ where: { repoId: FLASH } })).id;
/** The form as a moderator sends it: the proposed values, plus what they fill in. */
async function acceptForm(extra: Record<string, string | string[]> = {}): Promise<CandidateDecision> {
  const c = await db.candidate.findUniqueOrThrow({ where: { repoId: FLASH } });
  const proposed = c.proposed as Record<string, { value: unknown; url: string }>;
  const values: Record<string, unknown> = {};
  const urls: Record<string, unknown> = {};
  for (const [field, p] of Object.entries(proposed)) {
    values[field] = formInputText(field as ModelField, p.value);
    urls[field] = p.url;
  }
  Object.assign(values, { name: "DeepSeek-V4-Flash", family: "DeepSeek-V4", variant: "instruct", activeParams: "13B", contextWindow: "1048576", licenseId: "deepseek", modalities: ["text"] });
  Object.assign(urls, { activeParams: CARD, contextWindow: CARD, licenseId: CARD, modalities: CARD, family: CARD, variant: CARD });
  for (const [k, v] of Object.entries(extra)) {
    if (k.startsWith("u.")) urls[k.slice(2)] = v;
    else values[k] = v;
  }
  const parsed = parseCandidateForm({ decision: "accept", slug: "deepseek-v4-flash", mergeInto: "", reason: "", values, urls });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
  return parsed.data;
}

describe("reviewing a candidate", () => {
  it("accepting writes a new record as the moderator's values, keeps the Hub's beside them, and links the candidate", async () => {
    const id = await candidateId();
    const result = await decideCandidate(id, await acceptForm({ totalParams: "284B", "u.totalParams": "https://api-docs.deepseek.com/news/news260420" }), { today: TODAY });
    expect(result).toMatchObject({ ok: true, decision: "accepted", model: { slug: "deepseek-v4-flash" } });
    const model = await db.model.findUniqueOrThrow({ where: { slug: "deepseek-v4-flash" }, include: { fieldSources: true, revisions: true } });
    expect(model).toMatchObject({ name: "DeepSeek-V4-Flash", totalParams: 284_000_000_000n, activeParams: 13_000_000_000n, architecture: "moe", contextWindow: 1048576, licenseId: "deepseek", openWeights: true, hfRepoId: FLASH });
    const source = (field: string, kind: string) => model.fieldSources.find((s) => s.field === field && s.sourceKind === kind);
    expect(source("totalParams", "moderator")).toMatchObject({ value: 284000000000, sourceUrl: "https://api-docs.deepseek.com/news/news260420" });
    // The Hub's own reading is kept beside it, as the Hub's.
    expect(source("totalParams", "huggingface")).toMatchObject({ value: 284000000000, sourceUrl: CARD });
    expect(source("architecture", "huggingface")).toMatchObject({ value: "moe", sourceUrl: `${CARD}/blob/main/config.json` });
    expect(source("name", "huggingface")).toBeUndefined();
    expect(model.revisions.length).toBeGreaterThan(5);
    expect(model.revisions.every((r) => r.reason === `accepted candidate #${id} (${FLASH})`)).toBe(true);
    expect(await db.candidate.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "accepted", modelId: model.id });
    // Decided once: a second moderator's decision is refused and changes nothing.
    expect(await decideCandidate(id, { decision: "dismiss", reason: "dup" })).toMatchObject({ ok: false, message: expect.stringMatching(/already decided \(accepted\)/) });
  });

  it("refuses a record that breaks the rules, says which fields, and changes nothing", async () => {
    const id = await candidateId();
    const result = await decideCandidate(id, await acceptForm({ activeParams: "400B" }), { today: TODAY });
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/Nothing was changed/), fieldErrors: { activeParams: expect.any(String) } });
    expect(await db.model.findUnique({ where: { slug: "deepseek-v4-flash" } })).toBeNull();
    expect((await db.candidate.findUniqueOrThrow({ where: { id } })).status).toBe("pending");
  });

  it("refuses an id a record has, and names it", async () => {
    const id = await candidateId();
    const form = await acceptForm();
    const result = await decideCandidate(id, { ...(form as Extract<CandidateDecision, { decision: "accept" }>), slug: "deepseek-v3" });
    expect(result).toMatchObject({ ok: false, fieldErrors: { slug: "is taken by a record" } });
    expect((await db.candidate.findUniqueOrThrow({ where: { id } })).status).toBe("pending");
  });

  it("merging remembers the record; dismissing needs a reason and is remembered", async () => {
    const id = await candidateId();
    expect(await decideCandidate(id, { decision: "merge", into: "no-such-model", reason: "" })).toMatchObject({ ok: false, fieldErrors: { mergeInto: expect.any(String) } });
    expect(await decideCandidate(id, { decision: "merge", into: "deepseek-v3", reason: "a later checkpoint of V3" })).toMatchObject({ ok: true, decision: "merged", model: { slug: "deepseek-v3" } });
    const v3 = await db.model.findUniqueOrThrow({ where: { slug: "deepseek-v3" } });
    expect(await db.candidate.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "merged", modelId: v3.id, reviewReason: "a later checkpoint of V3" });
    expect(v3.hfRepoId).toBe("deepseek-ai/DeepSeek-V3");

    expect(parseCandidateForm({ decision: "dismiss", slug: "", mergeInto: "", reason: "  ", values: {}, urls: {} })).toMatchObject({ ok: false, fieldErrors: { reason: expect.stringMatching(/required to dismiss/) } });
    expect(parseCandidateForm({ decision: "promote", slug: "", mergeInto: "", reason: "", values: {}, urls: {} })).toMatchObject({ ok: false, message: "Choose accept, merge or dismiss." });
  });

  it("a value without the page that shows it is refused by the form", async () => {
    const parsed = parseCandidateForm({ decision: "accept", slug: "x", mergeInto: "", reason: "", values: { contextWindow: "131072" }, urls: { contextWindow: "" } });
    expect(parsed).toMatchObject({ ok: false, fieldErrors: { "u.contextWindow": expect.stringMatching(/is required/) } });
  });
});
