// npm run db:migrate - apply pending migrations to DATABASE_URL (or the embedded database).
import { readEnv } from "@/lib/env";
import { openDatabase } from "@/lib/open-database";
import { runMain } from "./cli";

await runMain(async () => {
  const database = await openDatabase(readEnv(), (l) => console.log(l));
  console.log(`migrations are up to date (${database.mode} database)`);
  await database.close();
});
