"use client";

// Shown when a page cannot be rendered, in practice when the database cannot be reached.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert">
      <h1 className="text-2xl font-semibold tracking-tight">The data could not be loaded</h1>
      <p className="mt-2 max-w-2xl">
        The data store did not answer. This is usually brief: try again in a few seconds. The API at{" "}
        <code>/api/v1/models</code> answers 503 with a Retry-After header meanwhile.
      </p>
      <p className="mt-4 flex gap-4">
        <button type="button" onClick={reset} className="rounded bg-blue-700 px-3 py-1.5 font-medium text-white hover:bg-blue-800">
          Try again
        </button>
        <a href="/about" className="text-blue-700 underline dark:text-blue-400">About the data</a>
      </p>
    </div>
  );
}
