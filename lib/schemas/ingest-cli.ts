import { CROSS_CHECK_SOURCES, isCrossCheckSource, SOURCES, type CrossCheckSource } from "@/lib/domain/sources";
import { z } from "zod";
import { countTextSchema } from "@/lib/domain/counts";
import { hfRepoIdSchema } from "./common";

/** Arguments of `npm run ingest -- <source> ...`, parsed with zod so that a typo is an error that says what to do. */
export const INGEST_USAGE = `Usage:
  npm run ingest -- curated [DIR]
  npm run ingest -- hf [--repo ORG/NAME ...] [--org ORG ...] [--all] [--from-dir DIR] [--min-params 1B]
                       [--concurrency 4] [--create] [--dry-run] [--json] [--verbose] [--taken-at DATE]
  npm run ingest -- discover [--author NAME ...] [--limit 50] [--from-dir DIR] [--concurrency 4] [--dry-run] [--verbose]
  npm run ingest -- epoch FILE.csv [--create] [--dry-run] [--json] [--verbose]
${CROSS_CHECK_SOURCES.map((k) => `  npm run ingest -- ${k} DIR [--exclusions FILE] [--dry-run] [--verbose]\n`).join("")}  npm run ingest -- scores [--dry-run] [--verbose]
  npm run ingest -- openrouter [FILE.json | --live] [--dry-run] [--verbose]
  npm run ingest -- adoption [FILE.json] [--dry-run] [--verbose]

  hf      Hugging Face Hub: --repo ids, --org organizations (their text-generation models of at least
          --min-params, default 1B), or (default) every model of the database that has a repo id.
          --from-dir reads recorded answers (ORG--NAME.config.json, ORG--NAME.api.json) instead of the network.
  discover  new releases: each tracked author's (data/tracked-orgs.yaml, or --author) --limit newest Hub
          repositories that no record, exclusion or earlier candidate knows, read and queued for review at
          /admin/candidates; quantized copies, adapters and non-text models are filtered and counted.
  epoch   Epoch AI's "Data on AI Models" CSV: language models with open weights, matched to our models.
${CROSS_CHECK_SOURCES.map((k) => `  ${k}: a copy of ${SOURCES[k].files.holds} (${SOURCES[k].files.shipped})\n`).join("")}          these cross-check values, matched by repo id or data/excluded.yaml (--exclusions); they name no
          license, so files matching no model are listed as candidates to curate, never created.
  scores  benchmark scores: Epoch AI's (data/sources/epoch-benchmarks), models.dev's [[benchmarks]] and the
          developers' cards (data/scores), per data/benchmarks.yaml and data/mappings/epoch-models.yaml.
  openrouter  OpenRouter's daily tokens: the shipped copy (default), FILE, or --live (OPENROUTER_API_KEY);
          listings mapped by data/mappings/openrouter.yaml.
  adoption    a recorded Hub snapshot (default data/sources/hf-adoption/llmfit_hf_models_2026-03.json).
  --create   add unmatched records as new models (otherwise they are reported as candidates)
  --dry-run  show what would change; write nothing
  --json     only parse and print the derived records as JSON; no database
  --verbose  list every disagreement, refusal and candidate (default: the first 25 of each)`;

/** "1B", "500M", "1.5e9", "7000000000" -> a count: the one count reader, as the URL filters and the form read it. */
const countSchema = countTextSchema;

const flag = z.array(z.string()).max(0, "takes no value").optional().transform((v) => v !== undefined);
const one = <T>(schema: z.ZodType<T, string>, name: string) =>
  z
    .array(z.string())
    .length(1, `--${name} takes exactly one value`)
    .optional()
    .transform((v) => v?.[0])
    .pipe(schema.optional());

const orgSchema = z.string().regex(/^[A-Za-z0-9][\w.-]*$/, "must be a Hugging Face organization like deepseek-ai");

export const hfArgsSchema = z
  .strictObject({
    repo: z.array(hfRepoIdSchema).min(1, "--repo needs at least one ORG/NAME").optional(),
    org: z.array(orgSchema).min(1, "--org needs at least one organization").optional(),
    all: flag,
    "from-dir": one(z.string().min(1), "from-dir"),
    "min-params": one(countSchema, "min-params"),
    concurrency: one(z.string().regex(/^\d+$/, "must be a whole number").transform(Number).pipe(z.int().min(1).max(32)), "concurrency"),
    create: flag,
    "dry-run": flag,
    json: flag,
    verbose: flag,
    "taken-at": one(z.iso.datetime({ offset: true }).or(z.iso.date()), "taken-at"),
  })
  .transform((a) => ({
    repos: a.repo ?? [],
    orgs: a.org ?? [],
    all: a.all || (!a.repo && !a.org && !a["from-dir"]),
    fromDir: a["from-dir"],
    minParams: a["min-params"] ?? 1_000_000_000,
    concurrency: a.concurrency ?? 4,
    create: a.create,
    dryRun: a["dry-run"],
    json: a.json,
    verbose: a.verbose,
    takenAt: a["taken-at"],
  }))
  .superRefine((a, ctx) => {
    if (a.json && a.all) ctx.addIssue({ code: "custom", message: "--json works without the database: name --repo, --org or --from-dir" });
    if (a.json && (a.dryRun || a.create)) ctx.addIssue({ code: "custom", message: "--json only prints; it cannot be combined with --dry-run or --create" });
    if (a.takenAt && !a.fromDir) ctx.addIssue({ code: "custom", message: "--taken-at dates recorded answers: use it with --from-dir" });
  });
export type HfArgs = z.infer<typeof hfArgsSchema>;

export const discoverArgsSchema = z
  .strictObject({
    author: z.array(orgSchema).min(1, "--author needs at least one Hub author").optional(),
    limit: one(z.string().regex(/^\d+$/, "must be a whole number").transform(Number).pipe(z.int().min(1, "must be at least 1").max(100, "is at most 100 (one page of the Hub's listing)")), "limit"),
    "from-dir": one(z.string().min(1), "from-dir"),
    concurrency: one(z.string().regex(/^\d+$/, "must be a whole number").transform(Number).pipe(z.int().min(1).max(32)), "concurrency"),
    "dry-run": flag,
    verbose: flag,
  })
  .transform((a) => ({ authors: a.author ?? [], limit: a.limit ?? 50, fromDir: a["from-dir"], concurrency: a.concurrency ?? 4, takenAt: undefined, dryRun: a["dry-run"], verbose: a.verbose }));
export type DiscoverArgs = z.infer<typeof discoverArgsSchema>;

export const epochArgsSchema = z
  .strictObject({
    _: z.array(z.string()).length(1, "name one Epoch CSV file"),
    create: flag,
    "dry-run": flag,
    json: flag,
    verbose: flag,
  })
  .transform((a) => ({ file: a._[0]!, create: a.create, dryRun: a["dry-run"], json: a.json, verbose: a.verbose }))
  .superRefine((a, ctx) => {
    if (a.json && (a.dryRun || a.create)) ctx.addIssue({ code: "custom", message: "--json only prints; it cannot be combined with --dry-run or --create" });
  });
export type EpochArgs = z.infer<typeof epochArgsSchema>;

/** The file-based cross-check sources: a folder, an optional exclusion list. */
export const crossCheckArgsSchema = z
  .strictObject({
    _: z.array(z.string()).length(1, "name one folder (e.g. data/sources/modelsdev)"),
    exclusions: one(z.string().min(1), "exclusions"),
    "dry-run": flag,
    verbose: flag,
  })
  .transform((a) => ({ dir: a._[0]!, exclusions: a.exclusions ?? "data/excluded.yaml", dryRun: a["dry-run"], verbose: a.verbose }));
export type CrossCheckArgs = z.infer<typeof crossCheckArgsSchema>;

export const scoresArgsSchema = z
  .strictObject({ _: z.array(z.string()).max(0, "scores reads the shipped files; it takes no file"), "dry-run": flag, verbose: flag })
  .transform((a) => ({ dryRun: a["dry-run"], verbose: a.verbose }));

export const openRouterArgsSchema = z
  .strictObject({ _: z.array(z.string()).max(1, "name at most one file"), live: flag, "dry-run": flag, verbose: flag })
  .transform((a) => ({ file: a._[0], live: a.live, dryRun: a["dry-run"], verbose: a.verbose }))
  .refine((a) => !(a.live && a.file), { message: "--live reads OpenRouter's API: name no file with it" });

export const adoptionArgsSchema = z
  .strictObject({ _: z.array(z.string()).max(1, "name at most one file"), "dry-run": flag, verbose: flag })
  .transform((a) => ({ file: a._[0], dryRun: a["dry-run"], verbose: a.verbose }));

export type IngestCommand =
  | { source: "curated"; dir: string | undefined }
  | ({ source: "hf" } & HfArgs)
  | ({ source: "discover" } & DiscoverArgs)
  | ({ source: "epoch" } & EpochArgs)
  | ({ source: CrossCheckSource } & CrossCheckArgs)
  | ({ source: "scores" } & z.infer<typeof scoresArgsSchema>)
  | ({ source: "openrouter" } & z.infer<typeof openRouterArgsSchema>)
  | ({ source: "adoption" } & z.infer<typeof adoptionArgsSchema>);

/** `--a x y --b --c=z pos` -> { a: [x, y], b: [], c: [z], _: [pos] }. Values follow their flag until the next flag. */
export function tokenizeArgs(argv: string[]): Record<string, string[]> {
  const out: Record<string, string[]> = { _: [] };
  let current = "_";
  for (const arg of argv) {
    if (arg.startsWith("--") && arg.length > 2) {
      const [name, value] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      current = name;
      out[name] ??= [];
      if (value !== undefined) {
        out[name].push(value);
        current = "_";
      }
    } else {
      (out[current] ??= []).push(arg);
    }
  }
  return out;
}

export class UsageError extends Error {}

export function parseIngestArgs(argv: string[]): IngestCommand {
  const [source, ...rest] = argv;
  const fail = (msg: string): never => {
    throw new UsageError(`${msg}\n\n${INGEST_USAGE}`);
  };
  const check = <T>(r: { success: true; data: T } | { success: false; error: z.ZodError }): T => {
    if (r.success) return r.data;
    return fail(r.error.issues.map((i) => (i.code === "unrecognized_keys" ? `unknown option ${i.keys.map((k) => `--${k}`).join(", ")}` : `${i.path.length ? `--${i.path.join(".")}: ` : ""}${i.message}`)).join("\n"));
  };
  if (source === "curated") {
    if (rest.length > 1 || rest.some((a) => a.startsWith("--"))) fail("curated takes one optional folder");
    return { source, dir: rest[0] };
  }
  if (source === "hf") {
    const { _: positional, ...named } = tokenizeArgs(rest);
    if (positional!.length) fail(`unexpected ${positional!.join(" ")} (repo ids go after --repo)`);
    return { source, ...check(hfArgsSchema.safeParse(named)) };
  }
  if (source === "discover") {
    const { _: positional, ...named } = tokenizeArgs(rest);
    if (positional!.length) fail(`unexpected ${positional!.join(" ")} (authors go after --author)`);
    return { source, ...check(discoverArgsSchema.safeParse(named)) };
  }
  if (source === "epoch") return { source, ...check(epochArgsSchema.safeParse(tokenizeArgs(rest))) };
  if (source === "scores") return { source, ...check(scoresArgsSchema.safeParse(tokenizeArgs(rest))) };
  if (source === "openrouter") return { source, ...check(openRouterArgsSchema.safeParse(tokenizeArgs(rest))) };
  if (source === "adoption") return { source, ...check(adoptionArgsSchema.safeParse(tokenizeArgs(rest))) };
  if (source && isCrossCheckSource(source)) return { source, ...check(crossCheckArgsSchema.safeParse(tokenizeArgs(rest))) };
  return fail(`unknown source ${source ?? "(none)"}`);
}

/** `npm run export -- curated [DIR] [--dry-run]`: accepted candidates written back into the curated files. */
export const EXPORT_USAGE = `Usage:
  npm run export -- curated [DIR] [--dry-run]

  curated  write every record accepted in the review queue (/admin/candidates) that DIR (default data/curated)
           does not have yet into the file that defines its organization, in the curated format; a second run
           writes nothing. --dry-run lists what would be written.`;

export const exportArgsSchema = z
  .strictObject({ _: z.array(z.string()).min(1, "name what to export: curated").max(2, "curated takes one optional folder"), "dry-run": flag })
  .refine((a) => a._[0] === "curated", { message: "only `curated` can be exported" })
  .transform((a) => ({ target: "curated" as const, dir: a._[1] ?? "data/curated", dryRun: a["dry-run"] }));

export function parseExportArgs(argv: string[]): z.infer<typeof exportArgsSchema> {
  const parsed = exportArgsSchema.safeParse(tokenizeArgs(argv));
  if (parsed.success) return parsed.data;
  throw new UsageError(`${parsed.error.issues.map((i) => (i.code === "unrecognized_keys" ? `unknown option ${i.keys.map((k) => `--${k}`).join(", ")}` : i.message)).join("\n")}\n\n${EXPORT_USAGE}`);
}
