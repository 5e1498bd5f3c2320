import "server-only";
import { getDb } from "@/lib/db";
import { countryGroup } from "@/lib/domain/countries";
import type { LicenseCategory } from "@/lib/domain/licenses";
import type { Architecture } from "@/lib/domain/model-fields";

/** One row of the rankings table: plain values, counts as numbers, dates as YYYY-MM-DD. */
export interface ModelSummary {
  slug: string;
  name: string;
  organization: { slug: string; name: string; country: string };
  releaseDate: string;
  totalParams: number | null;
  activeParams: number | null;
  architecture: Architecture;
  contextWindow: number | null;
  license: { id: string; name: string; category: LicenseCategory };
}

const toNumber = (b: bigint | null) => (b == null ? null : Number(b));

export async function listModels(): Promise<ModelSummary[]> {
  const rows = await getDb().model.findMany({
    orderBy: [{ releaseDate: "desc" }, { slug: "asc" }],
    select: {
      slug: true,
      name: true,
      releaseDate: true,
      totalParams: true,
      activeParams: true,
      architecture: true,
      contextWindow: true,
      primaryOrganization: { select: { slug: true, name: true, country: true } },
      license: { select: { id: true, name: true, category: true } },
    },
  });
  return rows.map((r) => ({
    slug: r.slug,
    name: r.name,
    organization: r.primaryOrganization,
    releaseDate: r.releaseDate.toISOString().slice(0, 10),
    totalParams: toNumber(r.totalParams),
    activeParams: toNumber(r.activeParams),
    architecture: r.architecture as Architecture,
    contextWindow: r.contextWindow,
    license: { ...r.license, category: r.license.category as LicenseCategory },
  }));
}

/** Releases per country group of the primary developer. */
export async function countReleasesByCountryGroup(): Promise<{ US: number; CN: number; other: number }> {
  const rows = await getDb().organization.findMany({
    select: { country: true, _count: { select: { primaryOf: true } } },
  });
  const out = { US: 0, CN: 0, other: 0 };
  for (const r of rows) {
    out[countryGroup(r.country)] += r._count.primaryOf;
  }
  return out;
}
