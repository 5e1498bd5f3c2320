// npm run data:check - validate data/curated/*.yaml and data/coverage.yaml without a database.
import path from "node:path";
import { COVERAGE_FILE, coverageProblems, readCoverage } from "@/lib/coverage";
import { formatDatasetError, loadCuratedDataset } from "@/lib/ingest/curated/dataset";
import { todayUtc } from "@/lib/domain/model-rules";
import { countryGroup } from "@/lib/domain/countries";

const dir = path.resolve(process.argv[2] ?? "data/curated");
const today = todayUtc();
const dataset = await loadCuratedDataset(dir, today);
for (const e of dataset.errors) console.error(formatDatasetError(e));

// The sweep date is data too: a bad one breaks every page that says how far the data reaches.
let completeThrough: string | null = null;
let coverageErrors: string[];
try {
  const coverage = await readCoverage(COVERAGE_FILE);
  completeThrough = coverage.completeThrough;
  coverageErrors = coverageProblems(coverage, today);
} catch (e) {
  coverageErrors = [(e as Error).message];
}
for (const e of coverageErrors) console.error(e);
const errorCount = dataset.errors.length + coverageErrors.length;

const countryOf = new Map(dataset.organizations.map((o) => [o.slug, o.country]));
const byGroup = { US: 0, CN: 0, other: 0 };
const closed = dataset.models.filter((m) => !m.values.openWeights).length;
for (const m of dataset.models) {
  if (!m.values.openWeights) continue;
  const country = countryOf.get(m.values.developers[0] ?? "");
  if (country) byGroup[countryGroup(country)]++;
}
console.log(
  `${dataset.models.length - closed} open-weights releases (US ${byGroup.US}, CN ${byGroup.CN}, other ${byGroup.other}), ${closed} closed reference models, ` +
    `${dataset.organizations.length} organizations, ${dataset.licenses.length} licenses; ` +
    `complete through ${completeThrough ?? "(unreadable)"}; ${errorCount} errors`,
);
process.exit(errorCount ? 1 : 0);
