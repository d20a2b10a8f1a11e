#!/usr/bin/env node
// Builds and serves Linli with the demo community. Without DATABASE_URL the data lives in
// embedded Postgres (PGlite) under .data/pglite and an empty database gets the demo community.
import { spawn, spawnSync } from "node:child_process";

const port = process.env.PORT || "3000";
// The demo community is asked for here: a plain `npm start` leaves an empty database empty.
const env = {
  ...process.env,
  LINLI_SEED: "demo",
  NEXTAUTH_URL: process.env.NEXTAUTH_URL || `http://localhost:${port}`,
};
const next = "node_modules/next/dist/bin/next";

const build = spawnSync(process.execPath, [next, "build"], { stdio: "inherit", env });
if (build.status !== 0) process.exit(build.status ?? 1);
const server = spawn(process.execPath, [next, "start", "-p", port], { stdio: "inherit", env });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.kill(sig));
server.on("exit", (code) => process.exit(code ?? 0));
