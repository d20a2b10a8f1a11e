/** Opens the database at server start: migrations run and an empty database gets the demo. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { getHandle } = await import("./db");
  const { kind } = await getHandle();
  console.log(`[linli] Database ready (${kind}).`);
}
