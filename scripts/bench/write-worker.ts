// A child process of the benchmark's writes-under-load section: `count` new synthetic releases, from
// record `from` on, through the write path in one transaction (as one ingest run), so the readers in the
// parent never wait on this process's event loop. Prints the timing as JSON on stdout.
// Usage: node --conditions=react-server --import tsx scripts/bench/write-worker.ts <database url> <from> <count>
import { loadProfile, loadThroughWritePath } from "./databases";

const [url, from, count] = process.argv.slice(2);
if (!url || !from || !count) throw new Error("usage: write-worker.ts <database url> <from> <count>");
const { profile } = await loadProfile();
const timing = await loadThroughWritePath(url, profile, Number(count), { from: Number(from), batchSize: 500, seed: 42, label: "ingest under load", oneTransaction: true });
process.stdout.write(JSON.stringify(timing));
