-- Each model's latest adoption snapshot is read per model (lib/data/measures.ts latestAdoption): one index
-- probe each, instead of sorting the whole history (620,000 rows at 100,000 models in the benchmark).
CREATE INDEX "AdoptionSnapshot_latest_idx" ON "AdoptionSnapshot" ("modelId", "takenOn" DESC, "sourceKind");
