-- Source kinds become rows of a lookup table instead of hand-kept CHECK lists (issue 12): lib/migrate.ts
-- inserts every kind of the source registry (lib/domain/sources.ts) after migrating, so adding a source
-- needs no migration. The kinds that existed before this migration are inserted here, so that the
-- foreign keys hold for rows already stored.
CREATE TABLE "SourceKind" (
    "kind" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    CONSTRAINT "SourceKind_pkey" PRIMARY KEY ("kind"),
    CONSTRAINT "SourceKind_role_check" CHECK ("role" IN ('primary', 'secondary'))
);
INSERT INTO "SourceKind" ("kind", "label", "role") VALUES
    ('correction', 'Accepted correction', 'primary'),
    ('curated', 'Curated', 'primary'),
    ('huggingface', 'Hugging Face', 'primary'),
    ('epoch', 'Epoch AI', 'secondary');

ALTER TABLE "FieldSource" DROP CONSTRAINT "FieldSource_sourceKind_check";
ALTER TABLE "Revision" DROP CONSTRAINT "Revision_sourceKind_check";
ALTER TABLE "IngestRun" DROP CONSTRAINT "IngestRun_source_check";
ALTER TABLE "FieldSource" ADD CONSTRAINT "FieldSource_sourceKind_fkey" FOREIGN KEY ("sourceKind") REFERENCES "SourceKind"("kind") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Revision" ADD CONSTRAINT "Revision_sourceKind_fkey" FOREIGN KEY ("sourceKind") REFERENCES "SourceKind"("kind") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "IngestRun" ADD CONSTRAINT "IngestRun_source_fkey" FOREIGN KEY ("source") REFERENCES "SourceKind"("kind") ON DELETE RESTRICT ON UPDATE CASCADE;
