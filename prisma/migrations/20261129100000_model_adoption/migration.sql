-- Adoption on the Hugging Face Hub (issue 7): downloads and likes with the time they were taken.
-- Overwritten in place by the Hugging Face ingester; not per source and not in the revision log (they change daily).

ALTER TABLE "Model" ADD COLUMN "downloads" INTEGER,
ADD COLUMN "likes" INTEGER,
ADD COLUMN "adoptionAt" TIMESTAMPTZ(3),
ADD COLUMN "adoptionUrl" TEXT;

ALTER TABLE "Model" ADD CONSTRAINT "Model_adoption_nonnegative_check" CHECK ("downloads" >= 0 AND "likes" >= 0);
-- A figure without the date it was taken means nothing.
ALTER TABLE "Model" ADD CONSTRAINT "Model_adoption_dated_check" CHECK (
    ("downloads" IS NULL AND "likes" IS NULL) OR ("adoptionAt" IS NOT NULL AND "adoptionUrl" IS NOT NULL)
);

CREATE INDEX "Model_downloads_idx" ON "Model"("downloads");
