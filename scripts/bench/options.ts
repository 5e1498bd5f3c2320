// The benchmark's command line, parsed with zod like everything that enters.
import { z } from "zod";

export const SECTIONS = ["ingest", "http", "misses", "query", "weight", "lighthouse", "writes", "startup", "faults"] as const;
export type Section = (typeof SECTIONS)[number];

const sectionList = z
  .string()
  .transform((s) => s.split(",").map((x) => x.trim()).filter(Boolean))
  .pipe(z.array(z.enum(SECTIONS, { message: `sections are ${SECTIONS.join(", ")}` })));

const schema = z.object({
  quick: z.boolean(),
  sizes: z.array(z.int().min(1000).max(1_000_000)).min(1),
  only: z.array(z.enum(SECTIONS)),
  rebuild: z.boolean(),
  reuse: z.boolean(),
  build: z.boolean(),
  durationS: z.int().min(1).max(600),
  warmupS: z.int().min(0).max(120),
  queryIterations: z.int().min(10),
  seed: z.int(),
  serverUrl: z.string().regex(/^postgres(ql)?:\/\//, "BENCH_DATABASE_URL must be a postgresql:// URL"),
  basePort: z.int().min(1024).max(65000),
  /** Names of the benchmark databases: <prefix>10k, <prefix>100k, <prefix>copy. */
  dbPrefix: z.string().regex(/^atlas_bench_[a-z0-9_]*$/, "BENCH_DB_PREFIX must start with atlas_bench_ (lowercase, digits, _)"),
});

export type BenchOptions = z.infer<typeof schema>;

export const USAGE = `npm run bench [-- options]
  --quick             10,000 models only, short runs (a few minutes; reuses atlas_bench_10k when it is complete)
  (default)           10,000 and 100,000 models, databases rebuilt (ingestion measured), 20 s load runs
  --sizes=10000,...   model counts (each a database atlas_bench_<n/1000>k)
  --only=a,b          sections: ${SECTIONS.join(", ")} (default: all)
  --skip=a,b          leave sections out
  --rebuild           rebuild the databases even in --quick
  --reuse             reuse complete databases even in a full run (no ingestion numbers for them)
  --build             run next build first (otherwise the existing .next build is used)
  --duration=S        seconds per load run
  --seed=N            seed of the synthetic releases (default 42)
Environment: BENCH_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/postgres), BENCH_DB_PREFIX (default
atlas_bench_, so that two checkouts can run on one server), BENCH_PORT (default 3260; ports up to +9 are used),
BENCH_FAULTS_PG_PORT (default 55432), CHROME_PATH (default /usr/bin/chromium).`;

export function parseBenchArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const flags = new Map<string, string | true>();
  for (const a of argv) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(a);
    if (!m) throw new Error(`unknown argument ${a}\n${USAGE}`);
    flags.set(m[1]!, m[2] ?? true);
  }
  const known = ["quick", "sizes", "only", "skip", "rebuild", "reuse", "build", "duration", "seed", "help"];
  for (const k of flags.keys()) if (!known.includes(k)) throw new Error(`unknown option --${k}\n${USAGE}`);
  if (flags.has("help")) throw new Error(USAGE);
  const quick = flags.get("quick") === true;
  const str = (k: string) => (typeof flags.get(k) === "string" ? (flags.get(k) as string) : undefined);
  const only = str("only") ? sectionList.parse(str("only")) : [...SECTIONS];
  const skip = str("skip") ? sectionList.parse(str("skip")) : [];
  const parsed = schema.safeParse({
    quick,
    sizes: str("sizes") ? str("sizes")!.split(",").map(Number) : quick ? [10_000] : [10_000, 100_000],
    only: only.filter((s) => !skip.includes(s)),
    rebuild: flags.has("rebuild"),
    reuse: flags.has("reuse"),
    build: flags.has("build"),
    durationS: str("duration") ? Number(str("duration")) : quick ? 5 : 20,
    warmupS: quick ? 2 : 5,
    queryIterations: quick ? 200 : 500,
    seed: str("seed") ? Number(str("seed")) : 42,
    serverUrl: env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
    basePort: env.BENCH_PORT ? Number(env.BENCH_PORT) : 3260,
    dbPrefix: env.BENCH_DB_PREFIX ?? "atlas_bench_",
  });
  if (!parsed.success) throw new Error(`${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n")}\n${USAGE}`);
  return parsed.data;
}
