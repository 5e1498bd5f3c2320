"use client";

import { useEffect, useRef, useState } from "react";

/**
 * The bar that appears at the bottom of the window once a row of the rankings is ticked: "Compare N
 * selected" submits the form to /compare.
 *
 * It shows with CSS alone (`group-has-checked/compare`: the form has a ticked box), so it works without
 * JavaScript; the script only counts the ticked rows. It is fixed to the bottom of the window but sits in
 * the document before the table, so it comes first in the tab order of the results (the skip link
 * "Skip to results" lands just before it) instead of after 50 rows of links.
 */
export function CompareBar({ max }: { max: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    const form = ref.current?.closest("form");
    if (!form) return;
    const recount = () => setCount(form.querySelectorAll('input[name="models"]:checked').length);
    // After a reset the boxes change on the next task.
    const onReset = () => setTimeout(recount);
    recount(); // boxes the browser restored on a back navigation
    form.addEventListener("change", recount);
    form.addEventListener("reset", onReset);
    return () => {
      form.removeEventListener("change", recount);
      form.removeEventListener("reset", onReset);
    };
  }, []);
  const hint = count === null ? "Tick 2 to " + max + " models." : count < 2 ? "Tick one more model to compare." : count > max ? `At most ${max}: untick ${count - max}.` : null;
  return (
    <div
      ref={ref}
      data-compare-bar
      className="fixed inset-x-0 bottom-0 z-30 hidden border-t border-zinc-300 bg-white/95 shadow-[0_-2px_6px_rgba(0,0,0,0.08)] group-has-checked/compare:block not-supports-[selector(:has(*))]:block dark:border-zinc-700 dark:bg-zinc-950/95"
    >
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2 text-sm">
        <button type="submit" className="min-h-9 rounded bg-blue-700 px-3 py-1.5 font-medium text-white hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-offset-2">
          {count === null ? "Compare selected" : `Compare ${count} selected`}
        </button>
        <button type="reset" className="min-h-9 rounded border border-zinc-300 px-3 py-1.5 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800">
          Clear selection
        </button>
        <p aria-live="polite" className="text-zinc-700 dark:text-zinc-300">{hint}</p>
      </div>
    </div>
  );
}
