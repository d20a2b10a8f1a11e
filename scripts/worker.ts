/**
 * Serves the job queue alone, without the web server: claims lapsing, reminders, text messages,
 * ballots mixed. Any number may run beside the app servers (each job runs once):
 *   DATABASE_URL=postgres://… npm run worker
 * Web servers started with LINLI_WORKER=off then leave the queue to these. On the embedded
 * database the app server serves the queue itself (its data directory is one process's).
 */
import { checkEnv, env } from "../env";
import { closeDb, getHandle } from "../db/index";
import { startJobWorker } from "../lib/worker/start";

checkEnv();
if (!env.DATABASE_URL) {
  console.error(
    "[linli] The worker runs beside the app servers on Postgres: set DATABASE_URL. On the embedded database `npm start` serves the queue itself.",
  );
  process.exit(2);
}
const { kind } = await getHandle();
console.log(`[linli] Database ready (${kind}).`);
const worker = await startJobWorker();
let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`[linli] ${signal}: finishing the jobs in hand, then stopping.`);
  await worker.stop();
  await closeDb();
  process.exit(0);
};
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));
