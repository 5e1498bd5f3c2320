// Load on one URL with autocannon: a fixed number of connections for a fixed time. Latencies are taken
// from every response (autocannon's own histogram has no p95), statuses counted one by one.
import autocannon from "autocannon";
import { round, summarize } from "./stats";

export interface LoadResult {
  url: string;
  connections: number;
  durationS: number;
  requests: number;
  requestsPerSec: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number; mean: number };
  /** Connection errors and timeouts (no response at all). */
  errors: number;
  timeouts: number;
  non2xx: number;
  statuses: Record<string, number>;
  /** Mean response size in bytes. */
  bytes: number;
}

export interface LoadOptions {
  connections?: number;
  durationS: number;
  /** A request that takes longer counts as a timeout (seconds). */
  timeoutS?: number;
  /** Called with each response: status, latency (ms) and when it came (ms since the start). */
  onResponse?: (status: number, latencyMs: number, atMs: number) => void;
  onError?: (atMs: number, error: Error) => void;
}

export async function loadUrl(url: string, options: LoadOptions): Promise<LoadResult> {
  const connections = options.connections ?? 32;
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let bytes = 0;
  let errors = 0;
  const t0 = performance.now();
  // Without a callback autocannon returns its instance (an event emitter) made thenable; its types say Promise only.
  const instance = autocannon({ url, connections, duration: options.durationS, timeout: options.timeoutS ?? 30 }) as unknown as autocannon.Instance & Promise<autocannon.Result>;
  instance.on("response", (_client: unknown, status: number, resBytes: number, responseTime: number) => {
    latencies.push(responseTime);
    statuses[status] = (statuses[status] ?? 0) + 1;
    bytes += resBytes;
    options.onResponse?.(status, responseTime, performance.now() - t0);
  });
  instance.on("reqError", (error: Error) => {
    errors++;
    options.onError?.(performance.now() - t0, error);
  });
  const result = await instance;
  const elapsed = (performance.now() - t0) / 1000;
  const s = summarize(latencies);
  const non2xx = Object.entries(statuses).filter(([k]) => !k.startsWith("2")).reduce((a, [, n]) => a + n, 0);
  return {
    url,
    connections,
    durationS: round(elapsed, 1),
    requests: latencies.length,
    requestsPerSec: round(latencies.length / elapsed, 1),
    latencyMs: { p50: s.p50, p95: s.p95, p99: s.p99, max: s.max, mean: s.mean },
    errors: Math.max(errors, result.errors - result.timeouts),
    timeouts: result.timeouts,
    non2xx,
    statuses,
    bytes: latencies.length ? Math.round(bytes / latencies.length) : 0,
  };
}
