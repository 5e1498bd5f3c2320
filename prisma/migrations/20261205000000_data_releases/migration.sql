-- Issue 16: citable snapshots (docs/decisions/016-snapshots.md).
--
-- `npm run snapshot` stores a dated release of the whole dataset here (the scheduled job runs against the
-- production database from another machine than the web server, so the files live in the database, not on
-- a disk the server may not see). A release is immutable: its bytes never change once written (the
-- triggers below refuse UPDATE and DELETE; withdrawing one is a deliberate act by hand).
CREATE TABLE "DataRelease" (
    "date" DATE NOT NULL,
    "dataVersion" BIGINT NOT NULL,
    "dataChangedAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "manifest" TEXT NOT NULL,
    CONSTRAINT "DataRelease_pkey" PRIMARY KEY ("date")
);

CREATE TABLE "DataReleaseFile" (
    "releaseDate" DATE NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "rows" INTEGER NOT NULL,
    "bytes" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "content" BYTEA NOT NULL,
    CONSTRAINT "DataReleaseFile_pkey" PRIMARY KEY ("releaseDate", "name"),
    -- A file name is a URL segment and a line of SHA256SUMS: plain names only.
    CONSTRAINT "DataReleaseFile_name_check" CHECK ("name" ~ '^[a-z0-9][a-z0-9.-]*$'),
    CONSTRAINT "DataReleaseFile_sha256_check" CHECK ("sha256" ~ '^[0-9a-f]{64}$'),
    CONSTRAINT "DataReleaseFile_bytes_check" CHECK ("bytes" = octet_length("content")),
    CONSTRAINT "DataReleaseFile_rows_check" CHECK ("rows" >= 0)
);
CREATE UNIQUE INDEX "DataReleaseFile_releaseDate_position_key" ON "DataReleaseFile"("releaseDate", "position");
ALTER TABLE "DataReleaseFile" ADD CONSTRAINT "DataReleaseFile_releaseDate_fkey" FOREIGN KEY ("releaseDate") REFERENCES "DataRelease"("date") ON DELETE RESTRICT ON UPDATE RESTRICT;

CREATE FUNCTION "refuse_release_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'data releases are immutable: % on "%" refused', TG_OP, TG_TABLE_NAME
        USING HINT = 'A snapshot is never changed; take one for another date.';
END;
$$;
CREATE TRIGGER "DataRelease_immutable" BEFORE UPDATE OR DELETE ON "DataRelease" FOR EACH ROW EXECUTE FUNCTION "refuse_release_change"();
CREATE TRIGGER "DataReleaseFile_immutable" BEFORE UPDATE OR DELETE ON "DataReleaseFile" FOR EACH ROW EXECUTE FUNCTION "refuse_release_change"();
