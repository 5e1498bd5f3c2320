import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { readEnv } from "@/lib/env";

/** The one Prisma client of the process, created on first use (so tests can point DATABASE_URL first). */
const holder = globalThis as unknown as { atlasPrisma?: PrismaClient };

export function createPrismaClient(connectionString: string, poolSize = 10): PrismaClient {
  const adapter = new PrismaPg({
    connectionString,
    max: poolSize,
    // Fail a request quickly and cleanly when the database is down, rather than hang it.
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  return new PrismaClient({ adapter });
}

export function getDb(): PrismaClient {
  if (!holder.atlasPrisma) {
    const env = readEnv();
    if (!env.DATABASE_URL) {
      throw new Error(
        "DATABASE_URL is not set. Start the app with `npm start` (it starts the embedded database) or set DATABASE_URL to a PostgreSQL server.",
      );
    }
    holder.atlasPrisma = createPrismaClient(env.DATABASE_URL, env.DATABASE_POOL_SIZE);
  }
  return holder.atlasPrisma;
}
