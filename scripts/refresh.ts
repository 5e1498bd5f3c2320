// npm run refresh   discovery, the Hub adoption snapshot and (with OPENROUTER_API_KEY) the usage refresh,
//                   one refresh at a time under a lock in the database (lib/ingest/refresh.ts). --help for the options.
import { readEnv } from "@/lib/env";
import { refreshSummary, runRefresh } from "@/lib/ingest/refresh";
import { parseRefreshArgs, REFRESH_USAGE } from "@/lib/schemas/refresh-cli";
import { hubFromEnv, progress, runMain, withDatabase } from "./cli";

await runMain(async () => {
  const args = parseRefreshArgs(process.argv.slice(2));
  if (args === "help") {
    console.log(REFRESH_USAGE);
    return;
  }
  const env = readEnv();
  const hub = hubFromEnv(env);
  await withDatabase(async (db) => {
    const result = await runRefresh(db, {
      hub,
      openRouter: { endpoint: env.OPENROUTER_ENDPOINT, apiKey: env.OPENROUTER_API_KEY },
      lockTtlMs: args.lockMinutes * 60_000,
      log: (line) => console.error(line),
      onDiscoverProgress: progress("discovery"),
      onHubProgress: progress("hub snapshot"),
    });
    if (!result.ran) {
      // Not a failure: the other refresh is doing the work.
      console.log(result.message);
      return;
    }
    console.log(refreshSummary(result).join("\n"));
    if (!result.ok) {
      console.error("\nA step failed (above; /data-quality shows each run's message). The other steps ran; run npm run refresh again once the cause is fixed.");
      process.exitCode = 1;
    }
  }, env);
});
