-- A single counter that moves whenever published data changes, by any path (ingest scripts, accepted
-- corrections, hand-written SQL): the response cache keys on it (docs/decisions/009-response-cache.md).

CREATE TABLE "DataVersion" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" BIGINT NOT NULL DEFAULT 1,
    "changedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DataVersion_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "DataVersion_single_row_check" CHECK ("id" = 1)
);
INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1);

CREATE FUNCTION "bump_data_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1, "changedAt" = CURRENT_TIMESTAMP WHERE "id" = 1;
    RETURN NULL;
END;
$$;

-- Statement-level: one bump per statement, however many rows it touched.
CREATE TRIGGER "Model_bump_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Model" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "ModelDeveloper_bump_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ModelDeveloper" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "FieldSource_bump_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "FieldSource" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "Revision_bump_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Revision" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "Organization_bump_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Organization" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "License_bump_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "License" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "Correction_bump_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Correction" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
