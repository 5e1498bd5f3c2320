/**
 * The search box in every page's header: a plain GET form to /search (app/search/route.ts), which goes
 * straight to a model named exactly and to the ranked results in /models otherwise. No JavaScript needed.
 * Narrow on a phone (it grows from the sm breakpoint).
 */
export function SiteSearch() {
  return (
    <form action="/search" method="get" role="search" aria-label="Models" className="ml-auto flex min-w-0 items-center gap-1">
      <label htmlFor="site-q" className="sr-only">Search models</label>
      <input
        id="site-q"
        name="q"
        type="search"
        required
        maxLength={100}
        placeholder="Search models"
        autoComplete="off"
        className="h-8 w-32 min-w-0 rounded border border-zinc-300 bg-white px-2 text-sm sm:w-52 dark:border-zinc-700 dark:bg-zinc-900"
      />
      <button type="submit" className="h-8 rounded border border-zinc-300 px-2 text-sm hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 dark:border-zinc-700 dark:hover:bg-zinc-800">
        Search
      </button>
    </form>
  );
}
