"use client";

// The dashboard's charts. Client components, imported only by the dashboard page, so no other page ships
// chart code. They receive aggregates computed on the server; the scatter charts receive one small object
// per release. What surrounds a drawing (its legend, the total/active switch, the attributes that say
// what is drawn) is rendered with the page; the drawing itself (recharts, ./chart-drawings) is loaded
// and drawn only when it comes near the viewport.
import { lazy, startTransition, Suspense, useEffect, useId, useRef, useState } from "react";
import { groupColor, LICENSE_COLORS } from "@/lib/domain/encodings";
import { LICENSE_CATEGORIES } from "@/lib/domain/licenses";
import type { CapabilityLine, FrontierData, Measure, PeriodRow } from "./chart-drawings";
import { groupLabel } from "./group-label";
import { HatchedRect, svgId } from "./hatch";
import { zeroBasedTicks } from "./scales";

const QuarterDrawing = lazy(() => import("./chart-drawings").then((m) => ({ default: m.QuarterDrawing })));
const MoeShareDrawing = lazy(() => import("./chart-drawings").then((m) => ({ default: m.MoeShareDrawing })));
const LicenseDrawing = lazy(() => import("./chart-drawings").then((m) => ({ default: m.LicenseDrawing })));
const FrontierDrawing = lazy(() => import("./chart-drawings").then((m) => ({ default: m.FrontierDrawing })));

/**
 * A chart's drawing area, drawn only when it comes near the viewport and then in a transition (React
 * yields to the browser while it renders). Drawn all at once on load, the six charts made about 5,000
 * SVG nodes and blocked a phone's main thread for seconds (Lighthouse total blocking time 3.6 s); now a
 * chart costs nothing until it is scrolled to. The box keeps the chart's height meanwhile, so nothing
 * moves when it appears; the data table under each chart carries the same numbers as text.
 */
function ChartBox({ height, children }: { height: number; children: React.ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        observer.disconnect();
        startTransition(() => setNear(true));
      },
      { rootMargin: "400px 0px" },
    );
    observer.observe(ref.current!);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={ref} style={{ height }}>
      {near && <Suspense fallback={null}>{children}</Suspense>}
    </div>
  );
}

function LegendItem({ color, label, shape }: { color: string; label: string; shape: "swatch" | "circle" | "square" | "line" | "dash" | "hatch" | "zero" | "none" }) {
  const id = svgId("legend", useId());
  return (
    <li className="inline-flex items-center gap-1.5" data-legend={shape === "hatch" ? "incomplete" : shape === "zero" || shape === "none" ? shape : undefined}>
      <svg width="14" height="14" aria-hidden>
        {shape === "swatch" && <rect x="1" y="1" width="12" height="12" fill={color} />}
        {shape === "hatch" && <HatchedRect id={id} color={color} x={1.5} y={1.5} width={11} height={11} />}
        {shape === "zero" && <rect x="1" y="10" width="12" height="2.5" fill={color} />}
        {shape === "none" && <rect x="1.5" y="5" width="11" height="7.5" fill="none" stroke={color} strokeOpacity={0.55} strokeDasharray="2 2" />}
        {shape === "circle" && <circle cx="7" cy="7" r="5" fill={color} />}
        {shape === "square" && <rect x="2" y="2" width="10" height="10" fill="none" stroke={color} strokeWidth="2" />}
        {shape === "line" && <path d="M0 10 H5 V4 H14" fill="none" stroke={color} strokeWidth="2" />}
        {shape === "dash" && <path d="M0 10 H5 V4 H14" fill="none" stroke={color} strokeWidth="1.5" strokeDasharray="3 2" />}
      </svg>
      {label}
    </li>
  );
}

/** The legend entry of an incomplete period ("incomplete: through 30 Nov"), when the chart has one. */
function IncompleteItem({ data, note }: { data: PeriodRow[]; note: string }) {
  return data.some((r) => r.incomplete) ? <LegendItem color="currentColor" label={note} shape="hatch" /> : null;
}

/** The legend in HTML: names in text next to each colour and shape, so colour is never the only key. */
function GroupLegend({ groups, extra, shapes = false, children }: { groups: string[]; extra: string[]; shapes?: boolean; children?: React.ReactNode }) {
  return (
    <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs">
      {groups.map((g) => <LegendItem key={g} color={groupColor(g, extra)} label={groupLabel(g)} shape="swatch" />)}
      {children}
      {shapes && (
        <>
          <LegendItem color="currentColor" label="Mixture-of-Experts" shape="circle" />
          <LegendItem color="currentColor" label="Dense" shape="square" />
          <LegendItem color="currentColor" label="Record so far (frontier)" shape="line" />
        </>
      )}
    </ul>
  );
}

/**
 * Charts 1 and 6: counts per quarter, stacked bars or cumulative lines. `note` labels a quarter the data
 * does not cover to its end ("incomplete: through 30 Nov"), drawn hatched.
 */
export function QuarterChart({ data, groups, extra, kind, note }: { data: PeriodRow[]; groups: string[]; extra: string[]; kind: "stacked" | "cumulative"; note: string }) {
  return (
    <div data-chart={kind === "stacked" ? "releases-per-quarter" : "cumulative"}>
      <ChartBox height={300}>
        <QuarterDrawing data={data} groups={groups} extra={extra} kind={kind} note={note} height={300} />
      </ChartBox>
      <GroupLegend groups={groups} extra={extra}><IncompleteItem data={data} note={note} /></GroupLegend>
    </div>
  );
}

/** Chart 4: MoE share per half-year, as grouped bars; a share of 0% and a half-year without releases are marked apart. */
export function MoeShareChart({ data, groups, extra, note }: { data: PeriodRow[]; groups: string[]; extra: string[]; note: string }) {
  return (
    <div data-chart="moe-share">
      <ChartBox height={300}>
        <MoeShareDrawing data={data} groups={groups} extra={extra} note={note} height={300} />
      </ChartBox>
      <GroupLegend groups={groups} extra={extra}>
        <LegendItem color="currentColor" label="0%: releases, none MoE" shape="zero" />
        <LegendItem color="currentColor" label="no releases" shape="none" />
        <IncompleteItem data={data} note={note} />
      </GroupLegend>
    </div>
  );
}

/** Chart 5: license categories per year, one small chart per group, all on one scale (the largest year of any group). */
export function LicenseChart({ data, groups, note }: { data: PeriodRow[]; groups: string[]; note: string }) {
  const ticks = zeroBasedTicks(Math.max(0, ...data.flatMap((r) => groups.map((g) => LICENSE_CATEGORIES.reduce((n, c) => n + Number(r[`${g}:${c}`] ?? 0), 0)))));
  return (
    <div data-chart="licenses" data-ticks={ticks.join(",")}>
      <div className="grid gap-4 md:grid-cols-3">
        {groups.map((g) => (
          <figure key={g}>
            <figcaption className="text-sm font-medium">{groupLabel(g)}</figcaption>
            <ChartBox height={220}>
              <LicenseDrawing data={data} group={g} note={note} height={220} ticks={ticks} />
            </ChartBox>
          </figure>
        ))}
      </div>
      <ul className="mt-2 flex flex-wrap gap-x-4 text-xs">
        {LICENSE_CATEGORIES.map((c) => <LegendItem key={c} color={LICENSE_COLORS[c]!} label={c[0]!.toUpperCase() + c.slice(1)} shape="swatch" />)}
        <IncompleteItem data={data} note={note} />
      </ul>
    </div>
  );
}

/**
 * Charts 2 and 3: every release as a point (x = weights date, y = log scale), coloured by country group and
 * shaped by architecture, with each group's running maximum as a step line. The size chart switches
 * between total and active parameters; a point opens its model page.
 */
export function FrontierScatter({ kind, initialMeasure, ...data }: FrontierData & { kind: "size" | "context"; initialMeasure: "totalParams" | "activeParams" }) {
  const [sizeMeasure, setSizeMeasure] = useState(initialMeasure);
  const measure: Measure = kind === "context" ? "contextWindow" : sizeMeasure;
  const plotted = data.points.filter((p) => p[measure] !== null).length;

  const choose = (m: "totalParams" | "activeParams") => {
    setSizeMeasure(m);
    const url = new URL(window.location.href);
    if (m === "activeParams") url.searchParams.set("params", "active");
    else url.searchParams.delete("params");
    window.history.replaceState(null, "", url);
  };

  return (
    <div data-chart={kind} data-measure={measure} data-points={plotted}>
      {kind === "size" && (
        <div role="group" aria-label="Parameters plotted" className="mb-2 inline-flex overflow-hidden rounded border border-zinc-300 text-sm dark:border-zinc-700">
          {(["totalParams", "activeParams"] as const).map((m) => (
            <button key={m} type="button" aria-pressed={sizeMeasure === m} onClick={() => choose(m)}
              className={`px-3 py-1 ${sizeMeasure === m ? "bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900" : "hover:bg-zinc-100 dark:hover:bg-zinc-800"}`}>
              {m === "totalParams" ? "Total parameters" : "Active parameters"}
            </button>
          ))}
        </div>
      )}
      <ChartBox height={380}>
        <FrontierDrawing {...data} measure={measure} height={380} />
      </ChartBox>
      <GroupLegend groups={data.groups} extra={data.extra} shapes />
    </div>
  );
}

const CapabilityDrawing = lazy(() => import("./chart-drawings").then((m) => ({ default: m.CapabilityDrawing })));
const UsageShareDrawing = lazy(() => import("./chart-drawings").then((m) => ({ default: m.UsageShareDrawing })));

/** The capability frontier of one benchmark: US and Chinese open-weights step lines, the closed reference dashed and grey. */
export function CapabilityChart({ lines, unit, asOf, benchmark }: { lines: CapabilityLine[]; unit: string; asOf: string; benchmark: string }) {
  return (
    <div data-chart="capability" data-benchmark={benchmark} data-points={lines.reduce((n, l) => n + l.steps.length, 0)}>
      <ChartBox height={340}>
        <CapabilityDrawing lines={lines} unit={unit} asOf={asOf} height={340} />
      </ChartBox>
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs">
        {lines.map((l) => <LegendItem key={l.key} color={l.color} label={l.label} shape={l.dashed ? "dash" : "line"} />)}
      </ul>
    </div>
  );
}

/** Weekly usage share by country of the open-weights models' tokens. */
export function UsageShareChart({ data }: { data: { week: string; days: number; US: number; CN: number; other: number }[] }) {
  return (
    <div data-chart="usage-share" data-points={data.length}>
      <ChartBox height={300}>
        <UsageShareDrawing data={data} height={300} />
      </ChartBox>
      <GroupLegend groups={["US", "CN", "other"]} extra={[]} />
    </div>
  );
}
