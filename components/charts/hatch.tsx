// The one drawing of "this period is incomplete": diagonal hatching in the series' colour over a pale
// fill, with an outline. Used by the chart bars and by the HTML legend, so the key matches the marks; a
// pattern rather than a paler colour, because colour must never be the only signal.

/** SVG ids may not contain the characters React's useId produces; keep letters and digits. */
export function svgId(...parts: string[]): string {
  return parts.join("-").replace(/[^A-Za-z0-9-]/g, "");
}

function HatchPattern({ id, color }: { id: string; color: string }) {
  return (
    <pattern id={id} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
      <rect width="6" height="6" fill={color} fillOpacity={0.15} />
      <line x1="0" y1="0" x2="0" y2="6" stroke={color} strokeWidth="2.5" />
    </pattern>
  );
}

/** A hatched, outlined rectangle: an incomplete period's bar, or its swatch in a legend. */
export function HatchedRect({ id, color, x, y, width, height }: { id: string; color: string; x: number; y: number; width: number; height: number }) {
  return (
    <g data-incomplete="">
      <defs><HatchPattern id={id} color={color} /></defs>
      <rect x={x} y={y} width={width} height={height} fill={`url(#${id})`} stroke={color} strokeWidth={1.5} />
    </g>
  );
}
