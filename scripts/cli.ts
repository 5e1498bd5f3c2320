// Shared plumbing of the command-line scripts: a progress line and a clear exit on failure.
export function progress(label: string): (done: number, total: number) => void {
  const tty = process.stderr.isTTY;
  let lastPrinted = 0;
  return (done, total) => {
    const now = Date.now();
    if (done !== total && now - lastPrinted < 200) return;
    lastPrinted = now;
    const width = 30;
    const filled = Math.round((done / total) * width);
    const line = `${label} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total}`;
    if (tty) process.stderr.write(`\r${line}${done === total ? "\n" : ""}`);
    else if (done === total || done % 50 === 0) process.stderr.write(`${line}\n`);
  };
}

export async function runMain(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (e) {
    console.error(`\nError: ${(e as Error).message}`);
    process.exit(1);
  }
}
