import Link from "next/link";

export default function NotFound() {
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Not found</h1>
      <p className="mt-2">There is no page at this address. A model may have a different slug than you expect.</p>
      <p className="mt-4 flex gap-4">
        <Link href="/models" className="text-blue-700 underline dark:text-blue-400">Search all models</Link>
        <Link href="/" className="text-blue-700 underline dark:text-blue-400">Overview</Link>
      </p>
    </>
  );
}
