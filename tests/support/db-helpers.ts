import { createPrismaClient } from "@/lib/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export function testClient(): PrismaClient {
  return createPrismaClient(process.env.DATABASE_URL!, 2);
}

/** Empties every table, so each test starts from a known state. */
export async function resetDatabase(db: PrismaClient): Promise<void> {
  await db.$executeRawUnsafe(
    `TRUNCATE "Candidate", "SignInAttempt", "Revision", "FieldSource", "Correction", "Score", "UsageDay", "AdoptionSnapshot", "Benchmark", "ModelDeveloper", "Model", "Organization", "License", "IngestRun" RESTART IDENTITY CASCADE`,
  );
}
