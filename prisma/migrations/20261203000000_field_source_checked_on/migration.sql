-- The day a person checked a value against its source (curated data's `checked`, issue 15). Null: not
-- recorded. retrievedAt stays the day the row was written (for curated values, the day the dataset was
-- loaded), which the model page no longer shows as if it were a check date.
ALTER TABLE "FieldSource" ADD COLUMN "checkedOn" DATE;
