"use client";

// The recharts drawings of the dashboard's charts, in a module of their own: components/charts/
// dashboard-charts.tsx loads it only when the first chart comes near the viewport, so recharts (about
// 130 kB gzipped) is not among the scripts a visitor downloads before the page is usable.
import { useRouter } from "next/navigation";
import { useId } from "react";
import {
  Bar, BarChart, CartesianGrid, ComposedChart, Line, LineChart, Rectangle, ReferenceArea, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis,
  type BarShapeProps,
} from "recharts";
import type { FrontierStep } from "@/lib/domain/aggregation";
import type { ChartPoint } from "@/lib/domain/dashboard";
import { groupColor, LICENSE_COLORS } from "@/lib/domain/encodings";
import { LICENSE_CATEGORIES } from "@/lib/domain/licenses";
import { formatExact, formatParams, formatTokens } from "@/lib/domain/params";
import { groupLabel } from "./group-label";
import { HatchedRect, svgId } from "./hatch";
import { logTicks, paddedTicks, zeroBasedTicks } from "./scales";

const axisTick = { fill: "currentColor", fontSize: 12 };
const axisLine = { stroke: "currentColor", strokeOpacity: 0.4 };
const grid = <CartesianGrid stroke="currentColor" strokeOpacity={0.12} />;
/**
 * A y-axis title, rotated and centred on its axis' left edge (recharts starts a rotated label at the
 * axis' middle, so a long one ran off the top): the axis' `width` leaves room for it beside the ticks.
 */
const yLabel = (value: string, fontSize = 12) => ({ value, angle: -90, position: "insideLeft" as const, offset: 4 + fontSize / 2, fill: "currentColor", fontSize, style: { textAnchor: "middle" as const } });
/** The width of a y-axis: its longest tick label (about 7 px a character at 12 px), the tick, and its title. */
const axisWidth = (labels: string[], fontSize = 12) => Math.ceil(Math.max(...labels.map((l) => l.length), 1) * fontSize * 0.6) + 8 + fontSize + 10;

const tooltipStyle = { contentStyle: { background: "var(--tooltip-bg, #fff)", color: "var(--tooltip-fg, #111)", border: "1px solid #999", fontSize: 12 } };

export type Measure = "totalParams" | "activeParams" | "contextWindow";

/** A row of a chart that buckets by period; `incomplete` marks a period the data does not cover to its end. */
export type PeriodRow = Record<string, string | number | boolean | null>;

/**
 * Bars as recharts draws them, except in an incomplete period: hatched and outlined, so that a part of
 * a quarter never reads as a low quarter. `series` keeps the pattern ids of a chart's bars apart.
 */
function periodBar(series: string) {
  return function PeriodBar(props: BarShapeProps) {
    if (!(props.payload as PeriodRow | undefined)?.incomplete) return <Rectangle {...props} />;
    const { x, y, width, height, fill } = props;
    if (!(height > 0) || !(width > 0)) return null;
    return <HatchedRect id={svgId(series, String(props.index))} color={fill ?? "currentColor"} x={x} y={y} width={width} height={height} />;
  };
}

/**
 * The band behind each incomplete period, the first one labelled with `note` ("incomplete: through 30
 * Nov"), right-aligned so that the label stays inside the plot at its right edge. A bar chart's period
 * is a band of its own; a line chart's is a point, so there the band covers the segment that leads to it
 * and the label sits at the bottom, under the rising totals.
 */
function incompleteAreas(data: PeriodRow[], key: string, note: string, kind: "bars" | "lines" = "bars") {
  return data.flatMap((r, index) => {
    if (!r.incomplete) return [];
    const from = kind === "lines" && index > 0 ? data[index - 1]![key] : r[key];
    return [
      <ReferenceArea key={String(r[key])} x1={String(from)} x2={String(r[key])} ifOverflow="hidden" fill="currentColor" fillOpacity={0.07} stroke="currentColor" strokeOpacity={0.3} strokeDasharray="3 3"
        label={data.findIndex((d) => d.incomplete) === index ? { value: note, position: kind === "lines" ? "insideBottomRight" : "insideTopRight", fill: "currentColor", fontSize: 11 } : undefined} />,
    ];
  });
}

/** The tooltip's heading: the period, and whether the data covers it to its end. */
const periodLabel = (note: string) => (label: unknown, payload: readonly { payload?: PeriodRow }[]) =>
  payload[0]?.payload?.incomplete ? `${String(label)} (${note})` : String(label);

/** Charts 1 and 6: counts per quarter, stacked bars or cumulative lines. */
export function QuarterDrawing({ data, groups, extra, kind, note, height }: { data: PeriodRow[]; groups: string[]; extra: string[]; kind: "stacked" | "cumulative"; note: string; height: number }) {
  const id = useId();
  // Stacked: the tallest quarter's total; cumulative: the largest running total.
  const values = data.map((r) => (kind === "stacked" ? groups.reduce((n, g) => n + Number(r[g] ?? 0), 0) : Math.max(...groups.map((g) => Number(r[g] ?? 0)))));
  const ticks = zeroBasedTicks(Math.max(0, ...values));
  return (
    <ResponsiveContainer width="100%" height={height}>
      {kind === "stacked" ? (
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 24, left: 8 }}>
          {grid}
          <XAxis dataKey="quarter" tick={axisTick} axisLine={axisLine} label={{ value: "Quarter of weights release", position: "insideBottom", offset: -16, fill: "currentColor", fontSize: 12 }} />
          <YAxis allowDecimals={false} ticks={ticks} domain={[0, ticks.at(-1)!]} tick={axisTick} axisLine={axisLine} width={axisWidth(ticks.map(String))} label={yLabel("Releases")} />
          <Tooltip {...tooltipStyle} labelFormatter={periodLabel(note)} />
          {incompleteAreas(data, "quarter", note)}
          {groups.map((g) => <Bar key={g} dataKey={g} name={groupLabel(g)} stackId="releases" fill={groupColor(g, extra)} shape={periodBar(`${id}-${g}`)} isAnimationActive={false} />)}
        </BarChart>
      ) : (
        <LineChart data={data} margin={{ top: 8, right: 8, bottom: 24, left: 8 }}>
          {grid}
          <XAxis dataKey="quarter" tick={axisTick} axisLine={axisLine} label={{ value: "End of quarter", position: "insideBottom", offset: -16, fill: "currentColor", fontSize: 12 }} />
          <YAxis allowDecimals={false} ticks={ticks} domain={[0, ticks.at(-1)!]} tick={axisTick} axisLine={axisLine} width={axisWidth(ticks.map(String))} label={yLabel("Releases to date")} />
          <Tooltip {...tooltipStyle} labelFormatter={periodLabel(note)} />
          {incompleteAreas(data, "quarter", note, "lines")}
          {groups.map((g, i) => <Line key={g} dataKey={g} name={groupLabel(g)} stroke={groupColor(g, extra)} strokeWidth={2} strokeDasharray={i === 0 ? undefined : i === 1 ? "6 3" : "2 3"} dot={false} isAnimationActive={false} />)}
        </LineChart>
      )}
    </ResponsiveContainer>
  );
}

/**
 * A bar of the MoE chart, where an empty bar would mean two things: a share of 0% (releases, none MoE) is
 * a thin bar on the baseline labelled "0%"; a half-year without releases a dashed outline, "no releases"
 * in its tooltip and the legend. Other shares are drawn as periodBar draws them.
 */
function moeBar(series: string, group: string, name: string) {
  const plain = periodBar(series);
  return function MoeBar(props: BarShapeProps) {
    const row = props.payload as PeriodRow;
    const share = row[group];
    const { x, y, width, height, fill } = props;
    if (!(width > 0) || share === undefined) return null;
    const base = y + Math.max(0, height);
    if (share === null) {
      return (
        <g data-moe="none" data-group={group} data-half={String(row.half)}>
          <title>{`${name}, ${String(row.half)}: no releases`}</title>
          <rect x={x + 0.75} y={base - 8} width={Math.max(1, width - 1.5)} height={7.25} fill="none" stroke="currentColor" strokeOpacity={0.55} strokeWidth={1} strokeDasharray="2 2" />
        </g>
      );
    }
    if (share === 0) {
      return (
        <g data-moe="zero" data-group={group} data-half={String(row.half)}>
          <title>{`${name}, ${String(row.half)}: 0% (0 of ${String(row[`${group}_n`])} releases MoE)`}</title>
          <rect x={x} y={base - 2.5} width={width} height={2.5} fill={fill} />
          {width >= 11 && <text x={x + width / 2} y={base - 5} textAnchor="middle" fontSize={9} fill="currentColor">0%</text>}
        </g>
      );
    }
    return plain(props);
  };
}

/** Chart 4: MoE share per half-year, as grouped bars; 0% and "no releases" each have a mark of their own (moeBar). */
export function MoeShareDrawing({ data, groups, extra, note, height }: { data: PeriodRow[]; groups: string[]; extra: string[]; note: string; height: number }) {
  const id = useId();
  const share = (v: number) => `${Math.round(v * 100)}%`;
  const byName = Object.fromEntries(groups.map((g) => [groupLabel(g), g]));
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 24, left: 8 }}>
        {grid}
        <XAxis dataKey="half" tick={axisTick} axisLine={axisLine} label={{ value: "Half-year of weights release", position: "insideBottom", offset: -16, fill: "currentColor", fontSize: 12 }} />
        <YAxis domain={[0, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} tickFormatter={share} tick={axisTick} axisLine={axisLine} width={axisWidth(["100%"])} label={yLabel("MoE share of releases")} />
        <Tooltip {...tooltipStyle} labelFormatter={periodLabel(note)}
          formatter={(_v, name, item) => {
            const row = (item as { payload?: PeriodRow }).payload;
            const g = byName[String(name)];
            const v = g && row ? row[g] : null;
            return typeof v === "number" ? `${share(v)} (${String(row![`${g}_moe`])} of ${String(row![`${g}_n`])})` : "no releases";
          }} />
        {incompleteAreas(data, "half", note)}
        {groups.map((g) => <Bar key={g} dataKey={(r: PeriodRow) => r[g] ?? 0} name={groupLabel(g)} fill={groupColor(g, extra)} shape={moeBar(`${id}-${g}`, g, groupLabel(g))} isAnimationActive={false} />)}
      </BarChart>
    </ResponsiveContainer>
  );
}

/**
 * Chart 5, one group's small chart: license categories per year (too narrow for the full note:
 * "incomplete"). `ticks` are shared by every group's chart, so that equal bars mean equal counts.
 */
export function LicenseDrawing({ data, group, note, height, ticks }: { data: PeriodRow[]; group: string; note: string; height: number; ticks: number[] }) {
  const id = useId();
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
        {grid}
        <XAxis dataKey="year" tick={axisTick} axisLine={axisLine} />
        <YAxis allowDecimals={false} ticks={ticks} domain={[0, ticks.at(-1)!]} tick={axisTick} axisLine={axisLine} width={axisWidth(ticks.map(String), 11)} label={yLabel("Releases", 11)} />
        <Tooltip {...tooltipStyle} labelFormatter={periodLabel(note)} />
        {incompleteAreas(data, "year", "incomplete")}
        {LICENSE_CATEGORIES.map((c) => <Bar key={c} dataKey={`${group}:${c}`} name={c} stackId="l" fill={LICENSE_COLORS[c]} shape={periodBar(`${id}-${c}`)} isAnimationActive={false} />)}
      </BarChart>
    </ResponsiveContainer>
  );
}

function HollowSquare(props: { cx?: number; cy?: number; fill?: string }) {
  const { cx = 0, cy = 0, fill } = props;
  return <rect x={cx - 4} y={cy - 4} width={8} height={8} fill="none" stroke={fill} strokeWidth={1.5} />;
}

const yearTick = (ms: number) => new Date(ms).getUTCFullYear().toString();

/** What the size and context charts draw, whichever measure is shown. */
export interface FrontierData {
  points: ChartPoint[];
  frontiers: Record<Measure, Record<string, FrontierStep[]>>;
  groups: string[];
  extra: string[];
  asOf: string;
}

/** Charts 2 and 3: the points and each group's record line for one measure; a point opens its model page. */
export function FrontierDrawing({ points, frontiers, groups, extra, asOf, measure, height }: FrontierData & { measure: Measure; height: number }) {
  const router = useRouter();
  const format = (v: number) => (measure === "contextWindow" ? `${formatTokens(v)} tokens` : formatParams(v));
  const end = Date.parse(asOf);
  const series = (g: string, arch: "dense" | "moe") =>
    points.filter((p) => p.group === g && p.architecture === arch && p[measure] !== null).map((p) => ({ x: Date.parse(p.date), y: p[measure]!, name: p.name, slug: p.slug, date: p.date }));
  const steps = (g: string) => {
    const s = frontiers[measure][g] ?? [];
    const line = s.map((f) => ({ x: Date.parse(f.date), y: f.value, name: f.name, slug: f.slug, date: f.date }));
    return line.length ? [...line, { ...line.at(-1)!, x: end }] : [];
  };
  // One tick per 1 January, so the year labels never repeat.
  const firstYear = Math.min(...points.map((p) => Number(p.date.slice(0, 4))), new Date(end).getUTCFullYear());
  const yearTicks = Array.from({ length: new Date(end).getUTCFullYear() - firstYear + 1 }, (_, i) => Date.UTC(firstYear + i, 0, 1));
  const open = (d: { payload?: { slug?: string }; slug?: string }) => router.push(`/models/${d.payload?.slug ?? d.slug}`);
  // Powers of ten from below the smallest release to above the record (2.8T: up to 10T), never clipped.
  const ticks = logTicks(points.flatMap((p) => (p[measure] === null ? [] : [p[measure]!])), measure === "contextWindow" ? [1e3, 1e6] : [1e9, 1e12]);
  const tickFormat = (v: number) => (measure === "contextWindow" ? formatTokens(v) : formatParams(v));

  return (
    <ResponsiveContainer width="100%" height={height}>
      <ComposedChart margin={{ top: 8, right: 16, bottom: 24, left: 8 }}>
        {grid}
        <XAxis type="number" dataKey="x" domain={[yearTicks[0] ?? "dataMin", end]} ticks={yearTicks} tickFormatter={yearTick} tick={axisTick} axisLine={axisLine} allowDuplicatedCategory={false}
          label={{ value: "Weights release date", position: "insideBottom", offset: -16, fill: "currentColor", fontSize: 12 }} />
        <YAxis type="number" dataKey="y" scale="log" domain={[ticks[0]!, ticks.at(-1)!]} ticks={ticks} interval={0} tickFormatter={tickFormat} tick={axisTick} axisLine={axisLine} width={axisWidth(ticks.map(tickFormat))}
          label={yLabel(measure === "contextWindow" ? "Context window (tokens, log scale)" : `${measure === "totalParams" ? "Total" : "Active"} parameters (log scale)`)} />
        <Tooltip {...tooltipStyle} cursor={{ strokeDasharray: "3 3" }}
          content={({ active, payload }) => {
            const p = active ? (payload?.[0]?.payload as { name: string; y: number; date: string } | undefined) : undefined;
            return p ? (
              <div className="rounded border border-zinc-400 bg-white px-2 py-1 text-xs text-zinc-900 shadow">
                <div className="font-medium">{p.name}</div>
                <div>{format(p.y)} ({formatExact(p.y)})</div>
                <div>{p.date}</div>
              </div>
            ) : null;
          }} />
        {groups.flatMap((g) => [
          <Scatter key={`${g}-moe`} name={`${groupLabel(g)}, MoE`} data={series(g, "moe")} fill={groupColor(g, extra)} shape="circle" isAnimationActive={false} onClick={open} className="cursor-pointer" />,
          <Scatter key={`${g}-dense`} name={`${groupLabel(g)}, dense`} data={series(g, "dense")} fill={groupColor(g, extra)} shape={<HollowSquare />} isAnimationActive={false} onClick={open} className="cursor-pointer" />,
          <Line key={`${g}-frontier`} name={`${groupLabel(g)} record`} data={steps(g)} dataKey="y" type="stepAfter" stroke={groupColor(g, extra)} strokeWidth={2} dot={false} activeDot={false} isAnimationActive={false} />,
        ])}
      </ComposedChart>
    </ResponsiveContainer>
  );
}

/** A capability step as the chart receives it (lib/domain/measures.ts CapabilityStep). */
export interface CapabilityLine {
  key: string;
  label: string;
  color: string;
  dashed: boolean;
  steps: { date: string; value: number; name: string; slug: string; evaluator: string }[];
}

/**
 * The capability frontier: one step line per group (best score so far, by release date), the closed
 * reference line thin, grey and dashed. The y domain is padded so that the best and worst points sit
 * inside the plot; the table under the chart links every point to its model page.
 */
export function CapabilityDrawing({ lines, unit, asOf, height }: { lines: CapabilityLine[]; unit: string; asOf: string; height: number }) {
  const end = Date.parse(asOf);
  const values = lines.flatMap((l) => l.steps.map((s) => s.value));
  const lo = values.length ? Math.min(...values) : 0;
  const hi = values.length ? Math.max(...values) : 100;
  // Round ticks with room above the best and below the worst point (a percent never past 0 or 100).
  const ticks = paddedTicks(lo, hi, unit === "percent" ? [0, 100] : [-Infinity, Infinity]);
  const domain: [number, number] = [ticks[0]!, ticks.at(-1)!];
  const dates = lines.flatMap((l) => l.steps.map((s) => Date.parse(s.date)));
  const firstYear = new Date(dates.length ? Math.min(...dates) : end).getUTCFullYear();
  const yearTicks = Array.from({ length: new Date(end).getUTCFullYear() - firstYear + 1 }, (_, i) => Date.UTC(firstYear + i, 0, 1));
  const fmt = (v: number) => (unit === "percent" ? `${v}%` : String(v));
  const data = (l: CapabilityLine) => {
    const pts = l.steps.map((s) => ({ x: Date.parse(s.date), y: s.value, name: s.name, slug: s.slug, date: s.date, evaluator: s.evaluator }));
    return pts.length ? [...pts, { ...pts.at(-1)!, x: end, extended: true }] : [];
  };
  return (
    <ResponsiveContainer width="100%" height={height}>
      <ComposedChart margin={{ top: 8, right: 16, bottom: 24, left: 8 }}>
        {grid}
        <XAxis type="number" dataKey="x" domain={[yearTicks[0] ?? "dataMin", end]} ticks={yearTicks} tickFormatter={yearTick} tick={axisTick} axisLine={axisLine} allowDuplicatedCategory={false}
          label={{ value: "Release date of the model", position: "insideBottom", offset: -16, fill: "currentColor", fontSize: 12 }} />
        <YAxis type="number" dataKey="y" domain={domain} ticks={ticks} interval={0} tickFormatter={fmt} tick={axisTick} axisLine={axisLine} width={axisWidth(ticks.map(fmt))}
          label={yLabel(unit === "percent" ? "Best score so far (%)" : "Best score so far")} />
        <Tooltip {...tooltipStyle}
          content={({ active, payload }) => {
            const p = active ? (payload?.[0]?.payload as { name: string; y: number; date: string; evaluator: string } | undefined) : undefined;
            return p ? (
              <div className="rounded border border-zinc-400 bg-white px-2 py-1 text-xs text-zinc-900 shadow">
                <div className="font-medium">{p.name}</div>
                <div>{fmt(p.y)}, released {p.date}</div>
                <div>measured by {p.evaluator}</div>
              </div>
            ) : null;
          }} />
        {lines.map((l) => (
          <Line key={l.key} name={l.label} data={data(l)} dataKey="y" type="stepAfter" stroke={l.color} strokeWidth={l.dashed ? 1.5 : 2.5} strokeDasharray={l.dashed ? "5 4" : undefined}
            dot={{ r: 3, fill: l.color, stroke: l.color }} activeDot={{ r: 5 }} isAnimationActive={false} />
        ))}
      </ComposedChart>
    </ResponsiveContainer>
  );
}

/** Weekly share of open-weights tokens by country group, stacked to 100% (a partial week says so in the tooltip). */
export function UsageShareDrawing({ data, height }: { data: { week: string; days: number; US: number; CN: number; other: number }[]; height: number }) {
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 24, left: 8 }}>
        {grid}
        <XAxis dataKey="week" tick={axisTick} axisLine={axisLine} label={{ value: "Week (starting Monday)", position: "insideBottom", offset: -16, fill: "currentColor", fontSize: 12 }} />
        <YAxis domain={[0, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} tickFormatter={(v: number) => `${Math.round(v * 100)}%`} tick={axisTick} axisLine={axisLine} width={axisWidth(["100%"])}
          label={yLabel("Share of open-weights tokens")} />
        <Tooltip {...tooltipStyle} formatter={(v) => `${Math.round(Number(v) * 1000) / 10}%`}
          labelFormatter={(label: unknown, payload: readonly { payload?: { days?: number } }[]) => `Week of ${String(label)}${(payload[0]?.payload?.days ?? 7) < 7 ? ` (${payload[0]!.payload!.days} of 7 days in the data)` : ""}`} />
        {(["US", "CN", "other"] as const).map((g) => <Bar key={g} dataKey={g} name={groupLabel(g)} stackId="share" fill={groupColor(g, [])} isAnimationActive={false} />)}
      </BarChart>
    </ResponsiveContainer>
  );
}
