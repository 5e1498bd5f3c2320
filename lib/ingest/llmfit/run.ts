import { readFile } from "node:fs/promises";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { writeAdoption } from "@/lib/data/write-path";
import { llmfitSnapshotSchema } from "@/lib/schemas/measures";
import type { IngestReport } from "../report";
import { withIngestRun } from "../run-loop";

/**
 * A recorded snapshot of Hub adoption (`npm run ingest -- adoption FILE`): llmfit's March 2026 scrape of
 * 514 repositories. Each repo that is a record's hfRepoId becomes one dated snapshot (source `llmfit`)
 * beside the ones every Hugging Face run adds: a history, never an overwrite.
 */
export const LLMFIT_TAKEN_ON = new Date("2026-03-31T00:00:00Z");

export async function ingestLlmfitSnapshot(db: PrismaClient, options: { file: string; takenOn?: Date; dryRun?: boolean }): Promise<IngestReport> {
  const parsed = llmfitSnapshotSchema.safeParse(JSON.parse(await readFile(options.file, "utf8")));
  if (!parsed.success) throw new Error(`${options.file}: not llmfit's hf_models.json (${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")})`);
  return withIngestRun(db, "llmfit", options.dryRun ?? false, async (report) => {
    const bySlug = new Map((await db.model.findMany({ where: { hfRepoId: { not: null } }, select: { slug: true, hfRepoId: true } })).map((m) => [m.hfRepoId!.toLowerCase(), m.slug]));
    // 0 downloads and 0 likes is how the scrape writes a repo it did not read (Llama-3.3-70B-Instruct and
    // DeepSeek-V3 among them): missing, not zero.
    const unread = parsed.data.filter((r) => r.hf_downloads === 0 && r.hf_likes === 0);
    const matched = parsed.data.flatMap((r) => {
      const slug = bySlug.get(r.name.toLowerCase());
      if (!slug || unread.includes(r) || (r.hf_downloads == null && r.hf_likes == null)) return [];
      return [{ slug, repo: r.name, downloads: r.hf_downloads ?? null, likes: r.hf_likes ?? null }];
    });
    if (unread.length) report.notes.push(`${unread.length} repositories skipped: 0 downloads and 0 likes, which the scrape writes for a repo it did not read`);
    report.total = matched.length;
    report.notes.push(`${parsed.data.length} repositories in the snapshot, ${matched.length} of them records of the atlas`);
    if (options.dryRun) return;
    await db.$transaction(async (tx) => {
      for (const m of matched) {
        const takenAt = options.takenOn ?? LLMFIT_TAKEN_ON;
        const wrote = await writeAdoption(tx, m.slug, { downloads: m.downloads, likes: m.likes, takenAt, url: `https://huggingface.co/${m.repo}`, repoId: m.repo }, "llmfit");
        if (wrote) report.adoptionUpdated++;
        report[wrote ? "updated" : "unchanged"]++;
      }
    }, { timeout: 120_000 });
  });
}
