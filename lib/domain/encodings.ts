/**
 * The same encodings everywhere (../design/ui.md): Okabe-Ito colours, colour-blind safe.
 * US blue, China vermillion, everyone else grey; added countries take the remaining palette.
 */
export const GROUP_COLORS: Record<string, string> = { US: "#0072B2", CN: "#D55E00", other: "#7F7F7F" };
const EXTRA_COLORS = ["#009E73", "#CC79A7", "#E69F00", "#56B4E9"];

export function groupColor(group: string, extra: readonly string[]): string {
  return GROUP_COLORS[group] ?? EXTRA_COLORS[extra.indexOf(group) % EXTRA_COLORS.length] ?? "#000000";
}

export const LICENSE_COLORS: Record<string, string> = { permissive: "#009E73", restricted: "#E69F00", "non-commercial": "#CC79A7" };
