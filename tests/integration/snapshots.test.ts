import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as releaseFile } from "@/app/data/releases/[date]/[file]/route";
import { takeSnapshot } from "@/lib/api/snapshot";
import { getRelease, getReleaseFile } from "@/lib/data/releases";
import { RELEASE_FILES } from "@/lib/domain/releases";
import { ingestCurated } from "@/lib/ingest/curated/run";
import { ingestScores } from "@/lib/ingest/scores/run";
import { SHIPPED } from "@/lib/ingest/shipped-sources";
import { parseCsv } from "../support/csv";
import { resetDatabase, testClient } from "../support/db-helpers";

// Citable snapshots (docs/decisions/016-snapshots.md) on the real curated dataset and its scores: two
// snapshots of the same data are the same bytes; the manifest's checksums verify against the stored
// files; a date is never given other content; the route serves exactly the stored bytes.
const TODAY = "2026-12-01";
const db = testClient();
const at = (p: string) => path.resolve(p);
const sha256 = (b: Uint8Array | string) => createHash("sha256").update(b).digest("hex");
const options = (date: string) => ({ date, origin: null, completeThrough: "2026-08-31" });
let out: string;

async function clearReleases() {
  // TRUNCATE, not DELETE: the immutability triggers refuse row deletes (as they should).
  await db.$executeRawUnsafe(`TRUNCATE "DataReleaseFile", "DataRelease"`);
}

beforeAll(async () => {
  await resetDatabase(db);
  await clearReleases();
  await ingestCurated(db, at(SHIPPED.curated), { today: TODAY });
  await ingestScores(db, {
    benchmarks: at(SHIPPED.benchmarks), epochDir: at(SHIPPED.epochBenchmarks), epochMap: at(SHIPPED.epochModelMap),
    modelsdevDir: at(SHIPPED.modelsdev), cardsDir: at(SHIPPED.cardScores), exclusions: at(SHIPPED.exclusions),
  });
  out = await mkdtemp(path.join(os.tmpdir(), "atlas-snapshots-"));
}, 300_000);
afterAll(async () => {
  await clearReleases();
  await db.$disconnect();
  await rm(out, { recursive: true, force: true });
});

/** `npm run snapshot` as a process, against the tests' database. */
function snapshotCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", at("scripts/snapshot.ts"), ...args], {
    env: { ...process.env, PUBLIC_URL: "" }, stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, stdout, stderr })));
}

async function storedFiles(date: string): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  for (const name of RELEASE_FILES) files.set(name, (await getReleaseFile(date, name))!.content);
  return files;
}

const req = (url: string, headers: Record<string, string> = {}) => new NextRequest(`http://atlas.test${url}`, { headers });
const serve = (date: string, file: string, headers: Record<string, string> = {}) =>
  releaseFile(req(`/data/releases/${date}/${file}`, headers), { params: Promise.resolve({ date, file }) });

describe("npm run snapshot", () => {
  it("gives two dates of the same data byte-identical files, in the database and on disk", async () => {
    expect((await takeSnapshot(options("2026-11-01"))).status).toBe("created");
    const cli = await snapshotCli(["--date", "2026-11-02", "--out", out]);
    expect(cli.code, cli.stderr).toBe(0);
    expect(cli.stdout).toContain("Release 2026-11-02 stored");

    const first = await storedFiles("2026-11-01");
    const second = await storedFiles("2026-11-02");
    for (const name of RELEASE_FILES) {
      expect(Buffer.from(second.get(name)!).equals(Buffer.from(first.get(name)!)), name).toBe(true);
      expect((await readFile(path.join(out, "2026-11-02", name))).equals(Buffer.from(first.get(name)!)), `${name} on disk`).toBe(true);
    }
    // The manifests differ only where the date is written.
    const [m1, m2] = [(await getRelease("2026-11-01"))!.manifest, (await getRelease("2026-11-02"))!.manifest];
    expect(m2.replaceAll("2026-11-02", "2026-11-01")).toBe(m1);
    expect(await readFile(path.join(out, "2026-11-02", "manifest.json"), "utf8")).toBe(m2);
  }, 120_000);

  it("writes a manifest whose checksums, sizes and row counts verify against the stored files", async () => {
    const release = (await getRelease("2026-11-01"))!;
    const manifest = JSON.parse(release.manifest);
    expect(manifest).toMatchObject({ date: "2026-11-01", dataVersion: release.dataVersion, completeThrough: "2026-08-31", origin: null });
    expect(manifest.credit.join(" ")).toContain("Epoch AI");
    expect(manifest.licenses).toEqual(expect.arrayContaining([{ source: "Epoch AI", license: "CC BY 4.0", url: "https://epoch.ai/data/ai-models" }]));
    expect(manifest.files.map((f: { name: string }) => f.name)).toEqual([...RELEASE_FILES]);
    for (const f of manifest.files as { name: string; rows: number; bytes: number; sha256: string }[]) {
      const content = (await getReleaseFile("2026-11-01", f.name))!.content;
      expect(sha256(content), f.name).toBe(f.sha256);
      expect(content.byteLength, f.name).toBe(f.bytes);
      const text = Buffer.from(content).toString("utf8");
      const rows = f.name.endsWith(".csv") ? parseCsv(text).length - 1 : (JSON.parse(text) as unknown[]).length;
      expect(rows, f.name).toBe(f.rows);
    }
    // What the files hold: every record, the closed reference ones marked; scores with who measured them; every FieldSource row.
    const models = parseCsv(Buffer.from((await getReleaseFile("2026-11-01", "models.csv"))!.content).toString("utf8"));
    const openCol = models[0]!.indexOf("open_weights");
    expect(models.length - 1).toBe(await db.model.count());
    expect(models.slice(1).filter((r) => r[openCol] === "false").length).toBe(await db.model.count({ where: { openWeights: false } }));
    expect(models.slice(1).map((r) => r[0])).toEqual(models.slice(1).map((r) => r[0]).sort());
    const scores = parseCsv(Buffer.from((await getReleaseFile("2026-11-01", "scores.csv"))!.content).toString("utf8"));
    expect(scores[0]).toEqual(expect.arrayContaining(["benchmark_id", "measured_by", "evaluator", "source_url"]));
    expect(scores.length - 1).toBe(await db.score.count());
    const sources = parseCsv(Buffer.from((await getReleaseFile("2026-11-01", "sources.csv"))!.content).toString("utf8"));
    expect(sources[0]).toEqual(["model_slug", "field", "source_kind", "value", "source_url", "retrieved_at", "checked_on"]);
    expect(sources.length - 1).toBe(await db.fieldSource.count());

    // And as a user checks a download: sha256sum -c in the --out folder.
    const check = spawn("sha256sum", ["-c", "SHA256SUMS"], { cwd: path.join(out, "2026-11-02") });
    let said = "";
    check.stdout.on("data", (d) => (said += d));
    expect(await new Promise((resolve) => check.on("exit", resolve))).toBe(0);
    expect(said.trim().split("\n")).toHaveLength(RELEASE_FILES.length + 1);
  });

  it("leaves a date's release alone: the same content says so, other content is refused (exit 2) and nothing changes", async () => {
    const before = await db.dataReleaseFile.findMany({ where: { releaseDate: new Date("2026-11-01") }, select: { name: true, sha256: true }, orderBy: { name: "asc" } });
    const createdAt = (await getRelease("2026-11-01"))!.createdAt;

    const same = await snapshotCli(["--date", "2026-11-01"]);
    expect(same.code, same.stderr).toBe(0);
    expect(same.stdout).toContain("already holds exactly this content: nothing changed");

    const model = await db.model.findFirstOrThrow({ where: { contextWindow: { not: null } }, select: { id: true, contextWindow: true } });
    await db.model.update({ where: { id: model.id }, data: { contextWindow: model.contextWindow! + 1 } });
    try {
      const refused = await takeSnapshot(options("2026-11-01"));
      expect(refused.status).toBe("refused");
      expect(refused.status === "refused" && refused.changed).toEqual(["models.csv", "models.json"]);
      const cli = await snapshotCli(["--date", "2026-11-01"]);
      expect(cli.code).toBe(2);
      expect(cli.stderr).toMatch(/A release for 2026-11-01 already exists .* Releases are immutable: nothing was written/);

      const after = await db.dataReleaseFile.findMany({ where: { releaseDate: new Date("2026-11-01") }, select: { name: true, sha256: true }, orderBy: { name: "asc" } });
      expect(after).toEqual(before);
      expect((await getRelease("2026-11-01"))!.createdAt).toBe(createdAt);
      expect(await db.dataRelease.count()).toBe(2);
      // Not even by hand: the database refuses to change or remove a release.
      await expect(db.$executeRawUnsafe(`UPDATE "DataReleaseFile" SET "rows" = 0 WHERE "releaseDate" = DATE '2026-11-01'`)).rejects.toThrow(/immutable/);
      await expect(db.$executeRawUnsafe(`DELETE FROM "DataRelease" WHERE "date" = DATE '2026-11-01'`)).rejects.toThrow(/immutable/);
    } finally {
      await db.model.update({ where: { id: model.id }, data: { contextWindow: model.contextWindow } });
    }
  }, 120_000);

  it("stores one release when two runs for the same date race", async () => {
    const results = await Promise.all([takeSnapshot(options("2026-11-03")), takeSnapshot(options("2026-11-03"))]);
    expect(results.map((r) => r.status).sort()).toEqual(["created", "identical"]);
    expect(await db.dataReleaseFile.count({ where: { releaseDate: new Date("2026-11-03") } })).toBe(RELEASE_FILES.length);
  }, 120_000);
});

describe("GET /data/releases/{date}/{file}", () => {
  it("serves the stored bytes, whose SHA-256 is the manifest's, as an immutable download", async () => {
    const manifest = JSON.parse((await getRelease("2026-11-01"))!.manifest) as { files: { name: string; sha256: string; bytes: number; mediaType: string }[] };
    for (const f of manifest.files) {
      const res = await serve("2026-11-01", f.name);
      expect(res.status, f.name).toBe(200);
      const body = new Uint8Array(await res.arrayBuffer());
      expect(sha256(body), f.name).toBe(f.sha256);
      expect(body.byteLength).toBe(f.bytes);
      expect(res.headers.get("etag")).toBe(`"${f.sha256}"`);
      expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      expect(res.headers.get("content-type")).toBe(f.mediaType);
      expect(res.headers.get("content-disposition")).toBe(`attachment; filename="${f.name}"`);
    }
    const notModified = await serve("2026-11-01", "models.csv", { "if-none-match": `"${manifest.files[0]!.sha256}"` });
    expect(notModified.status).toBe(304);
    expect(await notModified.text()).toBe("");
  });

  it("serves manifest.json as stored and SHA256SUMS listing every file with the manifest's checksums", async () => {
    const stored = (await getRelease("2026-11-01"))!.manifest;
    const res = await serve("2026-11-01", "manifest.json");
    expect(await res.text()).toBe(stored);
    expect(res.headers.get("etag")).toBe(`"${sha256(stored)}"`);
    const sums = await (await serve("2026-11-01", "SHA256SUMS")).text();
    const manifest = JSON.parse(stored) as { files: { name: string; sha256: string }[] };
    expect(sums).toBe([...manifest.files, { name: "manifest.json", sha256: sha256(stored) }].map((f) => `${f.sha256}  ${f.name}\n`).join(""));
  });

  it("answers 404 for an unknown date, file or malformed name, pointing to the list of releases", async () => {
    for (const [date, file] of [["2026-10-01", "models.csv"], ["2026-11-01", "models.xlsx"], ["not-a-date", "models.csv"], ["2026-11-01", "../manifest.json"]] as const) {
      const res = await serve(date, file);
      expect(res.status, `${date}/${file}`).toBe(404);
      expect((await res.json()).error).toContain("/data/releases");
    }
  });
});
