#!/usr/bin/env node
// Every test suite, added up: the type check and the lint (layers, formatter, import graph),
// unit + integration on PGlite, the integration suite again on real Postgres, then the
// production build end to end in Chromium on Postgres.
// Ends with one line "N passed, N failed". Postgres comes from DATABASE_URL (a server where
// this may create and drop databases), else a throwaway server is started on loopback.
import { spawn } from "node:child_process";
import fs from "node:fs";
import { startThrowawayPostgres } from "./postgres.mjs";

const totals = [];
// The names of what failed, repeated at the end: a CI log keeps only its tail.
const failures = [];
fs.mkdirSync("test-results", { recursive: true });

function run(cmd, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

function record(suite, passed, failed) {
  totals.push({ suite, passed, failed });
  console.log(`\n[linli] ${suite}: ${passed} passed, ${failed} failed\n`);
}

async function vitest(suite, env) {
  const out = `test-results/vitest-${suite}.json`;
  fs.rmSync(out, { force: true });
  const code = await run(
    "npx",
    ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${out}`],
    env,
  );
  try {
    const r = JSON.parse(fs.readFileSync(out, "utf8"));
    const failed = r.numFailedTests + (code !== 0 && r.numFailedTests === 0 ? 1 : 0);
    for (const file of r.testResults ?? [])
      for (const a of file.assertionResults ?? [])
        if (a.status === "failed")
          failures.push(`${suite}: ${file.name.replace(process.cwd() + "/", "")} › ${a.fullName}`);
    record(suite, r.numPassedTests, failed);
  } catch {
    record(suite, 0, 1);
  }
}

const started = Date.now();
const { DATABASE_URL, ...envWithoutDb } = process.env;
let pg;
let adminUrl = DATABASE_URL;
if (!adminUrl) {
  try {
    pg = await startThrowawayPostgres();
    adminUrl = pg.url;
    console.log(`[linli] Throwaway Postgres on ${adminUrl}`);
  } catch (e) {
    console.error(`[linli] ${e.message}`);
  }
}

try {
  // 0. The house rules: types, ESLint (with the layer rules), the formatter and the import graph.
  //    Each counts as one check; a failure does not stop the suites after it.
  for (const [suite, script] of [
    ["typecheck", "typecheck"],
    ["lint", "lint"],
  ]) {
    const code = await run("npm", ["run", "--silent", script]);
    record(suite, code === 0 ? 1 : 0, code === 0 ? 0 : 1);
  }

  // 1. Unit and integration tests on in-memory PGlite.
  await vitest("pglite", { DATABASE_URL: "", TEST_DATABASE_URL: "" });

  if (!adminUrl) {
    record("postgres (no server)", 0, 1);
  } else {
    // 2. The integration suite (and race tests) on real Postgres.
    await vitest("postgres", { DATABASE_URL: "", TEST_DATABASE_URL: adminUrl });

    // 3. End to end: next build + next start on a fresh Postgres database, Debian's Chromium.
    const buildCode = await run("npx", ["next", "build"], { DATABASE_URL: "" });
    if (buildCode !== 0) {
      record("build", 0, 1);
    } else {
      const { default: postgres } = await import("postgres");
      const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
      const dbName = `linli_e2e_${process.pid}`;
      await admin.unsafe(`drop database if exists ${dbName} with (force)`);
      await admin.unsafe(`create database ${dbName}`);
      const u = new URL(adminUrl);
      u.pathname = `/${dbName}`;
      const out = "test-results/e2e.json";
      fs.rmSync(out, { force: true });
      const code = await run("npx", ["playwright", "test"], {
        ...Object.fromEntries(Object.entries(envWithoutDb)),
        DATABASE_URL: "",
        E2E_DATABASE_URL: u.toString(),
        PLAYWRIGHT_JSON_OUTPUT_NAME: out,
      });
      try {
        const report = JSON.parse(fs.readFileSync(out, "utf8"));
        const s = report.stats;
        const walk = (suiteNode, trail) => {
          for (const spec of suiteNode.specs ?? [])
            if (!spec.ok) failures.push(`e2e: ${spec.file} › ${[...trail, spec.title].join(" › ")}`);
          for (const child of suiteNode.suites ?? []) walk(child, [...trail, child.title]);
        };
        for (const top of report.suites ?? []) walk(top, []);
        record("e2e", s.expected + s.flaky, s.unexpected + (code !== 0 && s.unexpected === 0 ? 1 : 0));
      } catch {
        record("e2e", 0, 1);
      }
      await admin.unsafe(`drop database if exists ${dbName} with (force)`).catch(() => {});
      await admin.end();
    }
  }
} finally {
  if (pg) await pg.stop();
}

const passed = totals.reduce((n, t) => n + t.passed, 0);
const failed = totals.reduce((n, t) => n + t.failed, 0);
if (failures.length) console.log(`\n  failed:\n${failures.map((f) => `    ${f}`).join("\n")}\n`);
for (const t of totals) console.log(`  ${t.suite.padEnd(10)} ${t.passed} passed, ${t.failed} failed`);
console.log(`  (${Math.round((Date.now() - started) / 1000)} s)`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
