import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CountryLabel } from "@/components/country-label";
import { AllInModelsTable } from "@/components/models/all-in-models-table";
import { ModelsTable } from "@/components/models/models-table";
import { SummaryCards } from "@/components/models/summary-cards";
import { findModels, findSummaryRows, getOrganizationBySlug } from "@/lib/data/models";
import { summarize } from "@/lib/domain/summary";
import { slugSchema } from "@/lib/schemas/common";
import { DEFAULT_QUERY } from "@/lib/schemas/model-query";

export const dynamic = "force-dynamic";
/** The table shows the newest releases; the summary covers all of them, and /models pages through the rest. */
const TABLE_ROWS = 100;
type Props = { params: Promise<{ slug: string }> };

async function load(slug: string) {
  return slugSchema.safeParse(slug).success ? getOrganizationBySlug(slug) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const org = await load((await params).slug);
  return { title: org?.name ?? "Organization not found" };
}

export default async function OrganizationPage({ params }: Props) {
  const org = await load((await params).slug);
  if (!org) notFound();
  const query = { ...DEFAULT_QUERY, org: [org.slug], pageSize: TABLE_ROWS };
  const [{ data: models, total }, summaryRows] = await Promise.all([findModels(query), findSummaryRows(query)]);
  return (
    <>
      <p className="text-sm"><Link href="/models" className="text-blue-700 underline dark:text-blue-400">All models</Link></p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">{org.name}</h1>
      <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">
        {org.kind[0]!.toUpperCase() + org.kind.slice(1)} headquartered in{" "}
        <Link href={`/countries/${org.country}`} className="underline"><CountryLabel code={org.country} /></Link>{" "}
        (<a href={org.sourceUrl} rel="nofollow noopener" className="underline">source</a>, <span className="whitespace-nowrap">{org.retrievedAt.slice(0, 10)}</span>)
        {org.website && <> · <a href={org.website} rel="nofollow noopener" className="underline">website</a></>}
      </p>
      <SummaryCards summary={summarize(summaryRows)} />
      <h2 className="mt-6 text-lg font-semibold">Releases (as any developer)</h2>
      <AllInModelsTable shown={models.length} total={total} href={`/models?org=${org.slug}`} />
      <ModelsTable models={models} query={query} view="total" caption={`Releases by ${org.name}, newest first`} />
    </>
  );
}
