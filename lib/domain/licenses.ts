/** License categories, from most to least open. The license table itself is data (data/curated/licenses.yaml). */
export const LICENSE_CATEGORIES = ["permissive", "restricted", "non-commercial"] as const;
export type LicenseCategory = (typeof LICENSE_CATEGORIES)[number];

export const LICENSE_CATEGORY_LABELS: Record<LicenseCategory, string> = {
  permissive: "Permissive",
  restricted: "Restricted",
  "non-commercial": "Non-commercial",
};

/** What a closed reference model shows where a license would be: it has no weights to license. */
export const NO_WEIGHTS_TEXT = "none: closed model, weights not published";

/** A license as lists and pages write it: "MIT License (Permissive)". */
export function licenseText(license: { name: string; category: LicenseCategory } | null): string {
  return license ? `${license.name} (${LICENSE_CATEGORY_LABELS[license.category]})` : NO_WEIGHTS_TEXT;
}
