// Test helper: holds the embedded database in the folder given as argument (as a running `npm start`
// would), prints "ready", and lets go on SIGTERM. Run with node --import tsx.
import { startEmbeddedDatabase } from "@/lib/embedded-db";

const db = await startEmbeddedDatabase({ dataDir: process.argv[2]! });
process.stdout.write("ready\n");
process.on("SIGTERM", () => {
  void db.stop().then(() => process.exit(0));
});
setInterval(() => {}, 60_000);
