/**
 * A small HTTP client for the ingesters: a timeout on every attempt (headers and body), retries with
 * exponential backoff and jitter on 408, 429, 5xx, timeouts and network errors, honouring `Retry-After`,
 * and a limit on requests in flight. Failures are thrown as HttpError with what was tried, never with the
 * request's headers (they may hold a token).
 */
export interface HttpClientOptions {
  /** Per attempt, headers and body included. */
  timeoutMs?: number;
  /** Attempts after the first one. */
  retries?: number;
  /** First backoff; doubles on each retry (full jitter: a random wait between half and all of it). */
  backoffMs?: number;
  /** The longest single wait; a Retry-After above it ends the retries rather than stall the run. */
  maxWaitMs?: number;
  /** Requests in flight at once. */
  concurrency?: number;
  headers?: Record<string, string>;
  /** Told about each retry (for progress output). */
  onRetry?: (info: { url: string; attempt: number; waitMs: number; reason: string }) => void;
}

export type HttpFailure = "status" | "timeout" | "network" | "body";

export class HttpError extends Error {
  constructor(
    message: string,
    readonly url: string,
    readonly failure: HttpFailure,
    readonly attempts: number,
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  text: string;
  attempts: number;
}

const RETRYABLE = (status: number) => status === 408 || status === 429 || status >= 500;

/** Seconds ("120") or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly limit: number) {}
  async acquire(): Promise<void> {
    if (this.active < this.limit) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }
  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class HttpClient {
  private readonly opts: Required<Omit<HttpClientOptions, "onRetry" | "headers">> & Pick<HttpClientOptions, "onRetry" | "headers">;
  private readonly slots: Semaphore;

  constructor(options: HttpClientOptions = {}) {
    this.opts = {
      timeoutMs: options.timeoutMs ?? 30_000,
      retries: options.retries ?? 4,
      backoffMs: options.backoffMs ?? 1_000,
      maxWaitMs: options.maxWaitMs ?? 60_000,
      concurrency: options.concurrency ?? 4,
      headers: options.headers,
      onRetry: options.onRetry,
    };
    if (!(this.opts.concurrency >= 1)) throw new Error("concurrency must be at least 1");
    this.slots = new Semaphore(this.opts.concurrency);
  }

  /**
   * GET with retries. Resolves with any final status that is not retryable (a 404 is an answer, not a
   * failure: the caller decides); throws HttpError when the retries run out or a wait would be too long.
   */
  async get(url: string): Promise<HttpResponse> {
    const { retries, backoffMs, maxWaitMs } = this.opts;
    for (let attempt = 1; ; attempt++) {
      let outcome: { response: HttpResponse } | { reason: string; failure: HttpFailure; status?: number; retryAfterMs: number | null };
      await this.slots.acquire();
      try {
        outcome = await this.attempt(url, attempt);
      } finally {
        this.slots.release();
      }
      if ("response" in outcome) return outcome.response;

      const describe = () => `GET ${url}: ${outcome.reason} (${attempt} attempt${attempt === 1 ? "" : "s"})`;
      if (attempt > retries) throw new HttpError(describe(), url, outcome.failure, attempt, outcome.status);
      const backoff = backoffMs * 2 ** (attempt - 1);
      const waitMs = outcome.retryAfterMs ?? Math.round(backoff / 2 + (Math.random() * backoff) / 2);
      if (waitMs > maxWaitMs) {
        throw new HttpError(`${describe()}; the server asks to wait ${Math.ceil(waitMs / 1000)} s, more than the ${Math.ceil(maxWaitMs / 1000)} s this run waits`, url, outcome.failure, attempt, outcome.status);
      }
      this.opts.onRetry?.({ url, attempt, waitMs, reason: outcome.reason });
      await sleep(waitMs);
    }
  }

  /** GET and parse JSON from a 2xx answer; `accept` lists other statuses returned as `{ status, json: null }`. */
  async getJson(url: string, accept: number[] = []): Promise<{ status: number; json: unknown; headers: Headers }> {
    const res = await this.get(url);
    if (accept.includes(res.status)) return { status: res.status, json: null, headers: res.headers };
    if (res.status < 200 || res.status >= 300) {
      throw new HttpError(`GET ${url}: HTTP ${res.status}${res.text ? ` (${res.text.slice(0, 120).replace(/\s+/g, " ")})` : ""}`, url, "status", res.attempts, res.status);
    }
    try {
      return { status: res.status, json: JSON.parse(res.text), headers: res.headers };
    } catch (e) {
      throw new HttpError(`GET ${url}: malformed JSON in the response (${(e as Error).message})`, url, "body", res.attempts, res.status);
    }
  }

  private async attempt(url: string, attempt: number) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.opts.timeoutMs);
    try {
      const res = await fetch(url, { headers: { "user-agent": "open-model-atlas-ingest", ...this.opts.headers }, signal: controller.signal, redirect: "follow" });
      const text = await res.text();
      if (RETRYABLE(res.status)) {
        return { reason: `HTTP ${res.status}`, failure: "status" as const, status: res.status, retryAfterMs: parseRetryAfter(res.headers.get("retry-after")) };
      }
      return { response: { status: res.status, headers: res.headers, text, attempts: attempt } };
    } catch (e) {
      if (controller.signal.aborted) {
        return { reason: `timed out after ${this.opts.timeoutMs} ms`, failure: "timeout" as const, retryAfterMs: null };
      }
      const err = e as Error & { cause?: { code?: string; message?: string } };
      return { reason: `network error (${err.cause?.code ?? err.cause?.message ?? err.message})`, failure: "network" as const, retryAfterMs: null };
    } finally {
      clearTimeout(timer);
    }
  }
}
