import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { startIngestRun } from "@/lib/data/ingest-runs";
import { createModels, readModels, writeModel, WriteRejectedError, type FieldInputs, type NewModel, type SourceBatch } from "@/lib/data/write-path";
import { NULL_MODEL_VALUES, type ModelValues } from "@/lib/domain/model-fields";
import { resetDatabase, testClient } from "../support/db-helpers";

// What createModels (the bulk path for new models) stores, pinned column by column, and checked against
// what writeModel (the single write path) stores for the same inputs.

const TODAY = "2026-11-29";
const db = testClient();

afterAll(() => db.$disconnect());
beforeEach(() => resetDatabase(db));

async function seedReferenceRows() {
  await db.license.createMany({
    data: [
      { id: "apache-2.0", name: "Apache License 2.0", category: "permissive", url: "https://www.apache.org/licenses/LICENSE-2.0" },
      { id: "other", name: "Other", category: "restricted", url: "https://example.org/license" },
    ],
  });
  const retrievedAt = new Date("2026-01-01T00:00:00Z");
  for (const slug of ["org-a", "org-b", "org-c"]) {
    await db.organization.create({ data: { slug, name: slug.toUpperCase(), country: "US", kind: "lab", website: null, sourceUrl: `https://example.org/${slug}`, retrievedAt } });
  }
}

/** Every field, each with its own URL (so a row's URL says which field it came from). */
function inputsOf(values: Partial<ModelValues>, url = "https://example.org/src"): FieldInputs {
  const base: ModelValues = {
    ...NULL_MODEL_VALUES,
    name: "Model",
    family: "Family",
    variant: "base",
    developers: ["org-a"],
    announcedDate: "2025-01-02",
    releaseDate: "2025-01-03",
    totalParams: 7_000_000_000,
    activeParams: 7_000_000_000,
    architecture: "dense",
    routedExperts: null,
    expertsPerToken: null,
    sharedExperts: null,
    contextWindow: 32768,
    maxPositionEmbeddings: null,
    licenseId: "apache-2.0",
    openWeights: true,
    hfRepoId: null,
    baseModel: null,
    modalities: ["text"],
  };
  const all = { ...base, ...values };
  const inputs: FieldInputs = {};
  for (const [field, value] of Object.entries(all)) (inputs as Record<string, unknown>)[field] = { value, url: `${url}#${field}` };
  return inputs;
}

/** A batch of new models covering NULLs, bigints past 32 bits, MoE columns, several developers, odd strings, bases in and out of the batch. */
function sampleModels(): NewModel[] {
  return [
    { slug: "stored-base-child", inputs: inputsOf({ name: "Child of stored", baseModel: "stored-base", variant: "instruct" }), notes: "derives from a stored model" },
    // The derivative comes before its base in the batch: the base is still found.
    { slug: "moe-instruct", inputs: inputsOf({ name: "MoE Instruct", variant: "instruct", baseModel: "moe-base", architecture: "moe", totalParams: 671_000_000_000, activeParams: 37_000_000_000, routedExperts: 256, expertsPerToken: 8, sharedExperts: 1, hfRepoId: "Org/MoE-Instruct", developers: ["org-c", "org-a", "org-b"], modalities: ["text", "image"] }) },
    { slug: "moe-base", inputs: inputsOf({ name: "MoE Base", architecture: "moe", totalParams: 671_000_000_000, activeParams: 37_000_000_000, routedExperts: 256, expertsPerToken: 8, sharedExperts: null, maxPositionEmbeddings: 163840, hfRepoId: "Org/MoE-Base" }), notes: null },
    {
      slug: "odd-strings",
      // Quotes, backslashes, braces, commas, NULL-looking text and non-ASCII survive as they are.
      inputs: inputsOf({ name: 'Odd "quoted" \\ {braces}, NULL', family: "Fämily – ünïcode ✓", hfRepoId: "org/odd.model-v1", modalities: ["image", "text", "audio"], openWeights: false, licenseId: "other" }, 'https://example.org/q?a="1",b={2}\\'),
      notes: 'a note with "quotes", {braces} and \\ backslash',
    },
    // Unknown values: no totals, no dates beyond the release, no context; a field given as null and one not given at all.
    {
      slug: "sparse",
      inputs: (() => {
        const inputs = inputsOf({ name: "Sparse", announcedDate: null, totalParams: null, activeParams: null, contextWindow: null, modalities: [] });
        delete inputs.hfRepoId;
        return inputs;
      })(),
    },
  ];
}

async function createStoredBase(batch: SourceBatch) {
  await writeModel(db, "stored-base", inputsOf({ name: "Stored base", hfRepoId: "Org/Stored-Base" }), batch, { today: TODAY });
}

/** What is stored of the given models, by slug, without ids and clocks. */
async function snapshot(slugs: string[]) {
  const models = await db.$queryRawUnsafe<Record<string, unknown>[]>(
    `SELECT m.slug, m.name, m.family, m.variant, po.slug AS "primaryOrganization", m."announcedDate"::text, m."releaseDate"::text,
            m."totalParams"::text, m."activeParams"::text, m.architecture, m."routedExperts", m."expertsPerToken", m."sharedExperts",
            m."contextWindow", m."maxPositionEmbeddings", m."licenseId", m."openWeights", m."hfRepoId", b.slug AS "baseModel",
            m.modalities, m.notes, m."createdAt" = m."updatedAt" AS "createdIsUpdated",
            (SELECT array_agg(o.slug ORDER BY d.position) FROM "ModelDeveloper" d JOIN "Organization" o ON o.id = d."organizationId" WHERE d."modelId" = m.id) AS developers,
            (SELECT array_agg(d.position ORDER BY d.position) FROM "ModelDeveloper" d WHERE d."modelId" = m.id) AS positions
       FROM "Model" m JOIN "Organization" po ON po.id = m."primaryOrganizationId" LEFT JOIN "Model" b ON b.id = m."baseModelId"
      WHERE m.slug = ANY($1) ORDER BY m.slug`,
    slugs,
  );
  const sources = await db.$queryRawUnsafe<Record<string, unknown>[]>(
    `SELECT m.slug, f.field, f."sourceKind", f.value::text AS value, jsonb_typeof(f.value) AS "valueType", f."sourceUrl", f."retrievedAt"
       FROM "FieldSource" f JOIN "Model" m ON m.id = f."modelId" WHERE m.slug = ANY($1) ORDER BY m.slug, f.field`,
    slugs,
  );
  const revisions = await db.$queryRawUnsafe<Record<string, unknown>[]>(
    `SELECT m.slug, r.field, r."oldValue" IS NULL AS "oldIsSqlNull", r."newValue"::text AS "newValue", jsonb_typeof(r."newValue") AS "newType",
            r."sourceKind", r."sourceUrl", r.reason, r."ingestRunId", r."correctionId"
       FROM "Revision" r JOIN "Model" m ON m.id = r."modelId" WHERE m.slug = ANY($1) ORDER BY m.slug, r.field`,
    slugs,
  );
  return { models, sources, revisions };
}

const slugsOf = (models: NewModel[]) => models.map((m) => m.slug);

describe("createModels", () => {
  it("stores the same rows as writeModel for the same new models", async () => {
    await seedReferenceRows();
    const runId = await startIngestRun(db, "curated");
    const batch: SourceBatch = { kind: "curated", retrievedAt: new Date("2026-11-28T12:34:56.789Z"), reason: "curated dataset", ingestRunId: runId };
    await createStoredBase(batch);
    const models = sampleModels();
    expect(await db.$transaction((tx) => createModels(tx, models, batch, { today: TODAY }))).toBe(models.length);
    const bulk = await snapshot(slugsOf(models));

    await resetDatabase(db);
    await seedReferenceRows();
    const runId2 = await startIngestRun(db, "curated");
    expect(runId2).toBe(runId);
    await createStoredBase(batch);
    // writeModel needs each base stored first.
    const order = ["moe-base", ...slugsOf(models).filter((s) => s !== "moe-base")];
    for (const slug of order) {
      const m = models.find((x) => x.slug === slug)!;
      await writeModel(db, m.slug, m.inputs, batch, { notes: m.notes, today: TODAY });
    }
    const one = await snapshot(slugsOf(models));

    expect(bulk.models).toHaveLength(models.length);
    expect(bulk).toEqual(one);
  });

  it("pins the columns, developers, sources and revisions it writes", async () => {
    await seedReferenceRows();
    const runId = await startIngestRun(db, "curated");
    const retrievedAt = new Date("2026-11-28T12:34:56.789Z");
    const batch: SourceBatch = { kind: "curated", retrievedAt, reason: "bulk test", ingestRunId: runId };
    await createStoredBase(batch);
    const before = await db.dataVersion.findUniqueOrThrow({ where: { id: 1 } });
    const models = sampleModels();
    await db.$transaction((tx) => createModels(tx, models, batch, { today: TODAY }));
    const { models: rows, sources, revisions } = await snapshot(slugsOf(models));
    const row = (slug: string) => rows.find((r) => r.slug === slug)!;

    expect(row("moe-instruct")).toMatchObject({
      name: "MoE Instruct", family: "Family", variant: "instruct", primaryOrganization: "org-c", announcedDate: "2025-01-02", releaseDate: "2025-01-03",
      totalParams: "671000000000", activeParams: "37000000000", architecture: "moe", routedExperts: 256, expertsPerToken: 8, sharedExperts: 1,
      contextWindow: 32768, maxPositionEmbeddings: null, licenseId: "apache-2.0", openWeights: true, hfRepoId: "Org/MoE-Instruct", baseModel: "moe-base",
      modalities: ["text", "image"], notes: null, createdIsUpdated: true,
      developers: ["org-c", "org-a", "org-b"], positions: [0, 1, 2],
    });
    expect(row("moe-base")).toMatchObject({ baseModel: null, sharedExperts: null, maxPositionEmbeddings: 163840, developers: ["org-a"], positions: [0] });
    expect(row("stored-base-child")).toMatchObject({ baseModel: "stored-base", notes: "derives from a stored model" });
    expect(row("odd-strings")).toMatchObject({
      name: 'Odd "quoted" \\ {braces}, NULL', family: "Fämily – ünïcode ✓", modalities: ["image", "text", "audio"], openWeights: false, licenseId: "other",
      notes: 'a note with "quotes", {braces} and \\ backslash',
    });
    expect(row("sparse")).toMatchObject({ announcedDate: null, totalParams: null, activeParams: null, contextWindow: null, hfRepoId: null, modalities: [], notes: null });

    // One source and one revision per non-null value (18 of 19 for the MoE model without maxPositionEmbeddings);
    // none for a null or a missing input.
    const fieldsOf = (list: Record<string, unknown>[], slug: string) => list.filter((s) => s.slug === slug).map((s) => s.field);
    expect(fieldsOf(sources, "sparse").sort()).toEqual(["architecture", "developers", "family", "licenseId", "modalities", "name", "openWeights", "releaseDate", "variant"]);
    expect(fieldsOf(revisions, "sparse")).toEqual(fieldsOf(sources, "sparse"));
    expect(fieldsOf(sources, "moe-instruct")).toHaveLength(18);
    expect(sources.every((s) => s.sourceKind === "curated" && (s.retrievedAt as Date).getTime() === retrievedAt.getTime())).toBe(true);
    expect(sources.every((s) => (s.sourceUrl as string).endsWith(`#${s.field as string}`))).toBe(true);

    const source = (slug: string, field: string) => sources.find((s) => s.slug === slug && s.field === field)!;
    expect(source("moe-instruct", "totalParams")).toMatchObject({ value: "671000000000", valueType: "number" });
    expect(source("moe-instruct", "developers")).toMatchObject({ value: '["org-c", "org-a", "org-b"]', valueType: "array" });
    expect(source("moe-instruct", "openWeights")).toMatchObject({ value: "true", valueType: "boolean" });
    expect(source("moe-instruct", "releaseDate")).toMatchObject({ value: '"2025-01-03"', valueType: "string" });
    expect(source("sparse", "modalities")).toMatchObject({ value: "[]", valueType: "array" });
    expect(source("odd-strings", "name")).toMatchObject({ value: JSON.stringify('Odd "quoted" \\ {braces}, NULL'), valueType: "string", sourceUrl: 'https://example.org/q?a="1",b={2}\\#name' });

    // Revisions: no old value (SQL NULL, not JSON null), the new value as the source has it.
    expect(revisions).toHaveLength(sources.length);
    for (const r of revisions) {
      const s = source(r.slug as string, r.field as string);
      expect(r).toMatchObject({ oldIsSqlNull: true, newValue: s.value, newType: s.valueType, sourceKind: "curated", sourceUrl: s.sourceUrl, reason: "bulk test", ingestRunId: runId, correctionId: null });
    }
    // The statement-level triggers moved the data version.
    expect((await db.dataVersion.findUniqueOrThrow({ where: { id: 1 } })).version).toBeGreaterThan(before.version);
  });

  it("records a correction's id and no ingest run", async () => {
    await seedReferenceRows();
    const curated: SourceBatch = { kind: "curated", retrievedAt: new Date(), reason: "setup" };
    await createStoredBase(curated);
    const stored = await db.model.findUniqueOrThrow({ where: { slug: "stored-base" } });
    const correction = await db.correction.create({
      data: { submissionId: "00000000-0000-4000-8000-000000000001", modelId: stored.id, field: "name", proposedValue: "x", evidenceUrl: "https://example.org", clientKey: "k" },
    });
    const batch: SourceBatch = { kind: "correction", retrievedAt: new Date(), reason: "accepted correction", correctionId: correction.id };
    await createModels(db, [{ slug: "corrected", inputs: inputsOf({ name: "Corrected" }) }], batch, { today: TODAY });
    const revisions = await db.revision.findMany({ where: { model: { slug: "corrected" } } });
    expect(revisions.length).toBe(13);
    expect(revisions.every((r) => r.sourceKind === "correction" && r.correctionId === correction.id && r.ingestRunId === null && r.reason === "accepted correction")).toBe(true);
  });

  it("returns 0 and writes nothing for an empty batch", async () => {
    await seedReferenceRows();
    const before = await db.dataVersion.findUniqueOrThrow({ where: { id: 1 } });
    expect(await createModels(db, [], { kind: "curated", retrievedAt: new Date(), reason: "x" })).toBe(0);
    expect((await db.dataVersion.findUniqueOrThrow({ where: { id: 1 } })).version).toBe(before.version);
  });

  it("hands writeModel the rows readModels read in bulk: the same outcomes as its own read", async () => {
    await seedReferenceRows();
    const batch: SourceBatch = { kind: "curated", retrievedAt: new Date(), reason: "x" };
    const models = sampleModels().filter((m) => m.slug !== "stored-base-child");
    await createModels(db, models, batch, { today: TODAY });
    const changed = { ...models[0]!.inputs, contextWindow: { value: 65536, url: "https://example.org/new" } };
    const outcomes = await db.$transaction(async (tx) => {
      const rows = await readModels(tx, [...models.map((m) => m.slug), "not-stored"]);
      expect([...rows.keys()].sort()).toEqual(models.map((m) => m.slug).sort());
      await expect(writeModel(tx, "moe-base", models[1]!.inputs, batch, { today: TODAY, existing: rows.get("odd-strings")! })).rejects.toThrow(/handed the stored row of odd-strings/);
      const out = [await writeModel(tx, models[0]!.slug, changed, batch, { today: TODAY, existing: rows.get(models[0]!.slug)! })];
      for (const m of models.slice(1)) out.push(await writeModel(tx, m.slug, m.inputs, batch, { notes: m.notes, today: TODAY, existing: rows.get(m.slug)! }));
      return out;
    });
    expect(outcomes.map((o) => o.outcome)).toEqual(["updated", "unchanged", "unchanged", "unchanged"]);
    expect(outcomes[0]!.changed).toEqual(["contextWindow"]);
    expect((await db.model.findUniqueOrThrow({ where: { slug: models[0]!.slug } })).contextWindow).toBe(65536);
  });

  describe("rejects the whole batch, and its transaction writes nothing", () => {
    const batch: SourceBatch = { kind: "curated", retrievedAt: new Date(), reason: "x" };
    const attempt = async (models: NewModel[]) => {
      await seedReferenceRows();
      const error = await db.$transaction((tx) => createModels(tx, models, batch, { today: TODAY })).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(WriteRejectedError);
      expect(await db.model.count()).toBe(0);
      expect(await db.fieldSource.count()).toBe(0);
      expect(await db.revision.count()).toBe(0);
      expect(await db.modelDeveloper.count()).toBe(0);
      return error as WriteRejectedError;
    };

    it("a model that breaks a rule", async () => {
      const e = await attempt([
        { slug: "fine", inputs: inputsOf({}) },
        { slug: "bad", inputs: inputsOf({ activeParams: 8_000_000_000 }) },
      ]);
      expect(e.slug).toBe("bad");
      expect(e.problems).toContainEqual({ field: "activeParams", message: "active (8000000000) exceeds total (7000000000)" });
    });

    it("a model without a required value", async () => {
      const e = await attempt([{ slug: "no-release", inputs: inputsOf({ releaseDate: null as unknown as string }) }]);
      expect(e.problems).toEqual([{ field: "releaseDate", message: "is required for a new model" }]);
    });

    it("an unknown organization", async () => {
      const e = await attempt([{ slug: "fine", inputs: inputsOf({}) }, { slug: "orphan", inputs: inputsOf({ developers: ["org-a", "nobody"] }) }]);
      expect(e).toMatchObject({ slug: "orphan", problems: [{ field: "developers", message: "unknown organization nobody" }] });
    });

    it("an unknown base model (after the models were inserted: the rollback takes them away)", async () => {
      const e = await attempt([{ slug: "fine", inputs: inputsOf({}) }, { slug: "derived", inputs: inputsOf({ baseModel: "missing" }) }]);
      expect(e).toMatchObject({ slug: "derived", problems: [{ field: "baseModel", message: "unknown base model missing" }] });
    });
  });
});
