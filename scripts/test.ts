// npm test - the whole suite: dataset check, lint, types, unit, integration (real Postgres), build, e2e
// (real browser). Ends with one line "N passed, N failed" counting every test and check.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";

interface Counts { passed: number; failed: number }
const total: Counts = { passed: 0, failed: 0 };
const failures: string[] = [];
mkdirSync("test-results", { recursive: true });

function run(command: string, args: string[]): boolean {
  console.log(`\n$ ${command} ${args.join(" ")}`);
  const r = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  return r.status === 0;
}

/** A step that is one check: it passes or fails as a whole. */
function check(name: string, command: string, args: string[]) {
  if (run(command, args)) total.passed++;
  else { total.failed++; failures.push(name); }
}

/** A step that runs tests and reports how many passed, read from its JSON report. */
function suite(name: string, command: string, args: string[], report: string, read: (json: unknown) => Counts) {
  rmSync(report, { force: true });
  const ok = run(command, args);
  let counts: Counts = { passed: 0, failed: 0 };
  if (existsSync(report)) counts = read(JSON.parse(readFileSync(report, "utf8")));
  // A runner that crashed before reporting still counts as a failure.
  if (!ok && counts.failed === 0) counts.failed = 1;
  total.passed += counts.passed;
  total.failed += counts.failed;
  if (counts.failed) failures.push(`${name} (${counts.failed})`);
  console.log(`${name}: ${counts.passed} passed, ${counts.failed} failed`);
}

const vitestCounts = (j: unknown) => {
  const r = j as { numPassedTests: number; numFailedTests: number };
  return { passed: r.numPassedTests, failed: r.numFailedTests };
};
const playwrightCounts = (j: unknown) => {
  const s = (j as { stats: { expected: number; unexpected: number; flaky: number } }).stats;
  return { passed: s.expected + s.flaky, failed: s.unexpected };
};
const bin = (name: string) => `node_modules/.bin/${name}`;

check("dataset check", "npm", ["run", "--silent", "data:check"]);
check("lint", bin("eslint"), [".", "--max-warnings=0"]);
check("typecheck", bin("tsc"), ["--noEmit"]);
suite("unit", bin("vitest"), ["run", "--project", "unit", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/unit.json"], "test-results/unit.json", vitestCounts);
suite("integration", bin("vitest"), ["run", "--project", "integration", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/integration.json"], "test-results/integration.json", vitestCounts);
check("build", bin("next"), ["build"]);
if (failures.includes("build")) {
  console.log("e2e skipped: the build failed");
} else {
  suite("e2e", bin("playwright"), ["test"], "test-results/e2e.json", playwrightCounts);
}

if (failures.length) console.log(`\nFailed: ${failures.join(", ")}`);
console.log(`${total.passed} passed, ${total.failed} failed`);
process.exit(total.failed ? 1 : 0);
