import fs from "node:fs";
import path from "node:path";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * PGlite is one process, one connection: two processes on one data directory silently lose
 * writes. A pid file beside the directory makes the second one fail fast instead.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  const lockFile = `${path.resolve(dataDir)}.pid`;
  fs.mkdirSync(path.dirname(lockFile), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: "wx" });
      const release = () => {
        try {
          if (fs.readFileSync(lockFile, "utf8").trim() === String(process.pid)) fs.unlinkSync(lockFile);
        } catch {
          /* already gone */
        }
      };
      process.once("exit", release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const holder = Number.parseInt(fs.readFileSync(lockFile, "utf8").trim(), 10);
      if (holder === process.pid) return () => {};
      if (Number.isFinite(holder) && alive(holder)) {
        throw new Error(
          `The embedded database at ${dataDir} is in use by pid ${holder}. ` +
            `Stop that process, or set DATABASE_URL to use a Postgres server.`,
        );
      }
      // A stale lock left by a process that died: take it over.
      fs.rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`Could not lock the embedded database at ${dataDir}.`);
}
