/**
 * `npm test`: the whole suite, in the order a failure is cheapest to read.
 * 1. Chromium is present (or the command that installs it is printed);
 * 2. the site builds (astro build + pagefind index) — into DIST_DIR when it is set, else dist/;
 * 3. the types: `astro check` (TypeScript strict over .ts, .tsx and .astro files);
 * 4. vitest runs every test: unit, build checks (parity, links), accessibility, page weight, browser, infrastructure;
 * 5. the page-weight table (`npm run budget`).
 * Arguments after `npm test --` go to vitest (e.g. `npm test -- --project site`).
 * The last line is always `npm test: N passed, M failed`, alone on its line so that CI reads it (vitest's tests; a
 * step that keeps vitest from running — no Chromium, a failed build — counts as one failure). The comparison with the
 * source pages runs only when SOURCES_DIR is set (test/support/sources.ts); the line before says whether it ran, and
 * why not.
 * The exit code is 0 only when all is well.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { chromiumPath } from "./support/chromium.ts";
import { sourceComparisonStatus } from "./support/sources.ts";

const timings: Array<{ title: string; seconds: number; ok: boolean }> = [];

function step(title: string, command: string, args: string[]): boolean {
  console.log(`\n━━ ${title}: ${command} ${args.join(" ")}`);
  const started = performance.now();
  const result = spawnSync(command, args, { stdio: "inherit", env: process.env });
  const seconds = (performance.now() - started) / 1000;
  const ok = result.status === 0;
  timings.push({ title, seconds, ok });
  console.log(ok ? `✔ ${title} (${seconds.toFixed(1)} s)` : `✖ ${title} failed after ${seconds.toFixed(1)} s (exit ${result.status ?? result.signal}).`);
  return ok;
}

function finish(passed: number, failed: number, ok: boolean): never {
  if (timings.length > 0) {
    console.log("\nTime per step:");
    for (const t of timings) console.log(`  ${t.ok ? "✔" : "✖"} ${t.title.padEnd(14)} ${t.seconds.toFixed(1).padStart(7)} s`);
  }
  console.log(`\n${sourceComparisonStatus()}`);
  console.log(`npm test: ${passed} passed, ${failed} failed`);
  process.exit(ok && failed === 0 ? 0 : 1);
}

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: Array<{
    name: string;
    status: string;
    message?: string;
    startTime?: number;
    endTime?: number;
    assertionResults: Array<{ status: string; fullName: string }>;
  }>;
}

// 1. Chromium
try {
  console.log(`Chromium: ${chromiumPath()}`);
} catch (error) {
  console.error(`✖ ${(error as Error).message}`);
  finish(0, 1, false);
}

// 2. Build (never into the shared dist/ when DIST_DIR says where)
const distDir = process.env.DIST_DIR;
const built = distDir
  ? step("Build", "npx", ["astro", "build", "--outDir", distDir]) && step("Search index", "npx", ["pagefind", "--site", distDir, "--quiet"])
  : step("Build", "npm", ["run", "--silent", "build"]);
if (!built) finish(0, 1, false);

// 3. Types: a type error is a failure even when no test happens to reach that code.
const typesOk = step("Types", "npx", ["astro", "check", "--minimumSeverity", "error"]);

// 4. Vitest, with a JSON report for the counts
const reportDir = mkdtempSync(join(tmpdir(), "npm-test-"));
const reportFile = join(reportDir, "vitest.json");
// Extra arguments go to vitest: `npm test -- --project site`, `npm test -- test/build`.
const vitestArgs = ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${reportFile}`, ...process.argv.slice(2)];
const testsOk = step("Tests", "npx", vitestArgs);
let passed = 0;
let failed = 0;
try {
  const report = JSON.parse(readFileSync(reportFile, "utf8")) as VitestJson;
  passed = report.numPassedTests;
  failed = report.numFailedTests;
  // A file that fails before its tests run (an import error) has no failed test of its own: count it once.
  const brokenFiles = report.testResults.filter((f) => f.status === "failed" && !f.assertionResults.some((a) => a.status === "failed"));
  failed += brokenFiles.length;
  for (const f of brokenFiles) console.log(`✖ ${relative(process.cwd(), f.name)} did not run: ${(f.message ?? "").split("\n")[0]}`);
  const skipped = report.numPendingTests + report.numTodoTests;
  if (skipped > 0) console.log(`⚠ ${skipped} test(s) skipped or todo: the suite must not skip.`);
  console.log("\nTime per test file (slowest first):");
  const files = report.testResults
    .map((f) => ({ file: relative(process.cwd(), f.name), seconds: ((f.endTime ?? 0) - (f.startTime ?? 0)) / 1000, status: f.status }))
    .sort((a, b) => b.seconds - a.seconds);
  for (const f of files) console.log(`  ${f.status === "passed" ? "✔" : "✖"} ${f.file.padEnd(48)} ${f.seconds.toFixed(1).padStart(7)} s`);
} catch (error) {
  console.error(`✖ No vitest report (${(error as Error).message}).`);
  if (failed === 0) failed = 1;
} finally {
  rmSync(reportDir, { recursive: true, force: true });
}

// 5. The page-weight table (its pass/fail is also a vitest test)
const budgetOk = step("Page weight", "npm", ["run", "--silent", "budget"]);

if (!typesOk) failed += 1;
finish(passed, failed, testsOk && budgetOk && typesOk);
