import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { listAcceptedChanges, listModelChanges } from "@/lib/data/corrections/changes";
import { listCorrectionDisagreements, listPendingCorrections } from "@/lib/data/corrections/queue";
import { acceptCorrection, acceptCorrections, rejectCorrection } from "@/lib/data/corrections/review";
import { getSubmission } from "@/lib/data/corrections/status";
import { createCorrections } from "@/lib/data/corrections/submit";
import { ingestCurated } from "@/lib/ingest/curated/run";
import { CORRECTION_LIMITS, readCorrectionForm } from "@/lib/schemas/correction";
import { resetDatabase, testClient } from "../support/db-helpers";

const FIXTURE = path.resolve("tests/fixtures/curated-small");
const TODAY = "2026-11-29";
const NOW = new Date("2026-11-29T12:00:00Z");
const EVIDENCE = "https://arxiv.org/abs/2412.19437";
const db = testClient();

afterAll(() => db.$disconnect());
beforeEach(async () => {
  await resetDatabase(db);
  await ingestCurated(db, FIXTURE, { today: TODAY });
});

type Fields = Record<string, string | string[] | Blob | undefined>;

/** The form as the browser sends it, read exactly as the server action reads it. */
function formOf(fields: Fields): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) form.append(key, v);
  }
  return form;
}

const VALID: Fields = { "f.contextWindow": "163840", evidenceUrl: EVIDENCE, note: "", contactEmail: "", website: "" };

function submit(fields: Fields, options: { slug?: string; clientKey?: string; now?: Date } = {}) {
  return createCorrections(options.slug ?? "deepseek-v3", readCorrectionForm(formOf({ ...VALID, ...fields })), {
    clientKey: options.clientKey ?? "client-a",
    now: options.now ?? NOW,
    today: TODAY,
  });
}

const big = (n: number) => "x".repeat(n);

/**
 * Hostile or broken input to the public form: each case gets its own specific error (on the field it
 * concerns, or as the form's message) and stores nothing.
 */
const HOSTILE: { name: string; fields: Fields; slug?: string; field?: string; error: RegExp }[] = [
  // Oversized fields
  { name: "an oversized note", fields: { note: big(CORRECTION_LIMITS.note + 1) }, field: "note", error: /too long: at most 2,000 characters/ },
  { name: "an oversized name", fields: { "f.name": big(201) }, field: "name", error: /too long: at most 200 characters/ },
  { name: "an oversized evidence URL", fields: { evidenceUrl: `https://example.org/${big(2001)}` }, field: "evidenceUrl", error: /too long: at most 2,000 characters/ },
  { name: "an oversized email", fields: { contactEmail: `${big(250)}@example.org` }, field: "contactEmail", error: /too long/ },
  { name: "a megabyte-long count", fields: { "f.totalParams": "9".repeat(1_000_000) }, field: "totalParams", error: /far too large/ },
  // HTML and script
  { name: "a script tag in the note", fields: { note: "<script>alert(1)</script>" }, field: "note", error: /looks like HTML/ },
  { name: "markup in the name", fields: { "f.name": "<b>DeepSeek</b>-V3" }, field: "name", error: /looks like HTML/ },
  { name: "an img onerror in the family", fields: { "f.family": '<img src=x onerror="alert(1)">' }, field: "family", error: /looks like HTML/ },
  { name: "a script tag as a count", fields: { "f.contextWindow": "<script>1</script>" }, field: "contextWindow", error: /whole number/ },
  // Control characters
  { name: "a NUL in the name", fields: { "f.name": "Deep\u0000Seek" }, field: "name", error: /control or invisible/ },
  { name: "an escape sequence in the note", fields: { note: "see \u001b[31mhere" }, field: "note", error: /control or invisible/ },
  { name: "a right-to-left override in the family", fields: { "f.family": "DeepSeek\u202eV3" }, field: "family", error: /control or invisible/ },
  { name: "a newline in a one-line field", fields: { "f.hfRepoId": "deepseek-ai/x\nevil" }, field: "hfRepoId", error: /control or invisible/ },
  // Bad URLs
  { name: "a javascript: evidence URL", fields: { evidenceUrl: "javascript:alert(document.cookie)" }, field: "evidenceUrl", error: /http or https URL/ },
  { name: "a data: evidence URL", fields: { evidenceUrl: "data:text/html,<script>alert(1)</script>" }, field: "evidenceUrl", error: /http or https URL/ },
  { name: "an ftp evidence URL", fields: { evidenceUrl: "ftp://example.org/file" }, field: "evidenceUrl", error: /http or https URL/ },
  { name: "a localhost evidence URL", fields: { evidenceUrl: "http://localhost:3000/admin" }, field: "evidenceUrl", error: /public web address/ },
  { name: "an evidence URL with credentials", fields: { evidenceUrl: "https://user:secret@example.org/" }, field: "evidenceUrl", error: /user name or password/ },
  { name: "no evidence", fields: { evidenceUrl: "" }, field: "evidenceUrl", error: /is required/ },
  { name: "a malformed email", fields: { contactEmail: "not-an-email" }, field: "contactEmail", error: /not an email address/ },
  // Wrong types
  { name: "words as a count", fields: { "f.totalParams": "lots" }, field: "totalParams", error: /must be a whole number like 70000000000, 70,000,000,000, 70e9 or 70B/ },
  { name: "a fraction as an expert count", fields: { "f.routedExperts": "2.5" }, field: "routedExperts", error: /whole number/ },
  { name: "a date in the wrong format", fields: { "f.releaseDate": "26/12/2024" }, field: "releaseDate", error: /YYYY-MM-DD/ },
  { name: "an impossible date", fields: { "f.releaseDate": "2024-02-30" }, field: "releaseDate", error: /YYYY-MM-DD/ },
  { name: "neither yes nor no", fields: { "f.openWeights": "maybe" }, field: "openWeights", error: /choose yes or no/ },
  { name: "a variant that does not exist", fields: { "f.variant": "chat" }, field: "variant", error: /must be one of base, instruct/ },
  { name: "an unknown modality", fields: { "f.modalities": ["text", "smell"] }, field: "modalities", error: /must be among text, image/ },
  { name: "a file instead of a count", fields: { "f.contextWindow": new Blob(["163840"]) }, field: "contextWindow", error: /must be text/ },
  { name: "two values for a one-value field", fields: { "f.name": ["A", "B"] }, field: "name", error: /must be text/ },
  { name: "a malformed Hugging Face id", fields: { "f.hfRepoId": "not a repo" }, field: "hfRepoId", error: /org\/name/ },
  { name: "a malformed organization id", fields: { "f.developers": "Deep Seek!" }, field: "developers", error: /lowercase letters/ },
  // Unknown model or field, unknown references
  { name: "an unknown model", fields: {}, slug: "no-such-model", error: /no model “no-such-model”/ },
  { name: "a malformed model id", fields: {}, slug: "../../etc/passwd", error: /no model/ },
  { name: "an unknown field", fields: { "f.price": "12" }, error: /Unknown field “price”/ },
  { name: "an unknown license", fields: { "f.licenseId": "gpl-9" }, field: "licenseId", error: /not a license the atlas knows/ },
  { name: "an unknown developer", fields: { "f.developers": "deepseek, acme" }, field: "developers", error: /does not know: acme/ },
  { name: "an unknown base model", fields: { "f.baseModel": "gpt-5" }, field: "baseModel", error: /not a model in the atlas/ },
  { name: "the model as its own base", fields: { "f.baseModel": "deepseek-v3" }, field: "baseModel", error: /cannot be the model itself/ },
  { name: "a base model loop", fields: { "f.baseModel": "deepseek-v3" }, slug: "deepseek-v3-base", field: "baseModel", error: /would make a loop/ },
  // Negative and absurd numbers
  { name: "a negative context window", fields: { "f.contextWindow": "-5" }, field: "contextWindow", error: /must be a whole number like 70000000000/ },
  { name: "negative shared experts", fields: { "f.sharedExperts": "-1" }, field: "sharedExperts", error: /must be a whole number like 70000000000/ },
  { name: "zero parameters", fields: { "f.totalParams": "0" }, field: "totalParams", error: /below 10M/ },
  { name: "20 trillion parameters", fields: { "f.totalParams": "20T" }, field: "totalParams", error: /above 10T/ },
  { name: "a 21-digit count", fields: { "f.totalParams": "999999999999999999999" }, field: "totalParams", error: /far too large/ },
  { name: "an absurd context window", fields: { "f.contextWindow": "5000000000" }, field: "contextWindow", error: /above 100,000,000 tokens/ },
  { name: "a million experts", fields: { "f.routedExperts": "1000000" }, field: "routedExperts", error: /above 100,000/ },
  { name: "a release before 2000", fields: { "f.releaseDate": "1970-01-01" }, field: "releaseDate", error: /before 2000/ },
  { name: "a release in the future", fields: { "f.releaseDate": "2099-01-01" }, field: "releaseDate", error: /in the future \(today is 2026-11-29\)/ },
  // The write path's rules
  { name: "active above total", fields: { "f.activeParams": "700B" }, field: "activeParams", error: /active \(700000000000\) exceeds total/ },
  { name: "a total that breaks a rule on another field", fields: { "f.totalParams": "1.5B" }, error: /would break a rule.*Active parameters: active \(37000000000\) exceeds total/ },
  { name: "dense with experts", fields: { "f.architecture": "dense" }, error: /Routed experts: a dense model has no experts/ },
  // Equal to the value in use
  { name: "the current value", fields: { "f.contextWindow": "131072" }, field: "contextWindow", error: /already the current value \(128K tokens \(131,072\)\)/ },
  { name: "the current value, written differently", fields: { "f.contextWindow": undefined, "f.totalParams": "671B" }, field: "totalParams", error: /already the current value/ },
  // Not a person, or nothing at all
  { name: "a filled-in honeypot", fields: { website: "http://spam.example" }, error: /looks automated/ },
  { name: "nothing proposed", fields: { "f.contextWindow": "" }, error: /Propose at least one value/ },
  { name: "hundreds of junk keys", fields: Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`junk${i}`, "x"])), error: /far more fields than it has/ },
];

describe("the corrections form refuses hostile input", () => {
  it.each(HOSTILE)("$name", async ({ fields, slug, field, error }) => {
    const result = await submit(fields, { slug });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    if (field) {
      expect(result.fieldErrors[field]).toMatch(error);
    } else {
      expect(result.message).toMatch(error);
    }
    expect(await db.correction.count()).toBe(0);
  });

  it("refuses a duplicate submission, and stores the first one only", async () => {
    const first = await submit({ "f.contextWindow": "163840", note: "V3 paper, section 4.3" });
    expect(first.ok).toBe(true);
    // The same again, from the same person or anyone else.
    for (const clientKey of ["client-a", "client-b"]) {
      const again = await submit({ "f.contextWindow": "163,840", note: "again" }, { clientKey });
      expect(again).toMatchObject({ ok: false, fieldErrors: { contextWindow: expect.stringMatching(/already proposed with this same value and awaiting review/) } });
    }
    expect(await db.correction.count()).toBe(1);
  });

  it("keeps text as typed: a lone < is plain text, stored and returned unchanged", async () => {
    const result = await submit({ note: "context is < 128K per the card & the paper says \"160K\"" });
    expect(result.ok).toBe(true);
    const row = await db.correction.findFirstOrThrow();
    expect(row.note).toBe("context is < 128K per the card & the paper says \"160K\"");
  });
});

describe("submitting a correction", () => {
  it("stores one pending row per proposed field, in each field's type, with the value in use then", async () => {
    const result = await submit({
      "f.contextWindow": "163840",
      "f.totalParams": "672B",
      "f.modalities": ["image", "text"],
      "f.openWeights": "",
      "f.variant": "",
      evidenceUrl: "https://EXAMPLE.org/a b",
      note: "  Paper, table 3.  ",
      contactEmail: "Someone@Example.org",
    });
    expect(result).toMatchObject({ ok: true, fields: ["totalParams", "contextWindow", "modalities"] });
    if (!result.ok) return;
    const rows = await db.correction.findMany({ orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.field, r.proposedValue, r.currentValue])).toEqual([
      ["totalParams", 672_000_000_000, 671_000_000_000],
      ["contextWindow", 163840, 131072],
      ["modalities", ["text", "image"], ["text"]],
    ]);
    expect(new Set(rows.map((r) => r.submissionId))).toEqual(new Set([result.submissionId]));
    expect(rows[0]).toMatchObject({
      status: "pending", evidenceUrl: "https://example.org/a%20b", note: "Paper, table 3.", contactEmail: "someone@example.org", clientKey: "client-a", reviewedAt: null,
    });

    const view = await getSubmission(result.submissionId);
    expect(view?.model).toEqual({ slug: "deepseek-v3", name: "DeepSeek-V3" });
    expect(view?.items.map((i) => [i.label, i.proposed, i.status])).toEqual([
      ["Total parameters", "672B (672,000,000,000)", "pending"],
      ["Context window", "160K tokens (163,840)", "pending"],
      ["Input modalities", "text, image", "pending"],
    ]);
  });

  it("limits each client to 10 submissions an hour, across concurrent requests, and stores nothing beyond", async () => {
    // Twelve at once from one client (as from several app instances): the lock in Postgres admits ten.
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => submit({ "f.contextWindow": String(140_000 + i) }, { clientKey: "busy" })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(10);
    const refused = results.filter((r) => !r.ok);
    expect(refused).toHaveLength(2);
    expect(refused[0]).toMatchObject({ message: expect.stringMatching(/sent 10 corrections in the last hour.*try again in 60 minutes; nothing was stored/) });
    expect(await db.correction.count()).toBe(10);
    // Someone else is not affected, and the busy client may send again an hour later.
    expect((await submit({ "f.contextWindow": "150000" }, { clientKey: "other" })).ok).toBe(true);
    const later = new Date(NOW.getTime() + 61 * 60_000);
    expect((await submit({ "f.contextWindow": "150001" }, { clientKey: "busy", now: later })).ok).toBe(true);
  });
});

describe("moderating", () => {
  async function pendingIds(): Promise<number[]> {
    return (await db.correction.findMany({ where: { status: "pending" }, orderBy: { id: "asc" }, select: { id: true } })).map((r) => r.id);
  }

  it("lists pending submissions with the value in use and every source's value", async () => {
    await db.fieldSource.create({
      data: { model: { connect: { slug: "deepseek-v3" } }, field: "contextWindow", sourceKind: "huggingface", value: 163840, sourceUrl: "https://huggingface.co/deepseek-ai/DeepSeek-V3", retrievedAt: NOW },
    });
    await submit({ "f.contextWindow": "163840", note: "config says 160K", contactEmail: "a@example.org" });
    const queue = await listPendingCorrections();
    expect(queue).toHaveLength(1);
    expect(queue[0]).toMatchObject({ model: { slug: "deepseek-v3" }, evidenceUrl: EVIDENCE, note: "config says 160K", contactEmail: "a@example.org" });
    expect(queue[0]!.items[0]).toMatchObject({ label: "Context window", currentNow: "128K tokens (131,072)", proposed: "160K tokens (163,840)", changedSinceSent: false });
    expect(queue[0]!.items[0]!.sources.map((s) => [s.kind, s.value])).toEqual([
      ["curated", "128K tokens (131,072)"],
      ["huggingface", "160K tokens (163,840)"],
    ]);
  });

  it("accepts through the write path, in one transaction, with the correction as source and a linked revision", async () => {
    const sent = await submit({ "f.contextWindow": "163840", "f.maxPositionEmbeddings": "131072" });
    expect(sent.ok).toBe(true);
    const ids = await pendingIds();
    const result = await acceptCorrections(ids, "checked against the paper", { now: NOW, today: TODAY });
    expect(result).toMatchObject({ ok: true, decision: "accepted", changed: ["contextWindow", "maxPositionEmbeddings"] });

    const model = await db.model.findUniqueOrThrow({ where: { slug: "deepseek-v3" }, include: { fieldSources: { where: { sourceKind: "correction" } } } });
    expect(model.contextWindow).toBe(163840);
    expect(model.maxPositionEmbeddings).toBe(131072);
    expect(model.fieldSources.map((f) => [f.field, f.value, f.sourceUrl]).sort()).toEqual([
      ["contextWindow", 163840, EVIDENCE],
      ["maxPositionEmbeddings", 131072, EVIDENCE],
    ]);
    const revisions = await db.revision.findMany({ where: { correctionId: { not: null } }, orderBy: { field: "asc" } });
    expect(revisions.map((r) => [r.field, r.oldValue, r.newValue, r.sourceKind, r.sourceUrl, r.correctionId])).toEqual([
      ["contextWindow", 131072, 163840, "correction", EVIDENCE, ids[0]],
      ["maxPositionEmbeddings", 163840, 131072, "correction", EVIDENCE, ids[0]],
    ]);
    const rows = await db.correction.findMany();
    expect(rows.every((r) => r.status === "accepted" && r.reviewReason === "checked against the paper" && r.reviewedAt)).toBe(true);

    const { changes, total } = await listAcceptedChanges();
    expect(total).toBe(2);
    expect(changes.find((c) => c.field === "contextWindow")).toMatchObject({
      model: { slug: "deepseek-v3", name: "DeepSeek-V3" }, label: "Context window", oldDisplay: "128K tokens (131,072)", newDisplay: "160K tokens (163,840)",
      evidenceUrl: EVIDENCE, sourceKind: "correction", correctionId: ids[0],
    });
    const history = await listModelChanges("deepseek-v3");
    expect(history.length).toBe(19 + 2);
    expect(history.slice(0, 2).every((c) => c.correctionId === ids[0])).toBe(true);
    expect(await listModelChanges("deepseek-v3", { only: "corrections" })).toHaveLength(2);
    expect(await listModelChanges("no-such-model")).toEqual([]);
    expect((await getSubmission(sent.ok ? sent.submissionId : ""))?.items.map((i) => i.status)).toEqual(["accepted", "accepted"]);
  });

  it("keeps an accepted correction when a later ingest disagrees, records both values and shows the disagreement", async () => {
    await submit({ "f.contextWindow": "163840" });
    expect((await acceptCorrection((await pendingIds())[0]!, "", { now: NOW, today: TODAY })).ok).toBe(true);
    expect(await listCorrectionDisagreements()).toMatchObject([
      { model: { slug: "deepseek-v3" }, field: "contextWindow", corrected: { value: "160K tokens (163,840)" }, others: [{ kind: "curated", value: "128K tokens (131,072)" }] },
    ]);

    // The curated dataset changes its value; the re-run records it but the correction stays in use.
    const dir = await mkdtemp(path.join(os.tmpdir(), "atlas-curated-"));
    await cp(FIXTURE, dir, { recursive: true });
    const file = path.join(dir, "models.yaml");
    const yaml = await readFile(file, "utf8");
    const v3 = yaml.indexOf("slug: deepseek-v3\n");
    await writeFile(file, yaml.slice(0, v3) + yaml.slice(v3).replace("contextWindow: 131072", "contextWindow: 65536"));
    const revisionsBefore = await db.revision.count();
    const rerun = await ingestCurated(db, dir, { today: TODAY });
    expect(rerun.failed).toBe(0);

    const model = await db.model.findUniqueOrThrow({ where: { slug: "deepseek-v3" }, include: { fieldSources: { where: { field: "contextWindow" } } } });
    expect(model.contextWindow).toBe(163840);
    expect(model.fieldSources.map((f) => [f.sourceKind, f.value]).sort()).toEqual([
      ["correction", 163840],
      ["curated", 65536],
    ]);
    expect(await db.revision.count()).toBe(revisionsBefore);
    const disagreements = await listCorrectionDisagreements();
    expect(disagreements).toHaveLength(1);
    expect(disagreements[0]!.others).toMatchObject([{ kind: "curated", value: "64K tokens (65,536)" }]);
  });

  it("accepts only the ticked fields of a submission; the others stay pending", async () => {
    await submit({ "f.contextWindow": "163840", "f.hfRepoId": "deepseek-ai/DeepSeek-V3-0324" });
    const [first, second] = await pendingIds();
    expect((await acceptCorrections([first!], "", { now: NOW, today: TODAY })).ok).toBe(true);
    expect(await pendingIds()).toEqual([second]);
    expect((await listPendingCorrections())[0]!.items.map((i) => i.field)).toEqual(["hfRepoId"]);
  });

  it("refuses an accept that would break the rules, and changes nothing", async () => {
    // Each fine on its own; together active would exceed total.
    expect(await submit({ "f.contextWindow": undefined, "f.totalParams": "40B" })).toMatchObject({ ok: true });
    expect(await submit({ "f.contextWindow": undefined, "f.activeParams": "50B" }, { clientKey: "client-b" })).toMatchObject({ ok: true });
    const [total, active] = await pendingIds();
    expect((await acceptCorrection(total!, "", { now: NOW, today: TODAY })).ok).toBe(true);
    const refused = await acceptCorrection(active!, "", { now: NOW, today: TODAY });
    expect(refused).toMatchObject({ ok: false, message: expect.stringMatching(/break the record's rules \(Active parameters: active \(50000000000\) exceeds total \(40000000000\)\)/) });
    expect((await db.correction.findUniqueOrThrow({ where: { id: active! } })).status).toBe("pending");
    expect((await db.model.findUniqueOrThrow({ where: { slug: "deepseek-v3" } })).activeParams).toBe(37_000_000_000n);
  });

  it("lets only one of two simultaneous reviews of the same correction through", async () => {
    await submit({ "f.contextWindow": "163840" });
    const [id] = await pendingIds();
    const results = await Promise.all([acceptCorrection(id!, "", { now: NOW, today: TODAY }), rejectCorrection(id!, "wrong", { now: NOW })]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ message: expect.stringMatching(/already reviewed|just reviewed by another moderator/) });
    const revisions = await db.revision.count({ where: { correctionId: id! } });
    const status = (await db.correction.findUniqueOrThrow({ where: { id: id! } })).status;
    expect(revisions).toBe(status === "accepted" ? 1 : 0);
  });

  it("two moderators accepting conflicting corrections of one field: the second is told, and nothing is overwritten", async () => {
    await submit({ "f.contextWindow": "163840" });
    await submit({ "f.contextWindow": "262144" }, { clientKey: "client-b" });
    const [a, b] = await pendingIds();
    // Both looked at the queue while the value in use was 131,072 (the form sends it back as `seen`).
    const seen = (id: number) => ({ now: NOW, today: TODAY, seen: new Map([[id, 131072]]) });
    const results = await Promise.all([acceptCorrection(a!, "", seen(a!)), acceptCorrection(b!, "", seen(b!))]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const refused = results.find((r) => !r.ok);
    expect(refused).toMatchObject({ message: expect.stringMatching(/^Context window changed while this was waiting: it is now .*not the 128K tokens \(131,072\) you reviewed against.*Nothing was changed/) });
    const winner = results[0]!.ok ? 163840 : 262144;
    expect((await db.model.findUniqueOrThrow({ where: { slug: "deepseek-v3" } })).contextWindow).toBe(winner);
    expect(await db.correction.count({ where: { status: "pending" } })).toBe(1);
    // Looked at again (the value the moderator now sees), the second can be accepted on purpose.
    const [left] = await pendingIds();
    expect(await acceptCorrection(left!, "", { now: NOW, today: TODAY, seen: new Map([[left!, winner]]) })).toMatchObject({ ok: true });
  });

  it("rejects with a reason, keeps the record and changes no value", async () => {
    const sent = await submit({ "f.contextWindow": "163840" });
    const [id] = await pendingIds();
    expect(await rejectCorrection(id!, "  ", { now: NOW })).toMatchObject({ ok: false, message: expect.stringMatching(/reason is required/) });
    expect(await rejectCorrection(id!, "The paper says 128K.", { now: NOW })).toMatchObject({ ok: true, decision: "rejected" });
    const row = await db.correction.findUniqueOrThrow({ where: { id: id! } });
    expect(row).toMatchObject({ status: "rejected", reviewReason: "The paper says 128K.", reviewedAt: NOW });
    expect((await db.model.findUniqueOrThrow({ where: { slug: "deepseek-v3" } })).contextWindow).toBe(131072);
    expect(await db.revision.count({ where: { correctionId: { not: null } } })).toBe(0);
    expect((await getSubmission(sent.ok ? sent.submissionId : ""))?.items[0]).toMatchObject({ status: "rejected", reviewReason: "The paper says 128K." });
    // A reviewed correction cannot be reviewed again.
    expect(await acceptCorrection(id!, "", { now: NOW, today: TODAY })).toMatchObject({ ok: false, message: expect.stringMatching(/already reviewed/) });
  });
});
