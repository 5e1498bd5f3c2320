import { headers } from "next/headers";
import Link from "next/link";
import { CapabilityChart, FrontierScatter, LicenseChart, MoeShareChart, QuarterChart, UsageShareChart } from "@/components/charts/dashboard-charts";
import { LeadersTable } from "@/components/dashboard/leaders-table";
import { originOfHeaders } from "@/lib/api/origin";
import { DEFAULT_BENCHMARK, loadCapability, loadLeaders, loadUsage } from "@/lib/data/leaders";
import { getCitationContext, hasRelease } from "@/lib/data/releases";
import { GROUP_COLORS } from "@/lib/domain/encodings";
import { formatScore, gapSentence, type LeaderRow } from "@/lib/domain/measures";
import { groupLabel } from "@/components/charts/group-label";
import { ChartFrame, DataTable } from "@/components/dashboard/chart-frame";
import { readCompleteThrough } from "@/lib/coverage";
import { loadDashboardView } from "@/lib/data/stats";
import { isIncomplete, nextDay, OTHER, shiftYears, type Group } from "@/lib/domain/aggregation";
import { countryName } from "@/lib/domain/countries";
import type { ModelRef } from "@/lib/domain/dashboard";
import { formatDay, incompleteNote } from "@/lib/domain/dates";
import { LICENSE_CATEGORY_LABELS } from "@/lib/domain/licenses";
import { todayUtc } from "@/lib/domain/model-rules";
import { formatExact, formatParams, formatTokens } from "@/lib/domain/params";
import { releasePath } from "@/lib/domain/releases";
import { formatShare } from "@/lib/domain/summary";
import { capabilityFinding, CHART_QUESTIONS as Q, usageFinding } from "@/lib/domain/findings";
import { withQuery } from "@/lib/domain/url";
import { loadExclusions } from "@/lib/ingest/exclusions";
import { parseDashboardQuery } from "@/lib/schemas/dashboard-query";
import { activeFilters, DEFAULT_QUERY, modelQueryToParams, type ModelQuery } from "@/lib/schemas/model-query";

export const dynamic = "force-dynamic";

const link = "text-blue-700 underline dark:text-blue-400";

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = await searchParams;
  const today = todayUtc();
  const { query, errors } = parseDashboardQuery(raw, today);
  const { filters, compare: extra } = query;
  const asOf = query.asOf ?? today;
  const completeThrough = await readCompleteThrough();
  const benchmarkId = query.benchmark ?? DEFAULT_BENCHMARK;
  const [{ stats, points, releases }, exclusions, leaders, capability, usage, citation, asOfRelease] = await Promise.all([
    loadDashboardView(filters, query.asOf, { extra, asOf, completeThrough }), loadExclusions(), loadLeaders(query, today, completeThrough), loadCapability(query, benchmarkId), loadUsage(query.asOf),
    getCitationContext(), query.asOf ? hasRelease(query.asOf) : false,
  ]);
  const frontier = capability.frontier;
  const pending = exclusions.pending().length;
  const groups = stats.groups;
  const all = stats.comparison.all!;

  /** The /models view behind a number: the dashboard's filters, narrowed to a group and period. */
  const view = (group: Group | null, change: Partial<ModelQuery> = {}) => {
    const q: ModelQuery = { ...filters, sort: DEFAULT_QUERY.sort, order: DEFAULT_QUERY.order, page: 1, pageSize: DEFAULT_QUERY.pageSize, ...change };
    if (group === OTHER) q.excludeCountry = ["US", "CN", ...extra];
    else if (group) q.country = [group];
    if (query.asOf && (!q.releasedTo || q.releasedTo > query.asOf)) q.releasedTo = query.asOf;
    return withQuery("/models", modelQueryToParams(q));
  };
  const yearRange = (year: string) => (year === "all" ? {} : { releasedFrom: `${year}-01-01`, releasedTo: `${year}-12-31` });
  const modelLink = (m: ModelRef | null) => (m ? <Link href={`/models/${m.slug}`} className={link}>{m.name}</Link> : <span>—</span>);
  const dashboardParams = new URLSearchParams(modelQueryToParams({ ...filters, sort: DEFAULT_QUERY.sort, order: DEFAULT_QUERY.order, page: 1, pageSize: DEFAULT_QUERY.pageSize }));
  if (query.asOf) dashboardParams.set("asOf", query.asOf);
  if (extra.length) dashboardParams.set("compare", extra.join(","));
  // "Cite this" under each chart: the view's absolute URL on the public origin (never the listening address).
  const origin = originOfHeaders(await headers());
  const viewParams = new URLSearchParams(dashboardParams);
  if (query.benchmark) viewParams.set("capability", query.benchmark);
  if (query.measure === "activeParams") viewParams.set("params", "active");
  const stable = citation.latest && { ...citation.latest, url: `${origin}${releasePath(citation.latest.date)}` };
  const cite = (id: string) => ({ dataVersion: citation.dataVersion, dataDate: citation.dataDate, url: `${origin}${withQuery("/", viewParams)}#${id}-title`, today, stable });
  // Periods the data does not cover to their end are marked in every chart and table, never shown as a drop.
  const note = incompleteNote(stats.dataThrough);
  const periodLabel = (bucket: string, incomplete: boolean | string | number | null | undefined) => (incomplete === true ? `${bucket} (${note})` : bucket);
  const us = all.US!;
  const cn = all.CN!;
  const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
  /** The rows behind a scoreboard row: the releases it counts, or the models ranked by the benchmark. */
  const leaderHref = (r: LeaderRow): string | null => {
    const last12 = { releasedFrom: nextDay(shiftYears(leaders.dataThrough, -1)), releasedTo: leaders.dataThrough };
    if (r.kind === "releases" || r.kind === "permissiveShare") return view(null, last12);
    if (r.kind === "totalParams" || r.kind === "activeParams" || r.kind === "contextWindow") return view(null, { sort: r.kind });
    if (r.kind === "benchmark") return view(null, { sort: "score", order: "desc", benchmark: r.id.slice("benchmark:".length) });
    return null;
  };

  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Who leads open-weights AI: the United States or China?</h1>
      <p className="mt-2 max-w-3xl" data-complete-through={stats.completeThrough}>
        <strong>Data complete through {formatDay(stats.completeThrough)}.</strong>{" "}
        Releases after that day may not be in the atlas yet: periods that end later are drawn hatched and marked incomplete.
        {pending > 0 ? (
          <>
            {" "}
            <Link href="/data-quality#not-yet" className="text-blue-700 underline dark:text-blue-400">{pending} releases</Link> the last sweep found are not in
            the data yet (a date, license or expert layout still needs a source): check a trend against them.
          </>
        ) : null}
      </p>
      <p className="mt-2 max-w-3xl text-zinc-700 dark:text-zinc-300">
        {query.asOf ? `As of ${query.asOf}` : "Today"}, the atlas counts <strong>{stats.releases}</strong> open-weights releases{activeFilters(filters).length ? " matching these filters" : ""}:{" "}
        <strong>{us.releases}</strong> from the United States, <strong>{cn.releases}</strong> from China and <strong>{all[OTHER]!.releases}</strong> from everyone else
        {extra.length ? ` (${extra.map((c) => `${countryName(c)} ${all[c]!.releases}`).join(", ")} shown separately)` : ""}.
        The largest by total parameters: {us.largestTotal ? `${us.largestTotal.name} (${formatParams(us.largestTotal.totalParams)})` : "none"} for the United States,{" "}
        {cn.largestTotal ? `${cn.largestTotal.name} (${formatParams(cn.largestTotal.totalParams)})` : "none"} for China.
      </p>
      {query.asOf && asOfRelease && (
        <p className="mt-2 max-w-3xl text-sm" data-as-of-release>
          A snapshot of the data as of this date: <Link href={releasePath(query.asOf)} className={link}>{releasePath(query.asOf)}</Link> (the files as they stood that day, with checksums).
        </p>
      )}

      {errors.length > 0 && (
        <div role="status" className="mt-4 rounded border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-100">
          <p className="font-medium">Some parameters in the address were ignored:</p>
          <ul className="ml-5 list-disc">{errors.map((e) => <li key={e.param}><code>{e.param}</code> {e.message}</li>)}</ul>
        </div>
      )}

      <form method="get" action="/" aria-label="Dashboard filters" className="mt-4 flex flex-wrap items-end gap-3 rounded border border-zinc-200 p-3 text-sm dark:border-zinc-800">
        <div>
          <label htmlFor="d-asof" className="block text-xs font-medium">As of date</label>
          <input id="d-asof" type="date" name="asOf" max={today} defaultValue={query.asOf ?? ""} className="mt-1 rounded border border-zinc-300 bg-white px-2 py-1 dark:border-zinc-700 dark:bg-zinc-900" />
        </div>
        <div>
          <label htmlFor="d-arch" className="block text-xs font-medium">Architecture</label>
          <select id="d-arch" name="architecture" defaultValue={filters.architecture ?? ""} className="mt-1 rounded border border-zinc-300 bg-white px-2 py-1 dark:border-zinc-700 dark:bg-zinc-900">
            <option value="">Any</option>
            <option value="moe">MoE only</option>
            <option value="dense">Dense only</option>
          </select>
        </div>
        <div>
          <label htmlFor="d-license" className="block text-xs font-medium">License category</label>
          <select id="d-license" name="license" defaultValue={filters.license.length === 1 ? filters.license[0] : ""} className="mt-1 rounded border border-zinc-300 bg-white px-2 py-1 dark:border-zinc-700 dark:bg-zinc-900">
            <option value="">Any</option>
            {Object.entries(LICENSE_CATEGORY_LABELS).map(([v, l]) => <option key={v} value={v}>{l} only</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="d-min" className="block text-xs font-medium">Min total params</label>
          <input id="d-min" name="minTotalParams" placeholder="e.g. 10B" defaultValue={filters.minTotalParams === null ? "" : formatParams(filters.minTotalParams)} className="mt-1 w-28 rounded border border-zinc-300 bg-white px-2 py-1 dark:border-zinc-700 dark:bg-zinc-900" />
        </div>
        <div>
          <label htmlFor="d-compare" className="block text-xs font-medium">Also compare (country codes)</label>
          <input id="d-compare" name="compare" placeholder="e.g. FR,AE" defaultValue={extra.join(",")} className="mt-1 w-36 rounded border border-zinc-300 bg-white px-2 py-1 dark:border-zinc-700 dark:bg-zinc-900" />
        </div>
        <button type="submit" className="rounded bg-blue-700 px-3 py-1.5 font-medium text-white hover:bg-blue-800">Apply</button>
        <Link href="/" className={link}>Reset</Link>
        <span className="ml-auto"><a href={withQuery("/api/v1/stats", dashboardParams)} className={link}>These numbers as JSON</a> (<Link href="/docs/api#api-v1-stats" className={link}>API docs</Link>)</span>
      </form>

      <section aria-labelledby="leaders-title" className="mt-8">
        <h2 id="leaders-title" className="text-lg font-semibold">Who leads, by which measure{query.asOf ? ` (as of ${query.asOf})` : ""}</h2>
        <p className="mt-1 max-w-3xl text-sm text-zinc-600 dark:text-zinc-400">
          {leaderSummary(leaders.rows)} Open-weights models only; closed (API-only) models are the reference line of the capability chart below, never counted here.
          Each measure links to the rows behind it. <a href={withQuery("/api/v1/leaders", dashboardParams)} className={link}>This table as JSON</a> (<Link href="/docs/api#api-v1-leaders" className={link}>API docs</Link>).
        </p>
        <div className="mt-3"><LeadersTable rows={leaders.rows.filter((r) => r.current)} hrefFor={(r) => leaderHref(r)} /></div>
        {leaders.rows.some((r) => !r.current) && (
          <details className="mt-3 text-sm" data-older-benchmarks>
            <summary className="cursor-pointer font-medium">Older benchmarks ({leaders.rows.filter((r) => !r.current).length}): no open model released in the last 18 months has a score on them</summary>
            <p className="mt-1 text-zinc-600 dark:text-zinc-400">They say who led when these tests were current (MMLU, GSM8K and the like, mostly from 2023-2024 papers), not who leads now.</p>
            <div className="mt-2"><LeadersTable rows={leaders.rows.filter((r) => !r.current)} hrefFor={(r) => leaderHref(r)} /></div>
          </details>
        )}
      </section>

      {frontier ? (
        <ChartFrame id="capability" cite={cite("capability")} title={capabilityFinding(frontier)}
          subtitle={`${Q.capability} ${frontier.benchmark.name}: ${frontier.benchmark.setting} Step lines: the best score of an open-weights model from each country so far, by the model's release date; dashed grey: the best closed (API-only) model, the reference (the filters narrow the open models, not the reference). ${frontier.counts.us} US, ${frontier.counts.cn} Chinese open models and ${frontier.counts.closed} closed models have a score.`}
          controls={
            <form method="get" action="/#capability-title" className="mt-2 flex flex-wrap items-end gap-2 text-sm">
              {[...dashboardParams].map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
              <label htmlFor="d-benchmark" className="text-xs font-medium">Benchmark</label>
              <select id="d-benchmark" name="capability" defaultValue={frontier.benchmark.id} className="w-full max-w-md rounded border border-zinc-300 bg-white px-2 py-1 dark:border-zinc-700 dark:bg-zinc-900">
                {capability.benchmarks.filter((b) => b.scores.open > 0).map((b) => <option key={b.id} value={b.id}>{b.name} ({b.scores.open} open, {b.scores.closed} closed)</option>)}
              </select>
              <button type="submit" className="rounded border border-zinc-300 px-3 py-1 font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800">Show</button>
            </form>
          }
          source={<>Source: {[...new Set([...frontier.us, ...frontier.cn, ...frontier.closed].map((s) => s.evaluator))].join(", ") || "no scores"}, per point (the table says who measured each); <a href={frontier.benchmark.url} className={link}>about the benchmark</a>. Credits: Epoch AI, &apos;Data on AI Benchmarking&apos; (CC BY 4.0); models.dev (MIT).</>}
          table={<DataTable caption={`Record-setting scores on ${frontier.benchmark.name}`} header={["Model", "Group", "Released", "Score", "Measured by"]}
            rows={([["US", frontier.us], ["CN", frontier.cn], ["closed", frontier.closed]] as const).flatMap(([g, steps]) => steps.map((s) => [
              <Link key={`${g}-${s.slug}`} href={`/models/${s.slug}`} className={link}>{s.name}</Link>, g === "closed" ? "closed (API-only)" : groupLabel(g), s.date, formatScore(s.value, frontier.benchmark.unit), `${s.evaluator} (${s.measuredBy})`]))} />}>
          <p className="mb-2 max-w-3xl text-sm">{frontier.gaps.map((g) => gapSentence(g, frontier.benchmark)).join(" ")}</p>
          <CapabilityChart benchmark={frontier.benchmark.id} asOf={asOf} unit={frontier.benchmark.unit}
            lines={[
              { key: "US", label: "United States, open weights", color: GROUP_COLORS.US!, dashed: false, steps: frontier.us },
              { key: "CN", label: "China, open weights", color: GROUP_COLORS.CN!, dashed: false, steps: frontier.cn },
              { key: "closed", label: "closed (API-only), reference", color: GROUP_COLORS.other!, dashed: true, steps: frontier.closed },
            ]} />
        </ChartFrame>
      ) : (
        <section className="mt-10" role="status"><h2 className="text-lg font-semibold">Capability over time</h2><p className="mt-1 text-sm">No benchmark “{benchmarkId}” is tracked. <Link href="/" className={link}>Show the default</Link>, or see <a href="/api/v1/benchmarks" className={link}>the tracked benchmarks</a>.</p></section>
      )}

      <ChartFrame id="usage" cite={cite("usage")} title={usageFinding(usage.weeks)}
        subtitle={`${Q["usage-share"]} Share of the tokens served for open-weights models each week, by the developer's country, among OpenRouter's daily top listings (about the top 50 a day). One router's traffic, not the whole market; listings not mapped to a record are left out.`}
        source={usage.lastDay ? <>Source: OpenRouter (openrouter.ai/rankings), as of <span className="whitespace-nowrap">{usage.lastDay}</span>. Licensed under CC BY 4.0. One router&apos;s traffic, not the whole market.</> : "No usage data in this view."}
        table={<DataTable caption="Share of open-weights tokens per week" header={["Week", "United States", "China", "Everyone else", "Days"]}
          rows={usage.weeks.map((w) => [w.week, pct(w.US), pct(w.CN), pct(w.other), String(w.days)])} />}>
        {usage.weeks.length ? <UsageShareChart data={usage.weeks} /> : <p role="status" className="text-sm">No usage data {query.asOf ? `up to ${query.asOf}` : "yet"}: the shipped OpenRouter data covers {"2026-05-24"} to {"2026-08-21"}.</p>}
        {usage.top.length > 0 && (
          <div className="mt-4 overflow-x-auto">
            <h3 className="text-sm font-semibold">Most used open-weights models{usage.firstDay ? `, ${usage.firstDay} to ${usage.lastDay}` : ""}</h3>
            <DataTable caption="Most used open-weights models by tokens" header={["Model", "Country", "Share of open-weights tokens"]}
              rows={usage.top.map((m) => [<Link key={m.slug} href={`/models/${m.slug}`} className={link}>{m.name}</Link>, countryName(m.country), pct(m.share)])} />
          </div>
        )}
      </ChartFrame>

      <section aria-labelledby="headline-title" className="mt-8">
        <h2 id="headline-title" className="text-lg font-semibold">Headline facts{query.asOf ? ` as of ${query.asOf}` : ""}</h2>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">Each fact links to the release or the rows that prove it. Country is the primary developer’s headquarters.</p>
        <div className="mt-3 grid gap-4 md:grid-cols-3">
          {groups.map((g) => {
            const m = all[g]!;
            const recent = stats.recent[g]!;
            return (
              <div key={g} className="rounded border border-zinc-200 p-4 dark:border-zinc-800" data-group={g}>
                <h3 className="font-semibold">{groupLabel(g)}</h3>
                <dl className="mt-2 space-y-2 text-sm">
                  <div><dt className="text-xs text-zinc-600 dark:text-zinc-400">Largest by total parameters</dt>
                    <dd><span className="tabular font-semibold" title={m.largestTotal?.totalParams ? formatExact(m.largestTotal.totalParams) : undefined}>{formatParams(m.largestTotal?.totalParams)}</span> {modelLink(m.largestTotal)}</dd></div>
                  <div><dt className="text-xs text-zinc-600 dark:text-zinc-400">Largest by active parameters</dt>
                    <dd><span className="tabular font-semibold">{formatParams(m.largestActive?.activeParams)}</span> {modelLink(m.largestActive)}</dd></div>
                  <div><dt className="text-xs text-zinc-600 dark:text-zinc-400">Longest context window</dt>
                    <dd><span className="tabular font-semibold">{m.longestContext ? `${formatTokens(m.longestContext.contextWindow)} tokens` : "—"}</span> {modelLink(m.longestContext)}</dd></div>
                  <div><dt className="text-xs text-zinc-600 dark:text-zinc-400">Releases, last 12 months to {formatDay(recent.window.to)} / the year before</dt>
                    {/* The windows are (from, to]: the links start the day after, to list exactly the rows counted. */}
                    <dd className="tabular"><Link className={link} href={view(g, { releasedFrom: nextDay(recent.window.from), releasedTo: recent.window.to })}>{recent.last12}</Link> / <Link className={link} href={view(g, { releasedFrom: nextDay(recent.window.priorFrom), releasedTo: recent.window.from })}>{recent.prior12}</Link></dd></div>
                  <div><dt className="text-xs text-zinc-600 dark:text-zinc-400">Mixture-of-Experts share</dt>
                    <dd className="tabular"><Link className={link} href={view(g, { architecture: "moe" })}>{formatShare(m.moeShare)}</Link> <span className="text-zinc-600 dark:text-zinc-400">({m.moeReleases} of {m.releases})</span></dd></div>
                  <div><dt className="text-xs text-zinc-600 dark:text-zinc-400">Permissive license share</dt>
                    <dd className="tabular"><Link className={link} href={view(g, { license: ["permissive"] })}>{formatShare(m.permissiveShare)}</Link></dd></div>
                </dl>
              </div>
            );
          })}
        </div>

        <h3 className="mt-6 font-semibold">First to cross each size (total parameters)</h3>
        <div className="mt-2 overflow-x-auto">
          <table className="min-w-full text-sm">
            <caption className="sr-only">The first US and Chinese releases at or above 100B, 400B and 1T total parameters, and the lag between them</caption>
            <thead className="bg-zinc-50 text-left dark:bg-zinc-900">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">Threshold</th>
                <th scope="col" className="px-3 py-2 font-medium">First from the United States</th>
                <th scope="col" className="px-3 py-2 font-medium">First from China</th>
                <th scope="col" className="px-3 py-2 font-medium">Who was first, by how long</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
              {stats.thresholds.map((t) => (
                <tr key={t.threshold} data-threshold={t.threshold}>
                  <th scope="row" className="px-3 py-2 text-left font-medium">{formatParams(t.threshold)}</th>
                  {[t.us, t.cn].map((m, i) => (
                    <td key={i} className="px-3 py-2">{m ? <>{modelLink(m)} <span className="tabular whitespace-nowrap text-zinc-600 dark:text-zinc-400">{formatParams(m.totalParams)}, {m.releaseDate}</span></> : "not yet"}</td>
                  ))}
                  <td className="px-3 py-2">
                    {t.leader === null ? "neither yet" : t.lagMonths === null ? `${t.leader === "US" ? "United States" : "China"} (the other not yet)` : t.leader === "tie" ? "same day" : `${t.leader === "US" ? "United States" : "China"}, ${t.lagMonths} month${t.lagMonths === 1 ? "" : "s"} earlier`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="compare-title" className="mt-10">
        <h2 id="compare-title" className="text-lg font-semibold">The countries side by side, by year</h2>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">Each count links to the rows it counts. Add countries with “Also compare”.</p>
        {stats.periods.map((period) => {
          const c = stats.comparison[period]!;
          const range = yearRange(period);
          type Row = [string, (g: Group) => React.ReactNode];
          const measuresRows: Row[] = [
            ["Releases", (g) => <Link className={link} href={view(g, range)}>{c[g]!.releases}</Link>],
            ["MoE releases (share)", (g) => <><Link className={link} href={view(g, { ...range, architecture: "moe" })}>{c[g]!.moeReleases}</Link> ({formatShare(c[g]!.moeShare)})</>],
            ["Median total parameters", (g) => <Link className={link} href={view(g, { ...range, sort: "totalParams" })}>{formatParams(c[g]!.medianTotalParams)}</Link>],
            ["Largest total parameters", (g) => c[g]!.largestTotal ? <Link className={link} href={`/models/${c[g]!.largestTotal!.slug}`} title={c[g]!.largestTotal!.name}>{formatParams(c[g]!.largestTotal!.totalParams)}</Link> : "—"],
            ["Largest active parameters", (g) => c[g]!.largestActive ? <Link className={link} href={`/models/${c[g]!.largestActive!.slug}`} title={c[g]!.largestActive!.name}>{formatParams(c[g]!.largestActive!.activeParams)}</Link> : "—"],
            ["Longest context (tokens)", (g) => c[g]!.longestContext ? <Link className={link} href={`/models/${c[g]!.longestContext!.slug}`} title={c[g]!.longestContext!.name}>{formatTokens(c[g]!.longestContext!.contextWindow)}</Link> : "—"],
            ["Permissive license share", (g) => <Link className={link} href={view(g, { ...range, license: ["permissive"] })}>{formatShare(c[g]!.permissiveShare)}</Link>],
            ["Distinct developers", (g) => <Link className={link} href={view(g, range)}>{c[g]!.developers}</Link>],
          ];
          return (
            <details key={period} open={period === "all"} className="mt-3">
              <summary className="cursor-pointer font-medium">{period === "all" ? "Whole period" : periodLabel(period, isIncomplete(period, stats.dataThrough))}</summary>
              <div className="mt-2 overflow-x-auto">
                <table className="min-w-full text-sm" data-period={period}>
                  <caption className="sr-only">Measures per country group, {period === "all" ? "whole period" : period}</caption>
                  <thead className="bg-zinc-50 dark:bg-zinc-900">
                    <tr>
                      <th scope="col" className="px-3 py-2 text-left font-medium">Measure</th>
                      {groups.map((g) => <th key={g} scope="col" className="px-3 py-2 text-right font-medium">{groupLabel(g)}</th>)}
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
                    {measuresRows.map(([label, cell]) => (
                      <tr key={label}>
                        <th scope="row" className="px-3 py-2 text-left font-normal">{label}</th>
                        {groups.map((g) => <td key={g} className="tabular px-3 py-2 text-right">{cell(g)}</td>)}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
          );
        })}
      </section>

      <ChartFrame id="quarters" cite={cite("quarters")} title={stats.findings["releases-per-quarter"]}
        subtitle={`${Q["releases-per-quarter"]} Open-weights releases per quarter of their weights date, stacked by the primary developer's country. Base, instruct and reasoning variants count separately. The title counts complete quarters only.`}
        table={<DataTable caption="Releases per quarter" header={["Quarter", ...groups.map(groupLabel)]} rows={stats.charts.releasesPerQuarter.map((r) => [periodLabel(String(r.quarter), r.incomplete), ...groups.map((g) => String(r[g]))])} />}>
        <QuarterChart data={stats.charts.releasesPerQuarter} groups={groups} extra={extra} kind="stacked" note={note} />
      </ChartFrame>

      <ChartFrame id="size" cite={cite("size")} title={stats.findings.size}
        subtitle={`${Q.size} Every release as a point: weights date against parameters on a log scale; filled circles are Mixture-of-Experts, hollow squares dense. The step lines are each group's largest release so far; the title's record is by total parameters. Switch between total and active parameters.${points.length < releases ? ` Showing an even sample of ${points.length} of ${releases} releases, every record-setting one included.` : ""}`}
        table={<DataTable caption="Record-setting releases (the frontier) by total parameters" header={["Release", "Group", "Date", "Total parameters"]}
          rows={groups.flatMap((g) => stats.charts.frontiers.totalParams[g]!.map((s) => [<Link key={s.slug} href={`/models/${s.slug}`} className={link}>{s.name}</Link>, groupLabel(g), s.date, formatParams(s.value)]))} />}>
        <FrontierScatter points={points} frontiers={stats.charts.frontiers} groups={groups} extra={extra} asOf={asOf} kind="size" initialMeasure={query.measure} />
      </ChartFrame>

      <ChartFrame id="context" cite={cite("context")} title={stats.findings.context}
        subtitle={`${Q.context} Every release with a stated context window: weights date against the context the developer states (tokens, log scale). Step lines: each group's longest so far.`}
        table={<DataTable caption="Record-setting releases by context window" header={["Release", "Group", "Date", "Context (tokens)"]}
          rows={groups.flatMap((g) => stats.charts.frontiers.contextWindow[g]!.map((s) => [<Link key={s.slug} href={`/models/${s.slug}`} className={link}>{s.name}</Link>, groupLabel(g), s.date, formatTokens(s.value)]))} />}>
        <FrontierScatter points={points} frontiers={stats.charts.frontiers} groups={groups} extra={extra} asOf={asOf} kind="context" initialMeasure="totalParams" />
      </ChartFrame>

      <ChartFrame id="moe" cite={cite("moe")} title={stats.findings["moe-share"]}
        subtitle={`${Q["moe-share"]} Share of each group's releases per half-year that are Mixture-of-Experts models. A thin bar marked 0% is a half-year with releases and none of them MoE; a dashed outline marked "no releases", a half-year without releases. The title reads complete half-years only.`}
        table={<DataTable caption="MoE share per half-year" header={["Half-year", ...groups.map(groupLabel)]}
          rows={stats.charts.moeSharePerHalf.map((r) => [periodLabel(String(r.half), r.incomplete), ...groups.map((g) => (r[g] === null ? "no releases" : `${formatShare(r[g] as number)} (${r[`${g}_moe`]} of ${r[`${g}_n`]})`))])} />}>
        <MoeShareChart data={stats.charts.moeSharePerHalf} groups={groups} extra={extra} note={note} />
      </ChartFrame>

      <ChartFrame id="licenses" cite={cite("licenses")} title={stats.findings.licenses}
        subtitle={`${Q.licenses} Releases per year by license category: permissive (no use or scale limits beyond attribution), restricted (use policies, user caps), non-commercial. The small charts share one scale.`}
        table={<DataTable caption="Releases per year by license category" header={["Year", ...groups.flatMap((g) => ["permissive", "restricted", "non-commercial"].map((c) => `${groupLabel(g)}: ${c}`))]}
          rows={stats.charts.licensesPerYear.map((r) => [periodLabel(String(r.year), r.incomplete), ...groups.flatMap((g) => ["permissive", "restricted", "non-commercial"].map((c) => String(r[`${g}:${c}`])))])} />}>
        <LicenseChart data={stats.charts.licensesPerYear} groups={groups} note={note} />
      </ChartFrame>

      <ChartFrame id="cumulative" cite={cite("cumulative")} title={stats.findings.cumulative}
        subtitle={`${Q.cumulative} Cumulative releases at the end of each quarter, by the primary developer's country.`}
        table={<DataTable caption="Cumulative releases per quarter" header={["Quarter", ...groups.map(groupLabel)]} rows={stats.charts.cumulative.map((r) => [periodLabel(String(r.quarter), r.incomplete), ...groups.map((g) => String(r[g]))])} />}>
        <QuarterChart data={stats.charts.cumulative} groups={groups} extra={extra} kind="cumulative" note={note} />
      </ChartFrame>
    </>
  );
}

/** The scoreboard's finding in a sentence: how many measures each country leads. */
function leaderSummary(all: LeaderRow[]): string {
  const rows = all.filter((r) => r.current);
  const led = (c: string) => rows.filter((r) => r.leader === c).length;
  const others = rows.filter((r) => r.leader && r.leader !== "US" && r.leader !== "CN" && r.leader !== "tie").length;
  return `China leads ${led("CN")} of these ${rows.length} measures, the United States ${led("US")}${others ? `, other countries ${others}` : ""}.`;
}
