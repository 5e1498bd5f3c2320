import { createHmac } from "node:crypto";

/**
 * Who is sending a correction, for rate limiting only. Next does not give route code the socket address;
 * it copies it into X-Forwarded-For only when the request has none, so a client reaching the app directly
 * can write that header itself. We therefore read X-Forwarded-For only when TRUST_PROXY says how many
 * proxies of ours append to it, and take the address the outermost of them saw. Without TRUST_PROXY every
 * client shares one bucket (docs/decisions/006-corrections.md).
 */
export const SHARED_CLIENT = "direct";

export function clientAddress(forwardedFor: string | null | undefined, trustedProxies: number): string {
  if (trustedProxies <= 0) return SHARED_CLIENT;
  const hops = (forwardedFor ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  // Each trusted proxy appended one entry; the one the first of them appended is the client.
  const candidate = hops[hops.length - trustedProxies];
  if (!candidate || candidate.length > 100 || !/^[0-9A-Fa-f:.[\]%a-z-]+$/.test(candidate)) return "unknown";
  return candidate.toLowerCase();
}

/** A keyed hash of the address: the database never holds the address itself. */
export function clientKey(address: string, key: Buffer): string {
  return createHmac("sha256", key).update(`client\0${address}`).digest("base64url").slice(0, 32);
}
