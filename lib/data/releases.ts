import "server-only";
import { getDb } from "@/lib/db";
import type { ReleaseFileEntry } from "@/lib/domain/releases";
import { dateString, toDate } from "./model-columns";

/** The data version: a counter that moves on every write to the published tables (docs/decisions/009). */
export interface DataVersionInfo {
  version: number;
  /** ISO timestamp of the last change. */
  changedAt: string;
}

export async function getDataVersion(): Promise<DataVersionInfo> {
  const row = await getDb().dataVersion.findUniqueOrThrow({ where: { id: 1 }, select: { version: true, changedAt: true } });
  return { version: Number(row.version), changedAt: row.changedAt.toISOString() };
}

/** Every source row of every field (FieldSource), for the snapshot's sources files. */
export interface FieldSourceRow {
  modelSlug: string;
  field: string;
  sourceKind: string;
  value: unknown;
  sourceUrl: string;
  retrievedAt: string;
  checkedOn: string | null;
}

export async function listFieldSourcesForExport(): Promise<FieldSourceRow[]> {
  const rows = await getDb().fieldSource.findMany({
    select: { field: true, sourceKind: true, value: true, sourceUrl: true, retrievedAt: true, checkedOn: true, model: { select: { slug: true } } },
  });
  return rows.map((r) => ({
    modelSlug: r.model.slug, field: r.field, sourceKind: r.sourceKind, value: r.value, sourceUrl: r.sourceUrl,
    retrievedAt: r.retrievedAt.toISOString(), checkedOn: r.checkedOn ? dateString(r.checkedOn) : null,
  }));
}

export interface ReleaseSummary {
  date: string;
  dataVersion: number;
  dataChangedAt: string;
  createdAt: string;
  /** In the manifest's order. */
  files: ReleaseFileEntry[];
}

const fileInfoSelect = { name: true, rows: true, bytes: true, sha256: true } as const;
const summarySelect = { date: true, dataVersion: true, dataChangedAt: true, createdAt: true, files: { select: fileInfoSelect, orderBy: { position: "asc" } } } as const;

function toSummary(r: { date: Date; dataVersion: bigint; dataChangedAt: Date; createdAt: Date; files: ReleaseFileEntry[] }): ReleaseSummary {
  return { date: dateString(r.date), dataVersion: Number(r.dataVersion), dataChangedAt: r.dataChangedAt.toISOString(), createdAt: r.createdAt.toISOString(), files: r.files };
}

/** Every release, newest first (the index page). */
export async function listReleases(): Promise<ReleaseSummary[]> {
  const rows = await getDb().dataRelease.findMany({ orderBy: { date: "desc" }, select: summarySelect });
  return rows.map(toSummary);
}

/** The newest release: the stable version "Cite this" points to. */
export async function getLatestRelease(): Promise<Omit<ReleaseSummary, "files"> | null> {
  const row = await getDb().dataRelease.findFirst({ orderBy: { date: "desc" }, select: { date: true, dataVersion: true, dataChangedAt: true, createdAt: true } });
  return row && toSummary({ ...row, files: [] });
}

/** One release with its manifest's bytes (its files' metadata, not their content). */
export async function getRelease(date: string): Promise<(ReleaseSummary & { manifest: string }) | null> {
  const row = await getDb().dataRelease.findUnique({ where: { date: toDate(date) }, select: { ...summarySelect, manifest: true } });
  return row && { ...toSummary(row), manifest: row.manifest };
}

export async function hasRelease(date: string): Promise<boolean> {
  return (await getDb().dataRelease.count({ where: { date: toDate(date) } })) > 0;
}

/** One stored file's bytes. */
export async function getReleaseFile(date: string, name: string): Promise<(ReleaseFileEntry & { content: Uint8Array }) | null> {
  return getDb().dataReleaseFile.findUnique({ where: { releaseDate_name: { releaseDate: toDate(date), name } }, select: { ...fileInfoSelect, content: true } });
}

export interface NewRelease {
  date: string;
  dataVersion: number;
  dataChangedAt: string;
  manifest: string;
  files: (ReleaseFileEntry & { content: Uint8Array })[];
}

export type StoreReleaseResult = { status: "created" } | { status: "exists"; stored: ReleaseSummary };

/**
 * Stores a release unless its date has one: then nothing is written and the stored one is returned for
 * the caller to compare (a release is immutable; the database's triggers refuse to change one). Two runs
 * at once for one date: the second waits on the first's insert and then finds it.
 */
export async function createRelease(release: NewRelease): Promise<StoreReleaseResult> {
  const db = getDb();
  const created = await db.$transaction(async (tx) => {
    const { count } = await tx.dataRelease.createMany({
      data: [{ date: toDate(release.date), dataVersion: BigInt(release.dataVersion), dataChangedAt: new Date(release.dataChangedAt), manifest: release.manifest }],
      skipDuplicates: true,
    });
    if (count === 0) return false;
    // One row per statement: a 30 MB CSV is one bind parameter, and a release has six files.
    for (const [position, f] of release.files.entries()) {
      await tx.dataReleaseFile.create({
        data: { releaseDate: toDate(release.date), name: f.name, position, rows: f.rows, bytes: f.bytes, sha256: f.sha256, content: Buffer.from(f.content) },
        select: { name: true },
      });
    }
    return true;
  }, { timeout: 120_000, maxWait: 10_000 });
  if (created) return { status: "created" };
  const stored = await db.dataRelease.findUniqueOrThrow({ where: { date: toDate(release.date) }, select: summarySelect });
  return { status: "exists", stored: toSummary(stored) };
}

/** What "Cite this" says: the data version now, and the newest release, the stable version to cite. */
export interface CitationContext {
  dataVersion: number;
  /** YYYY-MM-DD of the data version (the last change). */
  dataDate: string;
  latest: { date: string; dataVersion: number; dataDate: string } | null;
}

export async function getCitationContext(): Promise<CitationContext> {
  const [version, latest] = await Promise.all([getDataVersion(), getLatestRelease()]);
  return {
    dataVersion: version.version,
    dataDate: version.changedAt.slice(0, 10),
    latest: latest && { date: latest.date, dataVersion: latest.dataVersion, dataDate: latest.dataChangedAt.slice(0, 10) },
  };
}
