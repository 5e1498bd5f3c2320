import type { Metadata } from "next";
import Link from "next/link";
import { SiteSearch } from "@/components/site-search";
import { creditLines } from "@/lib/domain/sources";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Open Model Atlas", template: "%s · Open Model Atlas" },
  description: "Who releases the biggest, longest-context, most open AI models: the United States, China, or everyone else. Every value sourced.",
};

const NAV = [
  { href: "/models", label: "Models" },
  { href: "/compare", label: "Compare" },
  { href: "/changes", label: "Changes" },
  { href: "/data-quality", label: "Data quality" },
  { href: "/about", label: "About" },
];

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-white font-sans text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2 dark:focus:bg-zinc-900">
          Skip to content
        </a>
        <header className="border-b border-zinc-200 dark:border-zinc-800">
          {/* Wraps onto a second line on a phone (no JavaScript, no menu to open); py-1 makes each link a 28 px tap target. */}
          <nav aria-label="Main" className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-5 gap-y-1 px-4 py-2 text-sm sm:gap-x-6">
            <Link href="/" className="inline-block py-1 font-semibold tracking-tight">
              Open Model Atlas
            </Link>
            {NAV.map(({ href, label }) => (
              <Link key={href} href={href} className="inline-block py-1 text-zinc-700 hover:underline dark:text-zinc-300">
                {label}
              </Link>
            ))}
            <SiteSearch />
          </nav>
        </header>
        <main id="main" className="mx-auto max-w-7xl px-4 py-6">
          {children}
        </main>
        <footer className="mx-auto mt-12 max-w-7xl border-t border-zinc-200 px-4 py-6 text-sm text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
          <nav aria-label="Data and site" className="flex flex-wrap gap-x-5 gap-y-1">
            <Link href="/docs/api" className="hover:underline">API documentation</Link>
            <a href="/api/v1/openapi.json" className="hover:underline">API (OpenAPI)</a>
            <a href="/api/v1/models.csv" className="hover:underline">All models as CSV</a>
            <Link href="/data/releases" className="hover:underline">Data releases (citable snapshots)</Link>
            <Link href="/changes" className="hover:underline">Accepted changes</Link>
            <a href="/changes.atom" className="hover:underline">Changes feed (Atom)</a>
            <a href="/releases.atom" className="hover:underline">Releases feed (Atom)</a>
            <Link href="/about" className="hover:underline">Methodology and credits</Link>
            <Link href="/admin" className="hover:underline">Moderation</Link>
          </nav>
          <p className="mt-2">Secondary sources: {creditLines().join("; ")}.</p>
        </footer>
      </body>
    </html>
  );
}
