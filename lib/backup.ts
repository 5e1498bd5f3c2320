import { createReadStream } from "node:fs";
import { mkdir, open, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { listMigrations, LOCK_KEY, MIGRATIONS_TABLE } from "@/lib/migrate";

/**
 * `npm run db:backup` and `npm run db:restore` (issue 17): one plain SQL file that `psql -f FILE` also
 * loads into an empty PostgreSQL database, written without pg_dump (PGlite has none; the machine may lack
 * it). The file, in order, inside one BEGIN/COMMIT:
 *   1. the schema as the migrations create it: Prisma's `_prisma_migrations` table, then the
 *      migration.sql of every migration the database has applied, checked against this code's files;
 *   2. every user trigger disabled (ALTER TABLE ... DISABLE TRIGGER USER: the tables' owner, who just
 *      created them, may do it; no superuser needed) and every table emptied of what the migrations seed
 *      (the DataVersion row, the source kinds), so the loaded rows are exactly the backed-up ones and the
 *      DataVersion counter is the dumped one, not bumped by the load;
 *   3. the rows of every base table of the public schema, found in the catalog (a table added later is
 *      included without a code change), in foreign-key order, as INSERTs of up to 500 rows; generated
 *      columns are left out (the database computes them again);
 *   4. every sequence set to its value (setval), and the triggers enabled again as they were.
 * Each group of statements is preceded by a marker comment (`--@ kind ...`), which psql skips and
 * `restoreDatabase` uses to send the file group by group. No literal spans two lines (line breaks are
 * written as E'\n'), so a marker can only be one the writer put there.
 */

export const BACKUP_HEADER = "-- Open Model Atlas database backup, format 1";
const MARK = "--@ ";
const END_MARK = "--@ end";
export const ROWS_PER_INSERT = 500;

/** Nothing was done (a non-empty target, a file in the way, not a backup): the scripts exit 2. */
export class BackupRefusedError extends Error {}

type Row = (string | null)[];

// --- Writing SQL -----------------------------------------------------------------------------------------

export function quoteIdent(name: string): string {
  if (/[\r\n]/.test(name)) throw new Error(`The name ${JSON.stringify(name)} holds a line break: it cannot be written to a backup.`);
  return `"${name.replace(/"/g, '""')}"`;
}

const ESCAPES: Record<string, string> = { "\\": "\\\\", "'": "''", "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/**
 * A value in its text form as an SQL literal that any column type reads back (`'…'`, or `E'…'` with
 * backslash escapes when it holds a backslash or a control character, so that it stays on one line).
 */
export function sqlLiteral(value: string | null): string {
  if (value === null) return "NULL";
  if (!/[\\\x00-\x1f\x7f]/.test(value)) return `'${value.replace(/'/g, "''")}'`;
  return `E'${value.replace(/[\\'\x00-\x1f\x7f]/g, (c) => ESCAPES[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`)}'`;
}

export interface TablePlan {
  name: string;
  /** The columns written: every column but the generated ones, in table order. */
  columns: string[];
  /** An identity column GENERATED ALWAYS needs OVERRIDING SYSTEM VALUE to take the backed-up value. */
  overriding: boolean;
  /** The primary key, so the rows are read (and written) in a stable order. */
  orderBy: string[];
  /** Foreign keys of the table to itself, as positions in `columns`. */
  selfReferences: { columns: number[]; references: number[] }[];
}

export function insertStatement(table: TablePlan, rows: Row[]): string {
  const head = `INSERT INTO ${quoteIdent(table.name)} (${table.columns.map(quoteIdent).join(", ")})${table.overriding ? " OVERRIDING SYSTEM VALUE" : ""} VALUES`;
  return `${head}\n${rows.map((r) => `(${r.map(sqlLiteral).join(", ")})`).join(",\n")};`;
}

/**
 * Tables in foreign-key order: each after every table it references (ties by name, so the file is stable).
 * A foreign key of a table to itself is ordered row by row instead (`orderRows`); a cycle between tables
 * cannot be loaded with the checks on, and is an error.
 */
export function orderTables(tables: string[], foreignKeys: { table: string; references: string }[]): string[] {
  const needs = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const fk of foreignKeys) if (fk.table !== fk.references && needs.has(fk.references)) needs.get(fk.table)?.add(fk.references);
  const order: string[] = [];
  const done = new Set<string>();
  while (order.length < tables.length) {
    const ready = [...needs].filter(([t, deps]) => !done.has(t) && [...deps].every((d) => done.has(d))).map(([t]) => t).sort();
    if (!ready.length) {
      const left = tables.filter((t) => !done.has(t));
      throw new Error(`The foreign keys of ${left.join(", ")} form a cycle: lib/backup.ts cannot order their rows.`);
    }
    for (const t of ready) {
      order.push(t);
      done.add(t);
    }
  }
  return order;
}

/**
 * Rows of a table that references itself (a model and its base model), each after the row it references,
 * otherwise in the order read. Rows that reference each other in a loop come back in `cycle`: written in
 * one INSERT, whose foreign-key checks run at the end of the statement, they load too.
 */
export function orderRows(rows: Row[], selfReferences: TablePlan["selfReferences"]): { ordered: Row[]; cycle: Row[] } {
  if (!selfReferences.length) return { ordered: rows, cycle: [] };
  const keyOf = (row: Row, cols: number[]) => JSON.stringify(cols.map((i) => row[i]));
  // Which row holds each referenced key, per foreign key.
  const holders = selfReferences.map((fk) => new Map(rows.map((r, i) => [keyOf(r, fk.references), i])));
  const waitsFor = rows.map((r, i) => {
    const deps = new Set<number>();
    selfReferences.forEach((fk, f) => {
      if (fk.columns.some((c) => r[c] === null)) return; // MATCH SIMPLE: a null references nothing
      const j = holders[f]!.get(keyOf(r, fk.columns));
      if (j !== undefined && j !== i) deps.add(j);
    });
    return deps;
  });
  const dependents = rows.map(() => [] as number[]);
  waitsFor.forEach((deps, i) => deps.forEach((j) => dependents[j]!.push(i)));
  const pending = waitsFor.map((d) => d.size);
  const queue = rows.map((_, i) => i).filter((i) => pending[i] === 0);
  const emitted = new Array<boolean>(rows.length).fill(false);
  const ordered: Row[] = [];
  for (let q = 0; q < queue.length; q++) {
    const i = queue[q]!;
    emitted[i] = true;
    ordered.push(rows[i]!);
    for (const k of dependents[i]!) if (--pending[k]! === 0) queue.push(k);
  }
  return { ordered, cycle: rows.filter((_, i) => !emitted[i]) };
}

// --- Reading the catalog -----------------------------------------------------------------------------------

interface Catalog {
  tables: TablePlan[];
  sequences: string[];
  /** User triggers not simply enabled (tgenabled D, R or A), to be put back as they were. */
  triggerStates: { table: string; trigger: string; state: string }[];
}

const PUBLIC = `(SELECT oid FROM pg_namespace WHERE nspname = 'public')`;

async function readCatalog(client: pg.Client): Promise<Catalog> {
  const { rows: tableRows } = await client.query<{ name: string }>(
    `SELECT relname::text AS name FROM pg_class WHERE relnamespace = ${PUBLIC} AND relkind = 'r' ORDER BY relname`,
  );
  const { rows: columnRows } = await client.query<{ table: string; column: string; generated: string; identity: string }>(
    `SELECT c.relname::text AS "table", a.attname::text AS "column", a.attgenerated::text AS generated, a.attidentity::text AS identity
     FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
     WHERE c.relnamespace = ${PUBLIC} AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
     ORDER BY c.relname, a.attnum`,
  );
  const { rows: constraintRows } = await client.query<{ table: string; kind: string; references: string | null; columns: string[]; refColumns: string[] }>(
    `SELECT c.relname::text AS "table", k.contype::text AS kind, r.relname::text AS "references",
       ARRAY(SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY u(n, i) JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n ORDER BY u.i) AS columns,
       ARRAY(SELECT a.attname::text FROM unnest(k.confkey) WITH ORDINALITY u(n, i) JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.n ORDER BY u.i) AS "refColumns"
     FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid LEFT JOIN pg_class r ON r.oid = k.confrelid
     WHERE c.relnamespace = ${PUBLIC} AND k.contype IN ('p', 'f')
     ORDER BY c.relname, k.conname`,
  );
  const { rows: sequenceRows } = await client.query<{ name: string }>(
    `SELECT relname::text AS name FROM pg_class WHERE relnamespace = ${PUBLIC} AND relkind = 'S' ORDER BY relname`,
  );
  const { rows: triggerRows } = await client.query<{ table: string; trigger: string; state: string }>(
    `SELECT c.relname::text AS "table", t.tgname::text AS trigger, t.tgenabled::text AS state
     FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
     WHERE c.relnamespace = ${PUBLIC} AND NOT t.tgisinternal AND t.tgenabled::text <> 'O'
     ORDER BY c.relname, t.tgname`,
  );

  const tables = tableRows.map(({ name }): TablePlan => {
    const cols = columnRows.filter((c) => c.table === name);
    const columns = cols.filter((c) => c.generated === "").map((c) => c.column);
    const own = constraintRows.filter((k) => k.table === name);
    const selfReferences = own
      .filter((k) => k.kind === "f" && k.references === name)
      .map((k) => ({ columns: k.columns.map((c) => columns.indexOf(c)), references: k.refColumns.map((c) => columns.indexOf(c)) }))
      .filter((fk) => [...fk.columns, ...fk.references].every((i) => i >= 0));
    return {
      name,
      columns,
      overriding: cols.some((c) => c.identity === "a"),
      orderBy: own.find((k) => k.kind === "p")?.columns ?? [],
      selfReferences,
    };
  });
  const foreignKeys = constraintRows.filter((k) => k.kind === "f" && k.references).map((k) => ({ table: k.table, references: k.references! }));
  const order = orderTables(tables.map((t) => t.name), foreignKeys);
  return {
    tables: order.map((n) => tables.find((t) => t.name === n)!),
    sequences: sequenceRows.map((s) => s.name),
    triggerStates: triggerRows,
  };
}

/** The migrations the database has applied, each with this code's migration.sql (same checksum). */
async function appliedMigrations(client: pg.Client, dir: string): Promise<{ name: string; sql: string; checksum: string }[]> {
  const { rows: exists } = await client.query<{ ok: boolean }>(`SELECT to_regclass('public."_prisma_migrations"') IS NOT NULL AS ok`);
  if (!exists[0]?.ok) {
    throw new BackupRefusedError("The database has no _prisma_migrations table: it is not the app's database (or it was never migrated). Nothing to back up.");
  }
  const { rows } = await client.query<{ name: string; checksum: string; finished: boolean }>(
    `SELECT DISTINCT migration_name AS name, checksum, finished_at IS NOT NULL AS finished FROM "_prisma_migrations" WHERE rolled_back_at IS NULL ORDER BY migration_name`,
  );
  const files = new Map((await listMigrations(dir)).map((m) => [m.name, m]));
  // In the order lib/migrate.ts applies them (name order, as JavaScript sorts, whatever the collation).
  rows.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return rows.map((r) => {
    if (!r.finished) throw new Error(`Migration ${r.name} started but never finished in this database: run \`npm run db:migrate\` (or repair it) before backing up.`);
    const file = files.get(r.name);
    if (!file) throw new Error(`The database has migration ${r.name}, which this code does not know: back it up with the code that applied it.`);
    if (file.checksum !== r.checksum) throw new Error(`Migration ${r.name} differs from the one the database applied (checksum): the backup's schema would not be the database's.`);
    if (file.sql.split("\n").some((l) => l.startsWith(MARK))) throw new Error(`Migration ${r.name} has a line starting with "${MARK}", which the backup format reserves.`);
    return file;
  });
}

// --- Backup ------------------------------------------------------------------------------------------------

export interface BackupOptions {
  /** Replace FILE if it exists. */
  force?: boolean;
  migrationsDir?: string;
  /** What is backed up, for the file's header (a redacted URL, the embedded folder). */
  source?: string;
  onProgress?: (done: number, total: number) => void;
}

export interface TableCount {
  name: string;
  rows: number;
}

export interface BackupSummary {
  file: string;
  bytes: number;
  migrations: number;
  tables: TableCount[];
  rows: number;
  sequences: number;
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(() => true, () => false);
}

/**
 * Writes the whole database to FILE (through FILE.partial-<pid>, renamed at the end: an interrupted backup
 * leaves no file that looks whole). The rows are read in one REPEATABLE READ transaction: one snapshot,
 * consistent across tables even while the app writes.
 */
export async function backupDatabase(connectionString: string, file: string, options: BackupOptions = {}): Promise<BackupSummary> {
  const target = path.resolve(file);
  if (!options.force && (await exists(target))) {
    throw new BackupRefusedError(`${file} already exists: name another file, or pass --force to replace it.`);
  }
  await mkdir(path.dirname(target), { recursive: true });
  const partial = `${target}.partial-${process.pid}`;
  const out = await open(partial, "w");
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 10_000 });
  let bytes = 0;
  const write = async (text: string) => {
    bytes += Buffer.byteLength(text);
    await out.write(text);
  };
  try {
    await client.connect();
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    // Text forms that read back exactly: ISO dates in UTC (with their offset), every float digit.
    await client.query("SET LOCAL TimeZone = 'UTC'; SET LOCAL DateStyle = 'ISO, YMD'; SET LOCAL IntervalStyle = 'postgres'; SET LOCAL extra_float_digits = 3");
    const migrations = await appliedMigrations(client, options.migrationsDir ?? path.resolve("prisma/migrations"));
    const catalog = await readCatalog(client);
    const counts: TableCount[] = [];
    for (const t of catalog.tables) {
      const { rows } = await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${quoteIdent(t.name)}`);
      counts.push({ name: t.name, rows: Number(rows[0]!.n) });
    }
    const total = counts.reduce((s, c) => s + c.rows, 0);
    const { rows: version } = await client.query<{ v: string }>("SELECT current_setting('server_version') AS v");

    await write(
      [
        BACKUP_HEADER,
        `-- Taken ${new Date().toISOString()} from ${options.source ?? "a PostgreSQL database"} (PostgreSQL ${version[0]?.v ?? "?"}):`,
        `-- ${migrations.length} migrations, ${counts.length} tables, ${total} rows, ${catalog.sequences.length} sequences.`,
        "-- Restore into an empty database with `npm run db:restore -- FILE` (DATABASE_URL, or the embedded database),",
        "-- or `psql -v ON_ERROR_STOP=1 -f FILE postgresql://...` (PostgreSQL with the pg_trgm extension; tried on 15 and 18).",
        "-- One transaction: a failure leaves the target as it was. While the rows load, the user triggers are",
        "-- disabled (the DataVersion counter keeps its backed-up value); they are enabled again before COMMIT.",
        `${MARK}summary ${JSON.stringify({ migrations: migrations.map((m) => m.name), tables: counts, rows: total })}`,
        `${MARK}settings`,
        "SET client_encoding = 'UTF8';",
        "SET standard_conforming_strings = on;",
        `${MARK}begin`,
        "BEGIN;",
        `${MARK}schema _prisma_migrations`,
        `${MIGRATIONS_TABLE.trim()};`,
        "",
      ].join("\n"),
    );
    for (const m of migrations) {
      const sql = m.sql.trimEnd();
      await write(`${MARK}migration ${m.name}\n${sql}${sql.endsWith(";") ? "" : "\n;"}\n`);
    }
    const names = catalog.tables.map((t) => quoteIdent(t.name));
    await write(
      `${MARK}prepare\n` +
        names.map((n) => `ALTER TABLE ${n} DISABLE TRIGGER USER;`).join("\n") +
        (names.length ? `\nTRUNCATE TABLE ${names.join(", ")};\n` : "\n"),
    );

    let done = 0;
    options.onProgress?.(0, total);
    const emit = async (table: TablePlan, rows: Row[]) => {
      await write(`${MARK}rows ${quoteIdent(table.name)} ${rows.length}\n${insertStatement(table, rows)}\n`);
      done += rows.length;
      options.onProgress?.(done, total);
    };
    for (const [i, table] of catalog.tables.entries()) {
      if (counts[i]!.rows === 0) continue;
      const select =
        `SELECT ${table.columns.map((c) => `${quoteIdent(c)}::text`).join(", ")} FROM ${quoteIdent(table.name)}` +
        (table.orderBy.length ? ` ORDER BY ${table.orderBy.map(quoteIdent).join(", ")}` : "");
      await client.query(`DECLARE atlas_backup NO SCROLL CURSOR FOR ${select}`);
      const held: Row[] = [];
      for (;;) {
        const { rows } = await client.query<Row>({ text: `FETCH ${ROWS_PER_INSERT} FROM atlas_backup`, rowMode: "array" });
        if (!rows.length) break;
        // A table that references itself is held whole and ordered; any other is written as it is read.
        if (table.selfReferences.length) held.push(...rows);
        else await emit(table, rows);
      }
      await client.query("CLOSE atlas_backup");
      if (held.length) {
        const { ordered, cycle } = orderRows(held, table.selfReferences);
        for (let k = 0; k < ordered.length; k += ROWS_PER_INSERT) await emit(table, ordered.slice(k, k + ROWS_PER_INSERT));
        if (cycle.length) await emit(table, cycle);
      }
    }

    const sequences: string[] = [];
    for (const s of catalog.sequences) {
      const { rows } = await client.query<{ value: string; called: boolean }>(`SELECT last_value::text AS value, is_called AS called FROM ${quoteIdent(s)}`);
      sequences.push(`SELECT pg_catalog.setval(${sqlLiteral(quoteIdent(s))}, ${rows[0]!.value}, ${rows[0]!.called});`);
    }
    const triggerState = (t: Catalog["triggerStates"][number]) =>
      `ALTER TABLE ${quoteIdent(t.table)} ${t.state === "D" ? "DISABLE" : t.state === "R" ? "ENABLE REPLICA" : "ENABLE ALWAYS"} TRIGGER ${quoteIdent(t.trigger)};`;
    await write(
      [
        ...(sequences.length ? [`${MARK}sequences`, ...sequences] : []),
        `${MARK}finish`,
        ...names.map((n) => `ALTER TABLE ${n} ENABLE TRIGGER USER;`),
        ...catalog.triggerStates.map(triggerState),
        `${MARK}commit`,
        "COMMIT;",
        END_MARK,
        "",
      ].join("\n"),
    );
    await client.query("COMMIT");
    await out.sync();
    await out.close();
    await rename(partial, target);
    return { file: target, bytes, migrations: migrations.length, tables: counts, rows: total, sequences: catalog.sequences.length };
  } catch (e) {
    await out.close().catch(() => {});
    await rm(partial, { force: true });
    throw e;
  } finally {
    await client.end().catch(() => {});
  }
}

// --- Restore -----------------------------------------------------------------------------------------------

/** What the database already holds in its public schema (not counting objects of extensions). */
export async function listPublicObjects(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT (CASE c.relkind WHEN 'S' THEN 'sequence ' WHEN 'v' THEN 'view ' WHEN 'm' THEN 'view ' ELSE 'table ' END) || c.relname AS name
     FROM pg_class c
     WHERE c.relnamespace = ${PUBLIC} AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
     UNION ALL
     SELECT 'function ' || p.proname FROM pg_proc p
     WHERE p.pronamespace = ${PUBLIC}
       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
     ORDER BY 1`,
  );
  return rows.map((r) => r.name);
}

interface Group {
  kind: string;
  arg: string;
  /** Line of the marker in the file. */
  line: number;
  sql: string;
}

async function* readLines(file: string): AsyncGenerator<string> {
  let rest = "";
  for await (const chunk of createReadStream(file, { encoding: "utf8", highWaterMark: 1 << 20 })) {
    const lines = (rest + (chunk as string)).split("\n");
    rest = lines.pop()!;
    for (const l of lines) yield l.endsWith("\r") ? l.slice(0, -1) : l;
  }
  if (rest) yield rest;
}

/** The file's statement groups, one per marker, read as a stream (a backup may be larger than memory). */
export async function* readGroups(file: string): AsyncGenerator<Group> {
  let current: (Omit<Group, "sql"> & { lines: string[] }) | null = null;
  let n = 0;
  for await (const line of readLines(file)) {
    n++;
    if (line.startsWith(MARK)) {
      if (current) yield { kind: current.kind, arg: current.arg, line: current.line, sql: current.lines.join("\n") };
      const [kind = "", arg = ""] = line.slice(MARK.length).split(/ (.*)/s, 2);
      current = { kind, arg, line: n, lines: [] };
    } else if (current) {
      current.lines.push(line);
    }
  }
  if (current) yield { kind: current.kind, arg: current.arg, line: current.line, sql: current.lines.join("\n") };
}

/** A backup file, whole: its first line is the header and its last the end marker. */
export async function checkBackupFile(file: string): Promise<void> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new BackupRefusedError(`${file} is not a file: name a backup written by \`npm run db:backup\`.`);
  const handle = await open(file, "r");
  try {
    const head = Buffer.alloc(BACKUP_HEADER.length);
    await handle.read(head, 0, head.length, 0);
    if (head.toString("utf8") !== BACKUP_HEADER) {
      throw new BackupRefusedError(`${file} is not an Open Model Atlas backup (it does not start with "${BACKUP_HEADER}").`);
    }
    const tailLength = Math.min(info.size, 64);
    const tail = Buffer.alloc(tailLength);
    await handle.read(tail, 0, tailLength, info.size - tailLength);
    if (!tail.toString("utf8").trimEnd().endsWith(END_MARK)) {
      throw new BackupRefusedError(`${file} is incomplete (it does not end with "${END_MARK}"): the backup was cut short. Take it again.`);
    }
  } finally {
    await handle.close();
  }
}

export interface RestoreOptions {
  /** Drop the target's public schema (everything in it) first; otherwise a non-empty target is refused. */
  force?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface RestoreSummary {
  migrations: string[];
  tables: TableCount[];
  rows: number;
  /** What --force dropped. */
  replaced: string[];
}

/**
 * Loads a backup into the database at `connectionString`, group by group, in one transaction: any failure
 * rolls back and leaves the target as it was. Holds the migrations' advisory lock meanwhile, so an app
 * starting on the same database waits and then finds every migration applied.
 */
export async function restoreDatabase(connectionString: string, file: string, options: RestoreOptions = {}): Promise<RestoreSummary> {
  await checkBackupFile(file);
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 10_000 });
  await client.connect();
  let group: Group | undefined;
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1)", [LOCK_KEY]);
    const existing = await listPublicObjects(client);
    if (existing.length && !options.force) {
      const shown = existing.length > 5 ? `${existing.slice(0, 5).join(", ")} and ${existing.length - 5} more` : existing.join(", ");
      throw new BackupRefusedError(
        `The target database is not empty (${shown}). Nothing was changed. Restore into an empty database, ` +
          "or pass --force to drop its public schema, with everything in it, and replace it with the backup.",
      );
    }
    await client.query(
      options.force
        ? "DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public; GRANT USAGE ON SCHEMA public TO PUBLIC"
        : "CREATE SCHEMA IF NOT EXISTS public",
    );
    const summary: RestoreSummary = { migrations: [], tables: [], rows: 0, replaced: options.force ? existing : [] };
    let total = 0;
    let ended = false;
    for await (group of readGroups(file)) {
      switch (group.kind) {
        case "summary": {
          const head = JSON.parse(group.arg) as { rows: number; tables: TableCount[] };
          total = head.rows;
          summary.tables = head.tables.map((t) => ({ name: t.name, rows: 0 }));
          options.onProgress?.(0, total);
          continue;
        }
        case "begin":
        case "commit":
          continue; // this function holds the transaction
        case "end":
          ended = true;
          continue;
      }
      if (ended) throw new Error("statements follow the end marker");
      const result = group.sql.trim() ? await client.query(group.sql) : undefined;
      if (group.kind === "migration") summary.migrations.push(group.arg);
      if (group.kind === "rows") {
        const [, name = "", count = "0"] = /^"((?:[^"]|"")*)" (\d+)$/.exec(group.arg) ?? [];
        const table = name.replace(/""/g, '"');
        // One INSERT a group: it must have added as many rows as its marker says (a file edited by hand is caught).
        const added = Array.isArray(result) ? -1 : (result?.rowCount ?? 0);
        if (added !== Number(count)) throw new Error(`the group should add ${count} rows to ${table} and added ${added}`);
        const entry = summary.tables.find((t) => t.name === table);
        if (entry) entry.rows += added;
        else summary.tables.push({ name: table, rows: added });
        summary.rows += added;
        options.onProgress?.(summary.rows, Math.max(total, summary.rows));
      }
    }
    group = undefined;
    if (!ended) throw new Error("the file ended before its end marker");
    await client.query("COMMIT");
    return summary;
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    if (e instanceof BackupRefusedError) throw e;
    const where = group ? ` at its ${group.kind}${group.arg && group.kind !== "summary" ? ` ${group.arg}` : ""} (line ${group.line})` : "";
    throw new Error(`Restoring ${file} failed${where}: ${(e as Error).message}. Nothing was changed (the transaction was rolled back).`);
  } finally {
    await client.end().catch(() => {});
  }
}
