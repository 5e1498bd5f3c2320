import Link from "next/link";

/**
 * Under a page's table of the newest releases (an organization's, a country's): how many are shown and
 * the way to all of them in /models, where they can be filtered, sorted, paged and exported.
 */
export function AllInModelsTable({ shown, total, href }: { shown: number; total: number; href: string }) {
  const more = total > shown;
  return (
    <p className="mb-2 text-sm">
      {more && <>The newest {shown} of {total}. </>}
      <Link href={href} className="text-blue-700 underline dark:text-blue-400">{more ? `All ${total}: filter, sort and export` : "Filter, sort and export"} in the models table</Link>
    </p>
  );
}
