// How far the dataset reaches: data/coverage.yaml, read and validated here and nowhere else. Pages, the
// API, `npm start` and `npm run data:check` all ask this module.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { coverageFileSchema, type Coverage } from "@/lib/schemas/coverage";

/** Relative to the project folder, where `npm start` and the scripts run. */
export const COVERAGE_FILE = "data/coverage.yaml";

const EXPECTED = "it must hold one line `completeThrough: YYYY-MM-DD` (the last day the dataset was swept through)";

/**
 * Reads the coverage file; a missing file, bad YAML or a bad date throws an error naming the file. Read
 * on every call rather than once per process: the file is a few bytes, and a sweep that moves the date
 * (committed with the releases it found) shows as soon as those releases are loaded, without a restart.
 */
export async function readCoverage(file: string = COVERAGE_FILE): Promise<Coverage> {
  let text: string;
  try {
    // Read from the project folder at run time (where `npm start` runs), not traced into the build: the
    // app is served from its checkout, and tests point at files of their own.
    text = await readFile(/* turbopackIgnore: true */ path.resolve(/* turbopackIgnore: true */ file), "utf8");
  } catch (e) {
    throw new Error(`${file}: cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)}); ${EXPECTED}`);
  }
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (e) {
    throw new Error(`${file}: not valid YAML (${(e as Error).message.split("\n")[0]}); ${EXPECTED}`);
  }
  const parsed = coverageFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "(file)"}: ${i.message}`).join("; ");
    throw new Error(`${file}: ${issues}; ${EXPECTED}`);
  }
  return parsed.data;
}

/** The date alone, for the dashboard and the API. */
export async function readCompleteThrough(file?: string): Promise<string> {
  return (await readCoverage(file)).completeThrough;
}

/**
 * What a well-formed date can still get wrong: a day after today claims a completeness nobody has checked
 * yet. Checked by `npm run data:check` (today is an argument so that tests can pin it).
 */
export function coverageProblems(coverage: Coverage, today: string, file: string = COVERAGE_FILE): string[] {
  return coverage.completeThrough > today
    ? [`${file}: completeThrough ${coverage.completeThrough} is in the future (today is ${today}): set it to the last day the sweep covered`]
    : [];
}
