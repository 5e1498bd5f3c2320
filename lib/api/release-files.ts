import "server-only";
import { getRelease, getReleaseFile } from "@/lib/data/releases";
import { CHECKSUMS_FILE, MANIFEST_FILE, releaseMediaType } from "@/lib/domain/releases";
import { CREDIT_HEADER, creditText } from "./responses";
import { releaseChecksums, sha256Hex } from "./snapshot";

/** A year, and never revalidated: a release's bytes never change (docs/decisions/016-snapshots.md). */
export const IMMUTABLE_CACHE = "public, max-age=31536000, immutable";

/** If-None-Match names this entity tag (or `*`): weak comparison, as RFC 9110 asks for this header. */
function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").map((t) => t.trim().replace(/^W\//, "")).some((t) => t === "*" || t === etag);
}

/**
 * One file of a release as a response: the stored bytes, or manifest.json and SHA256SUMS made from the
 * stored manifest. Null: no such release or file (the route answers the site's 404).
 */
export async function releaseFileResponse(date: string, name: string, ifNoneMatch: string | null): Promise<Response | null> {
  let body: Uint8Array | string;
  let sha256: string;
  if (name === MANIFEST_FILE || name === CHECKSUMS_FILE) {
    const release = await getRelease(date);
    if (!release) return null;
    body = name === MANIFEST_FILE ? release.manifest : releaseChecksums(release.files, release.manifest);
    sha256 = sha256Hex(body);
  } else {
    const stored = await getReleaseFile(date, name);
    if (!stored) return null;
    body = stored.content;
    sha256 = stored.sha256;
  }
  const etag = `"${sha256}"`;
  const data = name !== MANIFEST_FILE && name !== CHECKSUMS_FILE;
  const headers: Record<string, string> = {
    ETag: etag,
    "Cache-Control": IMMUTABLE_CACHE,
    "Content-Type": releaseMediaType(name),
    // The plain name, so that the downloaded files sit beside SHA256SUMS under the names it lists.
    "Content-Disposition": `${data ? "attachment" : "inline"}; filename="${name}"`,
    [CREDIT_HEADER]: creditText().replace(/[^\x20-\x7e]/g, "?"),
  };
  if (matches(ifNoneMatch, etag)) return new Response(null, { status: 304, headers: { ETag: etag, "Cache-Control": IMMUTABLE_CACHE } });
  return new Response(typeof body === "string" ? body : Buffer.from(body), { headers });
}
