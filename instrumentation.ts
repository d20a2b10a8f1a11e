/** At server start: the environment is checked, the session secret settled and the database opened (migrations, demo seed). */
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
  const { getDb, getHandle, onFreshDatabase } = await import("./db");
  // The demo is loaded only for an empty database with LINLI_SEED=demo.
  onFreshDatabase(async (db) => (await import("./demo/seed")).seedFreshDatabase(db));
  const { kind } = await getHandle();
  console.log(`[linli] Database ready (${kind}).`);
  // Claims on micro-wishes lapse on time even when nobody opens a page (reads lapse them too).
  const { lapseClaims } = await import("./lib/wishes/service");
  const lapse = async () => {
    try {
      const n = await lapseClaims(await getDb());
      if (n) console.log(`[linli] ${n} wish claim(s) lapsed; the wishes are open again.`);
    } catch (e) {
      console.error("[linli] Lapsing wish claims failed:", e);
    }
  };
  void lapse();
  setInterval(lapse, 10 * 60_000).unref();
  // Once a vote closes its ballots are mixed away from their voters soon, even when nobody opens
  // the tally (reading the tally or the receipts, and publishing, mix first too).
  const { mixClosedBallots } = await import("./lib/stars/mix");
  const mix = async () => {
    try {
      const n = await mixClosedBallots(await getDb());
      if (n) console.log(`[linli] ${n} Neighbourhood Star ballot(s) mixed and counted.`);
    } catch (e) {
      console.error("[linli] Mixing Neighbourhood Star ballots failed:", e);
    }
  };
  void mix();
  setInterval(mix, 60_000).unref();
}
