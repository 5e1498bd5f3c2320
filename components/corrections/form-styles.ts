/** Shared Tailwind classes of the corrections and moderation forms: visible focus, dark mode, error state. */
export const inputClass =
  "block w-full rounded border border-zinc-300 bg-white px-2.5 py-1.5 text-sm text-zinc-900 placeholder:text-zinc-400 " +
  "focus:border-blue-600 focus:outline-none focus:ring-2 focus:ring-blue-600/40 " +
  "aria-[invalid=true]:border-red-600 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 " +
  "dark:focus:border-blue-400 dark:focus:ring-blue-400/40 dark:aria-[invalid=true]:border-red-400";

export const buttonClass =
  "inline-flex items-center rounded bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800 " +
  "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-60 " +
  "dark:bg-blue-500 dark:text-zinc-950 dark:hover:bg-blue-400 dark:focus-visible:outline-blue-400";

export const secondaryButtonClass =
  "inline-flex items-center rounded border border-zinc-300 px-4 py-2 text-sm font-medium hover:bg-zinc-100 " +
  "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-60 " +
  "dark:border-zinc-700 dark:hover:bg-zinc-800 dark:focus-visible:outline-blue-400";

export const linkClass =
  "text-blue-700 underline underline-offset-2 hover:text-blue-900 focus-visible:outline-2 focus-visible:outline-offset-2 " +
  "focus-visible:outline-blue-600 dark:text-blue-400 dark:hover:text-blue-300";

export const errorTextClass = "mt-1 text-sm text-red-700 dark:text-red-400";
export const hintTextClass = "mt-1 text-xs text-zinc-600 dark:text-zinc-400";
