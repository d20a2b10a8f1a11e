/** At server start: the session secret is settled and the database opened (migrations, demo seed). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { getAuthSecret } = await import("./lib/auth/secret");
  getAuthSecret();
  const { getHandle } = await import("./db");
  const { kind } = await getHandle();
  console.log(`[linli] Database ready (${kind}).`);
}
