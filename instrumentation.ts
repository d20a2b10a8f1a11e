/**
 * At server start: the environment is checked, the session secret settled, the database opened
 * (migrations, the job queue, demo seed) and the queue's worker started.
 */
export async function register() {
  // Next replaces NEXT_RUNTIME in each runtime's bundle, so the rest never reaches another runtime.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { checkEnv, env } = await import("./env");
  if (env.NEXT_PHASE === "phase-production-build") return;
  // Every bad value is named here, before the first request (this also refuses the test suite's
  // low password cost in a server).
  checkEnv();
  // Route handlers and server actions see headers only: the socket's address is written into one.
  const { stampPeerAddress } = await import("./lib/auth/peer-address");
  stampPeerAddress();
  const { getAuthSecret } = await import("./lib/auth/secret");
  getAuthSecret();
  const { getHandle, onFreshDatabase } = await import("./db");
  // The demo is loaded only for an empty database with LINLI_SEED=demo.
  onFreshDatabase(async (db) => (await import("./demo/seed")).seedFreshDatabase(db));
  const { kind } = await getHandle();
  console.log(`[linli] Database ready (${kind}).`);
  // Work that happens at a time (claims lapsing, reminders, text messages, ballots mixed) runs on
  // the job queue in the database; every app server serves it unless LINLI_WORKER=off leaves it to
  // `npm run worker` (Postgres only: the embedded database is this process's alone). No timer of
  // its own runs here.
  if (kind === "pglite" || env.LINLI_WORKER === "on") {
    const { startJobWorker } = await import("./lib/worker/start");
    await startJobWorker();
  }
}
