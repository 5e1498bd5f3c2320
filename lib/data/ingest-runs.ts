import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export interface RunCounts {
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  disagreements: number;
}

export async function startIngestRun(db: PrismaClient, source: "curated" | "huggingface" | "epoch"): Promise<number> {
  return (await db.ingestRun.create({ data: { source }, select: { id: true } })).id;
}

export async function finishIngestRun(db: PrismaClient, id: number, status: "succeeded" | "failed", counts: RunCounts, message: string | null): Promise<void> {
  await db.ingestRun.update({ where: { id }, data: { status, finishedAt: new Date(), ...counts, message } });
}
