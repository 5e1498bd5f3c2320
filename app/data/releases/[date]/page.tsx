import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CiteThis } from "@/components/citation/cite-this";
import { originOfHeaders } from "@/lib/api/origin";
import { releaseChecksums, sha256Hex } from "@/lib/api/snapshot";
import { getRelease } from "@/lib/data/releases";
import { todayUtc } from "@/lib/domain/model-rules";
import { CHECKSUMS_FILE, formatBytes, MANIFEST_FILE, RELEASE_FILE_DESCRIPTIONS, releasePath, type ReleaseFileName } from "@/lib/domain/releases";
import { isoDateSchema } from "@/lib/schemas/common";
import { parseReleaseManifest } from "@/lib/schemas/release-manifest";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ date: string }> };

async function load(date: string) {
  return isoDateSchema.safeParse(date).success ? getRelease(date) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { date } = await params;
  return { title: isoDateSchema.safeParse(date).success ? `Data release ${date}` : "Data release not found" };
}

const link = "text-blue-700 underline dark:text-blue-400";

export default async function ReleasePage({ params }: Props) {
  const { date } = await params;
  const release = await load(date);
  if (!release) notFound();
  const origin = originOfHeaders(await headers());
  const manifest = parseReleaseManifest(release.manifest);
  const checksums = releaseChecksums(release.files, release.manifest);
  const extra = [
    { name: MANIFEST_FILE, bytes: Buffer.byteLength(release.manifest), sha256: sha256Hex(release.manifest), what: "Date, data version, and each file's rows, size and SHA-256; the credits and licenses." },
    { name: CHECKSUMS_FILE, bytes: Buffer.byteLength(checksums), sha256: sha256Hex(checksums), what: "The checksums in sha256sum's format (manifest.json included)." },
  ];
  const base = `${origin}${releasePath(date)}`;
  const names = [...release.files.map((f) => f.name), MANIFEST_FILE, CHECKSUMS_FILE];

  return (
    <article>
      <p className="text-sm"><Link href="/data/releases" className={link}>All data releases</Link></p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">Data release {date}</h1>
      <p className="mt-2 max-w-3xl">
        The whole dataset at data version <strong>{release.dataVersion}</strong>, whose last change was on{" "}
        <span className="whitespace-nowrap">{release.dataChangedAt.slice(0, 10)}</span>
        {manifest ? <>; complete through <span className="whitespace-nowrap">{manifest.completeThrough}</span> (releases after that day may be missing)</> : null}.
        These files never change: cite this page&apos;s address.
      </p>
      <div className="mt-1"><CiteThis what={`data release ${date}`} dataVersion={release.dataVersion} dataDate={release.dataChangedAt.slice(0, 10)} url={base} today={todayUtc()} /></div>

      <h2 className="mt-6 text-lg font-semibold">Files</h2>
      <div className="mt-2 overflow-x-auto">
        <table className="min-w-full text-sm">
          <caption className="sr-only">The files of data release {date} with their rows, sizes and SHA-256 checksums</caption>
          <thead className="bg-zinc-50 text-left dark:bg-zinc-900">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">File</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">Rows</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">Size</th>
              <th scope="col" className="px-3 py-2 font-medium">SHA-256</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {[...release.files.map((f) => ({ ...f, what: RELEASE_FILE_DESCRIPTIONS[f.name as ReleaseFileName] ?? "" })), ...extra.map((f) => ({ ...f, rows: null }))].map((f) => (
              <tr key={f.name} data-file={f.name}>
                <th scope="row" className="px-3 py-2 text-left align-top font-medium">
                  <a href={releasePath(date, f.name)} download={f.name} className={link}>{f.name}</a>
                  <div className="max-w-md text-xs font-normal text-zinc-600 dark:text-zinc-400">{f.what}</div>
                </th>
                <td className="tabular px-3 py-2 text-right align-top">{f.rows ?? "—"}</td>
                <td className="tabular whitespace-nowrap px-3 py-2 text-right align-top" title={`${f.bytes} bytes`}>{formatBytes(f.bytes)}</td>
                <td className="px-3 py-2 align-top"><code className="break-all text-xs" data-sha256>{f.sha256}</code></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 className="mt-6 text-lg font-semibold">Verify a download</h2>
      <p className="mt-1 max-w-3xl text-sm">
        Download the files and <a href={releasePath(date, CHECKSUMS_FILE)} className={link}>{CHECKSUMS_FILE}</a> into one folder, then
        check every file against its SHA-256 (<code>shasum -a 256 -c {CHECKSUMS_FILE}</code> on macOS):
      </p>
      <pre className="mt-2 overflow-x-auto rounded bg-zinc-100 p-3 text-xs dark:bg-zinc-900">
        {`mkdir atlas-${date} && cd atlas-${date}\nfor f in ${names.join(" ")}; do\n  curl -fsSO "${base}/$f"\ndone\nsha256sum -c ${CHECKSUMS_FILE}`}
      </pre>

      {manifest && (
        <>
          <h2 className="mt-6 text-lg font-semibold">Credits and licenses</h2>
          <p className="mt-1 max-w-3xl text-sm">Keep these credits with whatever you publish from these files; the secondary sources&apos; licenses require them.</p>
          <ul className="mt-2 ml-5 max-w-3xl list-disc text-sm">
            {manifest.credit.map((c) => <li key={c}>{c}</li>)}
          </ul>
          <p className="mt-2 max-w-3xl text-sm">
            Licenses of the sources&apos; data: {manifest.licenses.map((l) => `${l.source} (${l.license})`).join(", ")}. Every value&apos;s own source is
            in <code>sources.csv</code>.
          </p>
        </>
      )}
    </article>
  );
}
