/**
 * What the corrections pages need beyond the field registry (lib/domain/model-fields.ts, which names,
 * validates and formats every field): ages, safe links, the states of a correction.
 */

/** "just now", "5 minutes ago", "3 hours ago", "2 days ago". */
export function formatAge(from: Date, now: Date = new Date()): string {
  const seconds = Math.max(0, Math.round((now.getTime() - from.getTime()) / 1000));
  if (seconds < 60) return "just now";
  const units: [number, string][] = [
    [86_400, "day"],
    [3_600, "hour"],
    [60, "minute"],
  ];
  for (const [size, name] of units) {
    if (seconds >= size) {
      const n = Math.floor(seconds / size);
      return `${n} ${name}${n === 1 ? "" : "s"} ago`;
    }
  }
  return "just now";
}

/** A link target for a stored URL: only http(s), whatever got into the database. */
export function safeHref(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** A correction's life: sent, then accepted (applied through the write path) or rejected with a reason. */
export const CORRECTION_STATUSES = ["pending", "accepted", "rejected"] as const;
export type CorrectionStatus = (typeof CORRECTION_STATUSES)[number];
