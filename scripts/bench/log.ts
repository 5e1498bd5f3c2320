// Progress output of the benchmark: a timestamped line per step on stderr (stdout carries the table).
const started = Date.now();

export function step(message: string): void {
  const t = ((Date.now() - started) / 1000).toFixed(0).padStart(5);
  process.stderr.write(`[bench ${t}s] ${message}\n`);
}

/** A counter on one line ("write path 12000/99464 (1510/s)"), redrawn at most every half second. */
export function counter(label: string): (done: number, total: number) => void {
  const tty = process.stderr.isTTY;
  const t0 = Date.now();
  let last = 0;
  return (done, total) => {
    const now = Date.now();
    if (done !== total && now - last < (tty ? 500 : 10_000)) return;
    last = now;
    const rate = done / Math.max(0.001, (now - t0) / 1000);
    const line = `  ${label} ${done}/${total} (${rate.toFixed(0)}/s)`;
    if (tty) process.stderr.write(`\r${line}${done === total ? "\n" : ""}`);
    else process.stderr.write(`${line}\n`);
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
