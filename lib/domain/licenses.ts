/** License categories, from most to least open. The license table itself is data (data/curated/licenses.yaml). */
export const LICENSE_CATEGORIES = ["permissive", "restricted", "non-commercial"] as const;
export type LicenseCategory = (typeof LICENSE_CATEGORIES)[number];

export const LICENSE_CATEGORY_LABELS: Record<LicenseCategory, string> = {
  permissive: "Permissive",
  restricted: "Restricted",
  "non-commercial": "Non-commercial",
};
