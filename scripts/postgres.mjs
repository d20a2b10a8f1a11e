// A throwaway Postgres server on loopback for the test suites: a temporary data directory,
// a spare port, fsync off (fine for tests, never for figures you quote). Removed on stop.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

function binDir() {
  const root = "/usr/lib/postgresql";
  if (fs.existsSync(root)) {
    const versions = fs
      .readdirSync(root)
      .filter((v) => fs.existsSync(path.join(root, v, "bin", "initdb")))
      .sort((a, b) => Number(b) - Number(a));
    if (versions.length) return path.join(root, versions[0], "bin");
  }
  try {
    return execFileSync("pg_config", ["--bindir"], { encoding: "utf8" }).trim();
  } catch {
    throw new Error(
      "Postgres is not installed: run `apt-get install -y postgresql` (or set DATABASE_URL to a server).",
    );
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function canConnect(port) {
  return new Promise((resolve) => {
    const s = net.connect(port, "127.0.0.1");
    s.once("connect", () => (s.destroy(), resolve(true)));
    s.once("error", () => resolve(false));
  });
}

export async function startThrowawayPostgres() {
  const bin = binDir();
  const asRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "linli-pg-"));
  // initdb and postgres refuse to run as root: run them as the postgres user.
  const wrap = (cmd, args) => (asRoot ? ["runuser", ["-u", "postgres", "--", cmd, ...args]] : [cmd, args]);
  if (asRoot) execFileSync("chown", ["postgres:postgres", dir]);
  const [initCmd, initArgs] = wrap(path.join(bin, "initdb"), [
    "-D",
    dir,
    "-U",
    "postgres",
    "--auth=trust",
    "-E",
    "UTF8",
    "--no-locale",
  ]);
  execFileSync(initCmd, initArgs, { stdio: "ignore" });
  const port = await freePort();
  const [cmd, args] = wrap(path.join(bin, "postgres"), [
    "-D",
    dir,
    "-p",
    String(port),
    "-k",
    dir,
    "-c",
    "listen_addresses=127.0.0.1",
    "-c",
    "fsync=off",
    "-c",
    "synchronous_commit=off",
    "-c",
    "full_page_writes=off",
    "-c",
    "max_connections=300",
  ]);
  const child = spawn(cmd, args, { stdio: ["ignore", "ignore", "pipe"], detached: false });
  let log = "";
  child.stderr.on("data", (d) => (log += d));
  const started = Date.now();
  while (!(await canConnect(port))) {
    if (child.exitCode !== null || Date.now() - started > 30_000) throw new Error(`Postgres did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  // Accepting TCP is not yet accepting queries: give it a moment past the start-up.
  await new Promise((r) => setTimeout(r, 300));
  const stop = async () => {
    if (child.exitCode === null) {
      // Signal the postmaster itself (runuser does not pass every signal on): a fast shutdown.
      try {
        const pid = Number(fs.readFileSync(path.join(dir, "postmaster.pid"), "utf8").split("\n")[0]);
        process.kill(pid, "SIGINT");
      } catch {
        child.kill("SIGTERM");
      }
      await new Promise((r) => (child.exitCode !== null ? r() : child.once("exit", r)));
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop };
}
