// npm run data:check - validate data/curated/*.yaml without a database.
import path from "node:path";
import { formatDatasetError, loadCuratedDataset } from "@/lib/ingest/curated/dataset";
import { todayUtc } from "@/lib/domain/model-rules";
import { countryGroup } from "@/lib/domain/countries";

const dir = path.resolve(process.argv[2] ?? "data/curated");
const dataset = await loadCuratedDataset(dir, todayUtc());
for (const e of dataset.errors) console.error(formatDatasetError(e));

const countryOf = new Map(dataset.organizations.map((o) => [o.slug, o.country]));
const byGroup = { US: 0, CN: 0, other: 0 };
for (const m of dataset.models) {
  const country = countryOf.get(m.values.developers[0] ?? "");
  if (country) byGroup[countryGroup(country)]++;
}
console.log(
  `${dataset.models.length} models (US ${byGroup.US}, CN ${byGroup.CN}, other ${byGroup.other}), ` +
    `${dataset.organizations.length} organizations, ${dataset.licenses.length} licenses; ${dataset.errors.length} errors`,
);
process.exit(dataset.errors.length ? 1 : 0);
