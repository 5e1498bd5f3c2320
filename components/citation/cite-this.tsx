"use client";

import Link from "next/link";
import { useState, useSyncExternalStore } from "react";
import { citationText } from "@/lib/domain/releases";

/** The reader's day, YYYY-MM-DD in their time zone: a cached page must not cite the day it was rendered. */
function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}
const noSubscription = () => () => {};

function CopyButton({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      aria-label={label}
      onClick={() => void navigator.clipboard?.writeText(text).then(() => setCopied(true), () => setCopied(false))}
      className="ml-1 rounded border border-zinc-300 px-1.5 py-0.5 font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
    >
      <span aria-live="polite">{copied ? "Copied" : "Copy"}</span>
    </button>
  );
}

export interface CiteThisProps {
  /** What is cited: "DeepSeek-R1 (model record)", "chart \"...\"". */
  what: string;
  dataVersion: number;
  dataDate: string;
  /** The absolute URL of this view (the public origin, lib/public-origin.ts). */
  url: string;
  /** The server's day (UTC), shown until the browser says its own. */
  today: string;
  /** The newest data release, the stable version to cite; null: none yet; left out where the view is a release itself. */
  stable?: { date: string; dataVersion: number; dataDate: string; url: string } | null;
}

/** "Cite this": a ready-to-copy citation of a view, and of the newest data release when there is one. */
export function CiteThis({ what, dataVersion, dataDate, url, today, stable }: CiteThisProps) {
  const retrieved = useSyncExternalStore(noSubscription, localToday, () => today);
  const text = citationText({ what, dataVersion, dataDate, url, retrieved });
  const stableText = stable && citationText({ what: `data release ${stable.date}`, dataVersion: stable.dataVersion, dataDate: stable.dataDate, url: stable.url, retrieved });
  return (
    <details className="mt-2 text-xs text-zinc-700 dark:text-zinc-300" data-cite>
      <summary className="cursor-pointer text-zinc-600 dark:text-zinc-400">Cite this</summary>
      <p className="mt-1 max-w-3xl">
        <span data-citation>{text}</span>
        <CopyButton text={text} label="Copy the citation" />
      </p>
      {stable && stableText ? (
        <p className="mt-1 max-w-3xl" data-citation-stable>
          Stable version to cite (immutable files with SHA-256 checksums):{" "}
          <a href={stable.url} className="text-blue-700 underline dark:text-blue-400">data release {stable.date}</a>.{" "}
          <span>{stableText}</span>
          <CopyButton text={stableText} label="Copy the citation of the data release" />
        </p>
      ) : stable === null ? (
        <p className="mt-1 max-w-3xl text-zinc-600 dark:text-zinc-400">No data release yet: the page changes as the data does. <Link href="/data/releases" className="underline">Data releases</Link></p>
      ) : null}
    </details>
  );
}
