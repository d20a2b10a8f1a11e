import path from "node:path";
import { sql } from "drizzle-orm";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { installQueue } from "./queue";
import type { Db, DatabaseKind } from "./types";

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");

/**
 * Applies committed migrations with the driver's own migrator and installs the job queue, then runs `after` (the check
 * for an empty database to seed). On Postgres `db` must be a single connection: several app
 * servers may start at once, and the session advisory lock lets one of them migrate while the
 * others wait.
 */
export async function applyMigrations(db: Db, kind: DatabaseKind, after?: () => Promise<void>): Promise<void> {
  if (kind === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(db as unknown as PgliteDatabase<Record<string, never>>, { migrationsFolder });
    await installQueue(db);
    await after?.();
    return;
  }
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  await db.execute(sql`select pg_advisory_lock(727274)`);
  try {
    await migrate(db as unknown as PostgresJsDatabase<Record<string, never>>, { migrationsFolder });
    await installQueue(db);
    await after?.();
  } finally {
    await db.execute(sql`select pg_advisory_unlock(727274)`);
  }
}
