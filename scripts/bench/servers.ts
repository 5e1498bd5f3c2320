// The processes the benchmark loads: the app (`next start` on a benchmark database) and the ceiling (a
// plain node:http server answering every request with one static file). Each on its own port, each a
// child process of its own, stopped by its pid.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { sleep, step } from "./log";

export interface Server {
  url: string;
  pid: number;
  /** What the process printed (last lines), for error messages. */
  output(): string;
  stop(): Promise<void>;
}

function track(child: ChildProcess, url: string): Server {
  const lines: string[] = [];
  const keep = (b: Buffer) => {
    lines.push(...b.toString().split("\n").filter(Boolean));
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  return {
    url,
    pid: child.pid!,
    output: () => lines.join("\n"),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const done = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
      if (!done) {
        child.kill("SIGKILL");
        await exited;
      }
    },
  };
}

/** Polls `url` until it answers `status` (any status when null), or throws after `timeoutMs`. */
export async function waitFor(url: string, timeoutMs: number, isAlive: () => boolean = () => true): Promise<number> {
  const t0 = Date.now();
  for (;;) {
    if (!isAlive()) throw new Error(`the server exited before ${url} answered`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      await res.arrayBuffer();
      if (res.status === 200) return Date.now() - t0;
    } catch {
      // not up yet
    }
    if (Date.now() - t0 > timeoutMs) throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000} s`);
    await sleep(50);
  }
}

export function assertBuilt(): void {
  if (!existsSync(path.resolve(".next/BUILD_ID"))) {
    throw new Error("No production build: run `NEXT_TELEMETRY_DISABLED=1 npx next build` first (or pass --build).");
  }
}

/** The production server (`scripts/server.ts`: Next behind the response cache, as `npm start` runs it) against `databaseUrl` (already migrated and loaded). */
export async function startApp(databaseUrl: string, port: number, env: Record<string, string> = {}): Promise<Server> {
  assertBuilt();
  step(`starting the app server on :${port}`);
  const child = spawn(process.execPath, ["--import", "tsx", path.resolve("scripts/server.ts")], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const server = track(child, `http://127.0.0.1:${port}`);
  try {
    await waitFor(`${server.url}/models`, 60_000, () => child.exitCode === null);
  } catch (e) {
    await server.stop();
    throw new Error(`${(e as Error).message}\n${server.output()}`);
  }
  return server;
}

/** The ceiling: `file` served as text/html by a plain node:http server, nothing else. */
export async function startStaticServer(file: string, port: number): Promise<Server> {
  const child = spawn(process.execPath, [path.resolve("scripts/bench/static-server.mjs"), file, String(port)], { stdio: ["ignore", "pipe", "pipe"] });
  const server = track(child, `http://127.0.0.1:${port}`);
  await waitFor(`${server.url}/models`, 10_000, () => child.exitCode === null);
  return server;
}
