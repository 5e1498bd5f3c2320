import { countryName } from "@/lib/domain/countries";

/** "United States", "China", "All others": groups named in full (never flags). */
export function groupLabel(group: string): string {
  return group === "other" ? "All others" : countryName(group);
}
