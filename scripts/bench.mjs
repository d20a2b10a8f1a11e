#!/usr/bin/env node
// Measures the app as it is served: `next build` + `next start` on Postgres (DATABASE_URL, or a
// throwaway server on loopback), autocannon on loopback. Figures are ratios to the no-database
// route in the same run, because this machine is shared and noisy.
//   npm run bench [-- --seconds 10 --connections 20 --no-build --only pages,burst,ballots,claims --residents 500 --places 50 --voters 1000 --volunteers 200 --wishes 50]
// pages: autocannon against published pages. burst: the registration burst (bench-burst.mjs),
// `residents` sign-ups at once for one sport item with `places` places, then checked exactly.
// ballots: the ballot burst (bench-ballots.mjs), `voters` verified residents cast a Neighbourhood
// Star ballot at once in one category, then checked exactly, then all sent again and refused.
// claims: the wall opens (bench-claims.mjs), `volunteers` volunteers claim from `wishes` open
// wishes at once, several reaching for each, then checked exactly: one claimant per wish.
import { spawn, spawnSync } from "node:child_process";
import autocannon from "autocannon";
import { ballotBurst } from "./bench-ballots.mjs";
import { registrationBurst } from "./bench-burst.mjs";
import { claimBurst } from "./bench-claims.mjs";
import { startThrowawayPostgres } from "./postgres.mjs";

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const seconds = Number(arg("seconds", 10));
const connections = Number(arg("connections", 20));
const PARTS = ["pages", "burst", "ballots", "claims"];
const only = new Set(arg("only", PARTS.join(",")).split(","));
for (const o of only)
  if (!PARTS.includes(o)) throw new Error(`--only ${o}: one or more of ${PARTS.join(", ")}, with commas`);
const residents = Number(arg("residents", 500));
const places = Number(arg("places", 50));
const voters = Number(arg("voters", 1000));
if (!(voters >= 1 && voters <= 9_999_999)) throw new Error(`--voters ${voters}: a whole number from 1`);
const volunteers = Number(arg("volunteers", 200));
const wishCount = Number(arg("wishes", 50));
if (!(wishCount >= 1 && volunteers >= wishCount && volunteers <= 9_999_999))
  throw new Error(
    `--volunteers ${volunteers} --wishes ${wishCount}: whole numbers, at least as many volunteers as wishes`,
  );
const SECRET = "bench-only-secret-0123456789abcdef";
const port = 3200;
const base = `http://127.0.0.1:${port}`;

const TARGETS = [
  { name: "no-database route (/api/ping)", path: "/api/ping" },
  { name: "programme page, zh-CN", path: "/festivals/meihu-15" },
  { name: "programme page, en", path: "/festivals/meihu-15", headers: { cookie: "NEXT_LOCALE=en" } },
  { name: "programme by venue", path: "/festivals/meihu-15/venues" },
  { name: "home page", path: "/" },
  { name: "wish wall", path: "/wishes" },
  { name: "volunteer leaderboard", path: "/points" },
  { name: "festival page with winners", path: "/festivals/meihu-14" },
  { name: "competitions list", path: "/festivals/meihu-14/competitions" },
];

const pg = process.env.DATABASE_URL ? null : await startThrowawayPostgres();
const adminUrl = process.env.DATABASE_URL || pg.url;
const { default: postgres } = await import("postgres");
const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
const dbName = `linli_bench_${process.pid}`;
await admin.unsafe(`create database ${dbName}`);
const url = new URL(adminUrl);
url.pathname = `/${dbName}`;

if (!process.argv.includes("--no-build")) {
  const b = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, DATABASE_URL: "" } });
  if (b.status !== 0) process.exit(1);
}
const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port)], {
  stdio: ["ignore", "ignore", "inherit"],
  env: {
    ...process.env,
    LINLI_SEED: "demo",
    DATABASE_URL: url.toString(),
    NEXTAUTH_URL: base,
    NEXTAUTH_SECRET: SECRET,
  },
});

async function waitReady() {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("the server did not start");
}

const run = (t) =>
  new Promise((resolve, reject) =>
    autocannon({ url: base + t.path, connections, duration: seconds, headers: t.headers ?? {} }, (err, r) =>
      err ? reject(err) : resolve(r),
    ),
  );

async function pages() {
  // One finished competition's page (a bracket), found from the list: its id is made by the seed.
  const list = await (await fetch(`${base}/festivals/meihu-14/competitions`)).text();
  const item = /href="(\/festivals\/meihu-14\/competitions\/[0-9a-f-]{36})"/.exec(list);
  if (!item) throw new Error("no competition on the 14th festival's list");
  TARGETS.push({ name: "a competition's page", path: item[1] });
  for (const t of TARGETS) {
    const res = await fetch(base + t.path, { headers: t.headers });
    if (!res.ok) throw new Error(`${t.path} answered ${res.status}`);
    await run({ ...t, warm: true }).catch(() => {});
  }
  const rows = [];
  // Two rounds, interleaved, so a burst of noise hits every target alike.
  for (let round = 1; round <= 2; round++) {
    for (const t of TARGETS) {
      const r = await run(t);
      rows.push({
        round,
        name: t.name,
        rps: r.requests.average,
        p50: r.latency.p50,
        p99: r.latency.p99,
        errors: r.errors + r.non2xx,
      });
    }
  }
  const ceiling = (round) => rows.find((r) => r.round === round && r.name.startsWith("no-database")).rps;
  console.log(`\n${connections} connections, ${seconds} s per target, two rounds; Postgres; next start\n`);
  console.log("round | target | req/s | p50 ms | p99 ms | errors | ratio to no-database route");
  for (const r of rows) {
    console.log(
      `${r.round} | ${r.name} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.errors} | ${(r.rps / ceiling(r.round)).toFixed(2)}`,
    );
  }
}

/** Two rounds of the registration burst, each on its own item with its own residents. */
async function bursts() {
  const used = new Set();
  const rounds = [];
  for (let round = 1; round <= 2; round++) {
    rounds.push(await registrationBurst({ base, sql: benchDb, secret: SECRET, residents, places, round, used }));
  }
  const ms = (x) => x.toFixed(0);
  console.log(
    `\nRegistration burst: ${residents} residents, each with a session, sign up at once for one sport item with ${places} places (POST /api/registrations); beside it ${residents} concurrent GET /api/ping. Two rounds; Postgres; next start\n`,
  );
  console.log("round | burst | wall ms | req/s | p50 ms | p99 ms | max ms | errors");
  for (const r of rounds) {
    const regErrors = r.reg.results.filter((x) => x.status !== 200).length;
    console.log(
      `${r.round} | ${residents} × GET /api/ping | ${ms(r.ping.wallMs)} | ${ms(r.ping.rps)} | ${ms(r.ping.p50)} | ${ms(r.ping.p99)} | ${ms(r.ping.max)} | ${r.pingErrors}`,
    );
    console.log(
      `${r.round} | ${residents} × POST /api/registrations (${r.item.title}) | ${ms(r.reg.wallMs)} | ${ms(r.reg.rps)} | ${ms(r.reg.p50)} | ${ms(r.reg.p99)} | ${ms(r.reg.max)} | ${regErrors}`,
    );
  }
  console.log("\nround | registrations/s ÷ ping req/s | registration p99 ÷ ping p99");
  for (const r of rounds)
    console.log(`${r.round} | ${(r.reg.rps / r.ping.rps).toFixed(2)} | ${(r.reg.p99 / r.ping.p99).toFixed(1)}`);
  console.log("");
  return verdicts(rounds);
}

/** Prints the check lines of every round; returns the kinds of check that failed. */
function verdicts(rounds) {
  const failed = new Set();
  for (const r of rounds) {
    for (const l of r.lines) {
      console.log(`${l.kind === "note" ? "NOTE" : l.ok ? "PASS" : "FAIL"} round ${r.round}: ${l.text}`);
      if (!l.ok && l.kind !== "note") failed.add(l.kind);
    }
  }
  return failed;
}

/** Two rounds of the ballot burst, each in a category of its own with its own verified residents. */
async function ballots() {
  const rounds = [];
  for (let round = 1; round <= 2; round++)
    rounds.push(await ballotBurst({ base, sql: benchDb, secret: SECRET, voters, round }));
  const ms = (x) => x.toFixed(0);
  const errors = (b, status) => b.results.filter((x) => x.status !== status).length;
  console.log(
    `\nBallot burst: ${voters} verified residents, each with a session, cast a Neighbourhood Star ballot at once in one category of 8 candidates (POST /api/stars/ballots); beside it ${voters} concurrent GET /api/ping; then the same ${voters} ballots again, all to be refused. Two rounds; Postgres; next start\n`,
  );
  console.log("round | burst | wall ms | req/s | p50 ms | p99 ms | max ms | errors");
  for (const r of rounds) {
    console.log(
      `${r.round} | ${voters} × GET /api/ping | ${ms(r.ping.wallMs)} | ${ms(r.ping.rps)} | ${ms(r.ping.p50)} | ${ms(r.ping.p99)} | ${ms(r.ping.max)} | ${r.pingErrors}`,
    );
    console.log(
      `${r.round} | ${voters} × POST /api/stars/ballots (${r.category.name}) | ${ms(r.cast.wallMs)} | ${ms(r.cast.rps)} | ${ms(r.cast.p50)} | ${ms(r.cast.p99)} | ${ms(r.cast.max)} | ${errors(r.cast, 200)}`,
    );
    console.log(
      `${r.round} | ${voters} × the same again (refused, 409) | ${ms(r.again.wallMs)} | ${ms(r.again.rps)} | ${ms(r.again.p50)} | ${ms(r.again.p99)} | ${ms(r.again.max)} | ${errors(r.again, 409)}`,
    );
  }
  console.log(
    "\nround | ballots/s ÷ ping req/s | ballot p99 ÷ ping p99 | refusals/s ÷ ping req/s | refusal p99 ÷ ping p99",
  );
  for (const r of rounds) {
    console.log(
      `${r.round} | ${(r.cast.rps / r.ping.rps).toFixed(2)} | ${(r.cast.p99 / r.ping.p99).toFixed(1)} | ${(r.again.rps / r.ping.rps).toFixed(2)} | ${(r.again.p99 / r.ping.p99).toFixed(1)}`,
    );
  }
  console.log("");
  return verdicts(rounds);
}

/** Two rounds of the wall opening, each with wishes and volunteers of its own. */
async function claims() {
  const rounds = [];
  for (let round = 1; round <= 2; round++)
    rounds.push(await claimBurst({ base, sql: benchDb, secret: SECRET, volunteers, wishes: wishCount, round }));
  const ms = (x) => x.toFixed(0);
  const errors = (b, ok) => b.results.filter((x) => !ok(x)).length;
  console.log(
    `\nThe wall opens: ${volunteers} volunteers, each with a session, claim from ${wishCount} open wishes at once, ${(volunteers / wishCount).toFixed(0)} reaching for each (POST /api/wishes/claims), while ${volunteers} reads of the wall (GET /wishes) are in flight; before it ${volunteers} concurrent GET /api/ping and ${volunteers} GET /wishes alone. Two rounds; Postgres; next start\n`,
  );
  console.log("round | burst | wall ms | req/s | p50 ms | p99 ms | max ms | errors");
  for (const r of rounds) {
    console.log(
      `${r.round} | ${volunteers} × GET /api/ping | ${ms(r.ping.wallMs)} | ${ms(r.ping.rps)} | ${ms(r.ping.p50)} | ${ms(r.ping.p99)} | ${ms(r.ping.max)} | ${r.pingErrors}`,
    );
    console.log(
      `${r.round} | ${volunteers} × GET /wishes | ${ms(r.wall.wallMs)} | ${ms(r.wall.rps)} | ${ms(r.wall.p50)} | ${ms(r.wall.p99)} | ${ms(r.wall.max)} | ${errors(r.wall, (x) => x.status === 200)}`,
    );
    console.log(
      `${r.round} | ${volunteers} × POST /api/wishes/claims | ${ms(r.claims.wallMs)} | ${ms(r.claims.rps)} | ${ms(r.claims.p50)} | ${ms(r.claims.p99)} | ${ms(r.claims.max)} | ${errors(r.claims, (x) => x.status === 200 || x.status === 409)}`,
    );
    console.log(
      `${r.round} | ${volunteers} × GET /wishes during the claims | ${ms(r.wallDuring.wallMs)} | ${ms(r.wallDuring.rps)} | ${ms(r.wallDuring.p50)} | ${ms(r.wallDuring.p99)} | ${ms(r.wallDuring.max)} | ${errors(r.wallDuring, (x) => x.status === 200)}`,
    );
  }
  console.log(
    "\nround | claims/s ÷ ping req/s | claim p99 ÷ ping p99 | wall reads/s ÷ ping req/s | wall p99 ÷ ping p99",
  );
  for (const r of rounds)
    console.log(
      `${r.round} | ${(r.claims.rps / r.ping.rps).toFixed(2)} | ${(r.claims.p99 / r.ping.p99).toFixed(1)} | ${(r.wall.rps / r.ping.rps).toFixed(2)} | ${(r.wall.p99 / r.ping.p99).toFixed(1)}`,
    );
  console.log("");
  return verdicts(rounds);
}

let failed = new Set();
let ballotFailed = new Set();
let claimFailed = new Set();
const benchDb = postgres(url.toString(), { max: 4, onnotice: () => {} });
try {
  await waitReady();
  if (only.has("pages")) await pages();
  if (only.has("burst")) failed = await bursts();
  if (only.has("ballots")) ballotFailed = await ballots();
  if (only.has("claims")) claimFailed = await claims();
} finally {
  await benchDb.end();
  server.kill("SIGTERM");
  if (server.exitCode === null && server.signalCode === null) await new Promise((r) => server.once("exit", r));
  await admin.unsafe(`drop database if exists ${dbName} with (force)`).catch(() => {});
  await admin.end();
  if (pg) await pg.stop();
}
if (failed.size) {
  const what = [failed.has("count") && "wrong counts", failed.has("order") && "the waiting list out of arrival order"]
    .filter(Boolean)
    .join(" and ");
  console.error(`\nThe registration burst left ${what}: see the FAIL lines.`);
}
if (ballotFailed.size) console.error("\nThe ballot burst left wrong answers or counts: see the FAIL lines.");
if (claimFailed.size) console.error("\nThe claims left wrong answers or counts: see the FAIL lines.");
if (failed.size || ballotFailed.size || claimFailed.size) process.exit(1);
