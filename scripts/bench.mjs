#!/usr/bin/env node
// Measures the app as it is served: `next build` + `next start` on Postgres (DATABASE_URL, or a
// throwaway server on loopback), autocannon on loopback. Figures are ratios to the no-database
// route in the same run, because this machine is shared and noisy.
//   npm run bench [-- --seconds 10 --connections 20 --no-build]
import { spawn, spawnSync } from "node:child_process";
import autocannon from "autocannon";
import { startThrowawayPostgres } from "./postgres.mjs";

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const seconds = Number(arg("seconds", 10));
const connections = Number(arg("connections", 20));
const port = 3200;
const base = `http://127.0.0.1:${port}`;

const TARGETS = [
  { name: "no-database route (/api/ping)", path: "/api/ping" },
  { name: "programme page, zh-CN", path: "/festivals/meihu-15" },
  { name: "programme page, en", path: "/festivals/meihu-15", headers: { cookie: "NEXT_LOCALE=en" } },
  { name: "programme by venue", path: "/festivals/meihu-15/venues" },
  { name: "home page", path: "/" },
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
  env: { ...process.env, DATABASE_URL: url.toString(), NEXTAUTH_URL: base, NEXTAUTH_SECRET: "bench-only-secret-0123456789abcdef" },
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
    autocannon({ url: base + t.path, connections, duration: seconds, headers: t.headers ?? {} }, (err, r) => (err ? reject(err) : resolve(r))),
  );

try {
  await waitReady();
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
      rows.push({ round, name: t.name, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx });
    }
  }
  const ceiling = (round) => rows.find((r) => r.round === round && r.path === undefined && r.name.startsWith("no-database")).rps;
  console.log(`\n${connections} connections, ${seconds} s per target, two rounds; Postgres; next start\n`);
  console.log("round | target | req/s | p50 ms | p99 ms | errors | ratio to no-database route");
  for (const r of rows) {
    console.log(`${r.round} | ${r.name} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.errors} | ${(r.rps / ceiling(r.round)).toFixed(2)}`);
  }
} finally {
  server.kill("SIGTERM");
  await new Promise((r) => server.once("exit", r));
  await admin.unsafe(`drop database if exists ${dbName} with (force)`).catch(() => {});
  await admin.end();
  if (pg) await pg.stop();
}
