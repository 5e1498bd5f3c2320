import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getModelBySlug } from "@/lib/data/model-detail";
import { ingestCurated } from "@/lib/ingest/curated/run";
import { resetDatabase, testClient } from "../support/db-helpers";

// A curated record's `checked` day is stored with each of its values (FieldSource.checkedOn), through the
// bulk create and through writeModel's comparison; a record without it has none (not the load day).
const db = testClient();
const TODAY = "2026-12-02";
let dir: string;

async function setChecked(slug: string, day: string | null) {
  const file = path.join(dir, "models.yaml");
  const lines = (await readFile(file, "utf8")).split("\n").filter((l) => !l.includes(`checked:`) || !l.includes("# test"));
  const at = lines.findIndex((l) => l.trim() === `- slug: ${slug}`);
  if (day) lines.splice(at + 1, 0, `    checked: ${day} # test`);
  await writeFile(file, lines.join("\n"));
}

const curated = async (slug: string) => (await getModelBySlug(slug))!.provenance.flatMap((p) => [p.inUse, ...p.others]).filter((v) => v?.kind === "curated");

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "atlas-checked-"));
  await cp(path.resolve("tests/fixtures/curated-small"), dir, { recursive: true });
  await resetDatabase(db);
});
afterAll(() => db.$disconnect());

describe("curated check dates", () => {
  it("are stored with every value of a record that has one, and absent otherwise", async () => {
    await setChecked("deepseek-v3", "2026-11-20");
    await ingestCurated(db, dir, { today: TODAY });
    const v3 = await curated("deepseek-v3");
    expect(v3.length).toBeGreaterThan(5);
    expect(new Set(v3.map((v) => v!.checkedOn))).toEqual(new Set(["2026-11-20"]));
    expect(new Set((await curated("llama-3.1-8b")).map((v) => v!.checkedOn))).toEqual(new Set([null]));
  });

  it("follow a new check of an unchanged record, and refuse a day in the future", async () => {
    await setChecked("deepseek-v3", "2026-12-01");
    const run = await ingestCurated(db, dir, { today: TODAY });
    expect(run.updated).toBe(1);
    expect(new Set((await curated("deepseek-v3")).map((v) => v!.checkedOn))).toEqual(new Set(["2026-12-01"]));
    expect((await ingestCurated(db, dir, { today: TODAY })).updated).toBe(0);
    await setChecked("deepseek-v3", "2026-12-05");
    await expect(ingestCurated(db, dir, { today: TODAY })).rejects.toThrow(/checked: 2026-12-05 is after today/);
  });
});
