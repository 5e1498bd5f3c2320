"use client";

// The dashboard's charts (recharts). Client components, imported only by the dashboard page, so no other
// page ships chart code. They receive aggregates computed on the server; the scatter charts receive one
// small object per release.
import { useRouter } from "next/navigation";
import { useState } from "react";
import {
  Bar, BarChart, CartesianGrid, ComposedChart, Line, LineChart, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis,
} from "recharts";
import type { ChartPoint } from "@/lib/domain/dashboard";
import type { FrontierStep } from "@/lib/domain/aggregation";
import { groupColor, LICENSE_COLORS } from "@/lib/domain/encodings";
import { formatExact, formatParams, formatTokens } from "@/lib/domain/params";
import { groupLabel } from "./group-label";

const axisTick = { fill: "currentColor", fontSize: 12 };
const axisLine = { stroke: "currentColor", strokeOpacity: 0.4 };
const grid = <CartesianGrid stroke="currentColor" strokeOpacity={0.12} />;
const tooltipStyle = { contentStyle: { background: "var(--tooltip-bg, #fff)", color: "var(--tooltip-fg, #111)", border: "1px solid #999", fontSize: 12 } };

function LegendItem({ color, label, shape }: { color: string; label: string; shape: "swatch" | "circle" | "square" | "line" }) {
  return (
    <li className="inline-flex items-center gap-1.5">
      <svg width="14" height="14" aria-hidden>
        {shape === "swatch" && <rect x="1" y="1" width="12" height="12" fill={color} />}
        {shape === "circle" && <circle cx="7" cy="7" r="5" fill={color} />}
        {shape === "square" && <rect x="2" y="2" width="10" height="10" fill="none" stroke={color} strokeWidth="2" />}
        {shape === "line" && <path d="M0 10 H5 V4 H14" fill="none" stroke={color} strokeWidth="2" />}
      </svg>
      {label}
    </li>
  );
}

/** The legend in HTML: names in text next to each colour and shape, so colour is never the only key. */
function GroupLegend({ groups, extra, shapes = false }: { groups: string[]; extra: string[]; shapes?: boolean }) {
  return (
    <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs">
      {groups.map((g) => <LegendItem key={g} color={groupColor(g, extra)} label={groupLabel(g)} shape="swatch" />)}
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

const yearTick = (ms: number) => new Date(ms).getUTCFullYear().toString();

/** Charts 1 and 6: counts per quarter, stacked bars or cumulative lines. */
export function QuarterChart({ data, groups, extra, kind }: { data: Record<string, string | number>[]; groups: string[]; extra: string[]; kind: "stacked" | "cumulative" }) {
  return (
    <div data-chart={kind === "stacked" ? "releases-per-quarter" : "cumulative"}>
      <ResponsiveContainer width="100%" height={300}>
        {kind === "stacked" ? (
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 24, left: 8 }}>
            {grid}
            <XAxis dataKey="quarter" tick={axisTick} axisLine={axisLine} label={{ value: "Quarter of weights release", position: "insideBottom", offset: -16, fill: "currentColor", fontSize: 12 }} />
            <YAxis allowDecimals={false} tick={axisTick} axisLine={axisLine} label={{ value: "Releases", angle: -90, position: "insideLeft", fill: "currentColor", fontSize: 12 }} />
            <Tooltip {...tooltipStyle} />
            {groups.map((g) => <Bar key={g} dataKey={g} name={groupLabel(g)} stackId="releases" fill={groupColor(g, extra)} isAnimationActive={false} />)}
          </BarChart>
        ) : (
          <LineChart data={data} margin={{ top: 8, right: 8, bottom: 24, left: 8 }}>
            {grid}
            <XAxis dataKey="quarter" tick={axisTick} axisLine={axisLine} label={{ value: "End of quarter", position: "insideBottom", offset: -16, fill: "currentColor", fontSize: 12 }} />
            <YAxis allowDecimals={false} tick={axisTick} axisLine={axisLine} label={{ value: "Releases to date", angle: -90, position: "insideLeft", fill: "currentColor", fontSize: 12 }} />
            <Tooltip {...tooltipStyle} />
            {groups.map((g, i) => <Line key={g} dataKey={g} name={groupLabel(g)} stroke={groupColor(g, extra)} strokeWidth={2} strokeDasharray={i === 0 ? undefined : i === 1 ? "6 3" : "2 3"} dot={false} isAnimationActive={false} />)}
          </LineChart>
        )}
      </ResponsiveContainer>
      <GroupLegend groups={groups} extra={extra} />
    </div>
  );
}

/** Chart 4: MoE share per half-year, as grouped bars (a share of zero releases is no bar). */
export function MoeShareChart({ data, groups, extra }: { data: Record<string, string | number | null>[]; groups: string[]; extra: string[] }) {
  return (
    <div data-chart="moe-share">
      <ResponsiveContainer width="100%" height={300}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 24, left: 8 }}>
          {grid}
          <XAxis dataKey="half" tick={axisTick} axisLine={axisLine} label={{ value: "Half-year of weights release", position: "insideBottom", offset: -16, fill: "currentColor", fontSize: 12 }} />
          <YAxis domain={[0, 1]} tickFormatter={(v: number) => `${Math.round(v * 100)}%`} tick={axisTick} axisLine={axisLine} label={{ value: "MoE share of releases", angle: -90, position: "insideLeft", fill: "currentColor", fontSize: 12 }} />
          <Tooltip {...tooltipStyle} formatter={(v) => (typeof v === "number" ? `${Math.round(v * 100)}%` : "no releases")} />
          {groups.map((g) => <Bar key={g} dataKey={g} name={groupLabel(g)} fill={groupColor(g, extra)} isAnimationActive={false} />)}
        </BarChart>
      </ResponsiveContainer>
      <GroupLegend groups={groups} extra={extra} />
    </div>
  );
}

/** Chart 5: license categories per year, one small chart per group. */
export function LicenseChart({ data, groups }: { data: Record<string, string | number>[]; groups: string[] }) {
  const categories = ["permissive", "restricted", "non-commercial"] as const;
  return (
    <div data-chart="licenses">
      <div className="grid gap-4 md:grid-cols-3">
        {groups.map((g) => (
          <figure key={g}>
            <figcaption className="text-sm font-medium">{groupLabel(g)}</figcaption>
            <ResponsiveContainer width="100%" height={220}>
              <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
                {grid}
                <XAxis dataKey="year" tick={axisTick} axisLine={axisLine} />
                <YAxis allowDecimals={false} tick={axisTick} axisLine={axisLine} width={32} label={{ value: "Releases", angle: -90, position: "insideLeft", fill: "currentColor", fontSize: 11 }} />
                <Tooltip {...tooltipStyle} />
                {categories.map((c) => <Bar key={c} dataKey={`${g}:${c}`} name={c} stackId="l" fill={LICENSE_COLORS[c]} isAnimationActive={false} />)}
              </BarChart>
            </ResponsiveContainer>
          </figure>
        ))}
      </div>
      <ul className="mt-2 flex flex-wrap gap-x-4 text-xs">
        {categories.map((c) => <LegendItem key={c} color={LICENSE_COLORS[c]!} label={c[0]!.toUpperCase() + c.slice(1)} shape="swatch" />)}
      </ul>
    </div>
  );
}

type Measure = "totalParams" | "activeParams" | "contextWindow";

function HollowSquare(props: { cx?: number; cy?: number; fill?: string }) {
  const { cx = 0, cy = 0, fill } = props;
  return <rect x={cx - 4} y={cy - 4} width={8} height={8} fill="none" stroke={fill} strokeWidth={1.5} />;
}

/**
 * Charts 2 and 3: every release as a point (x = weights date, y = log scale), coloured by country group and
 * shaped by architecture, with each group's running maximum as a step line. The size chart switches
 * between total and active parameters; a point opens its model page.
 */
export function FrontierScatter({
  points, frontiers, groups, extra, asOf, kind, initialMeasure,
}: {
  points: ChartPoint[];
  frontiers: Record<Measure, Record<string, FrontierStep[]>>;
  groups: string[];
  extra: string[];
  asOf: string;
  kind: "size" | "context";
  initialMeasure: "totalParams" | "activeParams";
}) {
  const router = useRouter();
  const [sizeMeasure, setSizeMeasure] = useState(initialMeasure);
  const measure: Measure = kind === "context" ? "contextWindow" : sizeMeasure;
  const format = (v: number) => (measure === "contextWindow" ? `${formatTokens(v)} tokens` : formatParams(v));
  const end = Date.parse(asOf);
  const series = (g: string, arch: "dense" | "moe") =>
    points.filter((p) => p.group === g && p.architecture === arch && p[measure] !== null).map((p) => ({ x: Date.parse(p.date), y: p[measure]!, name: p.name, slug: p.slug, date: p.date }));
  const steps = (g: string) => {
    const s = frontiers[measure][g] ?? [];
    const line = s.map((f) => ({ x: Date.parse(f.date), y: f.value, name: f.name, slug: f.slug, date: f.date }));
    return line.length ? [...line, { ...line.at(-1)!, x: end }] : [];
  };
  const plotted = points.filter((p) => p[measure] !== null).length;
  // One tick per 1 January, so the year labels never repeat.
  const firstYear = Math.min(...points.map((p) => Number(p.date.slice(0, 4))), new Date(end).getUTCFullYear());
  const yearTicks = Array.from({ length: new Date(end).getUTCFullYear() - firstYear + 1 }, (_, i) => Date.UTC(firstYear + i, 0, 1));

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
      <ResponsiveContainer width="100%" height={380}>
        <ComposedChart margin={{ top: 8, right: 16, bottom: 24, left: 16 }}>
          {grid}
          <XAxis type="number" dataKey="x" domain={[yearTicks[0] ?? "dataMin", end]} ticks={yearTicks} tickFormatter={yearTick} tick={axisTick} axisLine={axisLine} allowDuplicatedCategory={false}
            label={{ value: "Weights release date", position: "insideBottom", offset: -16, fill: "currentColor", fontSize: 12 }} />
          <YAxis type="number" dataKey="y" scale="log" domain={["auto", "auto"]} allowDataOverflow tickFormatter={(v: number) => (measure === "contextWindow" ? formatTokens(v) : formatParams(v))} tick={axisTick} axisLine={axisLine} width={56}
            label={{ value: measure === "contextWindow" ? "Context window (tokens, log scale)" : `${measure === "totalParams" ? "Total" : "Active"} parameters (log scale)`, angle: -90, position: "insideLeft", offset: -8, fill: "currentColor", fontSize: 12 }} />
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
            <Scatter key={`${g}-moe`} name={`${groupLabel(g)}, MoE`} data={series(g, "moe")} fill={groupColor(g, extra)} shape="circle" isAnimationActive={false}
              onClick={(d: { payload?: { slug?: string }; slug?: string }) => router.push(`/models/${d.payload?.slug ?? d.slug}`)} className="cursor-pointer" />,
            <Scatter key={`${g}-dense`} name={`${groupLabel(g)}, dense`} data={series(g, "dense")} fill={groupColor(g, extra)} shape={<HollowSquare />} isAnimationActive={false}
              onClick={(d: { payload?: { slug?: string }; slug?: string }) => router.push(`/models/${d.payload?.slug ?? d.slug}`)} className="cursor-pointer" />,
            <Line key={`${g}-frontier`} name={`${groupLabel(g)} record`} data={steps(g)} dataKey="y" type="stepAfter" stroke={groupColor(g, extra)} strokeWidth={2} dot={false} activeDot={false} isAnimationActive={false} />,
          ])}
        </ComposedChart>
      </ResponsiveContainer>
      <GroupLegend groups={groups} extra={extra} shapes />
    </div>
  );
}
