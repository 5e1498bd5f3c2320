import Link from "next/link";
import { countReleasesByCountryGroup } from "@/lib/data/models";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const counts = await countReleasesByCountryGroup();
  const total = counts.US + counts.CN + counts.other;
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Who releases the open-weights models?</h1>
      <p className="mt-2 max-w-2xl text-zinc-700 dark:text-zinc-300">
        Open Model Atlas tracks {total} open-weights language-model releases: {counts.US} from developers in the United States,{" "}
        {counts.CN} from China and {counts.other} from the rest of the world. Every value links to its source.
      </p>
      <p className="mt-4">
        <Link href="/models" className="font-medium text-blue-700 underline dark:text-blue-400">
          Browse all releases
        </Link>
      </p>
    </>
  );
}
