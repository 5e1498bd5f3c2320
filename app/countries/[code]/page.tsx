import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AllInModelsTable } from "@/components/models/all-in-models-table";
import { ModelsTable } from "@/components/models/models-table";
import { SummaryCards } from "@/components/models/summary-cards";
import { findModels, findSummaryRows, listOrganizationsInCountry } from "@/lib/data/models";
import { countryName, isCountryCode } from "@/lib/domain/countries";
import { summarize } from "@/lib/domain/summary";
import { DEFAULT_QUERY } from "@/lib/schemas/model-query";

export const dynamic = "force-dynamic";
/** The table shows the newest releases; the summary covers all of them, and /models pages through the rest. */
const TABLE_ROWS = 100;
type Props = { params: Promise<{ code: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const code = (await params).code.toUpperCase();
  return { title: isCountryCode(code) ? countryName(code) : "Country not found" };
}

export default async function CountryPage({ params }: Props) {
  const code = (await params).code.toUpperCase();
  if (!isCountryCode(code)) notFound();
  const query = { ...DEFAULT_QUERY, country: [code], pageSize: TABLE_ROWS };
  const [{ data: models, total }, summaryRows, orgs] = await Promise.all([findModels(query), findSummaryRows(query), listOrganizationsInCountry(code)]);
  return (
    <>
      <p className="text-sm"><Link href="/models" className="text-blue-700 underline dark:text-blue-400">All models</Link></p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">Open-weights releases from {countryName(code)}</h1>
      <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">Releases whose primary developer is headquartered in {countryName(code)} ({code}).</p>
      {models.length === 0 ? (
        <p className="mt-4 rounded border border-zinc-200 p-4 dark:border-zinc-800">
          No releases from {countryName(code)} in the database. <Link href="/models" className="text-blue-700 underline dark:text-blue-400">See all countries</Link>.
        </p>
      ) : (
        <>
          <SummaryCards summary={summarize(summaryRows)} />
          <h2 className="mt-6 text-lg font-semibold">Developers</h2>
          <p className="mt-1 text-sm">
            {orgs.map((o, i) => (
              <span key={o.slug}>{i > 0 && " · "}<Link href={`/orgs/${o.slug}`} className="text-blue-700 underline dark:text-blue-400">{o.name}</Link></span>
            ))}
          </p>
          <h2 className="mt-6 text-lg font-semibold">Releases</h2>
          <AllInModelsTable shown={models.length} total={total} href={`/models?country=${code}`} />
          <ModelsTable models={models} query={query} view="total" caption={`Releases from ${countryName(code)}, newest first`} />
        </>
      )}
    </>
  );
}
