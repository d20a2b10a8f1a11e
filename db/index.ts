import path from "node:path";
import { count } from "drizzle-orm";
import { env } from "../env";
import * as schema from "./schema";
import { acquireDataDirLock } from "./lock";
import { applyMigrations } from "./migrate";
import type { Db, DatabaseKind } from "./types";

export type { Db, DbOrTx, Tx, DatabaseKind } from "./types";

interface Handle {
  db: Db;
  kind: DatabaseKind;
  close: () => Promise<void>;
}

/** Fills a database that has just been migrated and holds no accounts yet. */
export type Seeder = (db: Db) => Promise<void>;

// Next bundles instrumentation and routes separately; one handle per process, shared via globalThis.
const KEY = Symbol.for("linli.db");
const SEEDER = Symbol.for("linli.db.seeder");
type GlobalWithDb = typeof globalThis & { [KEY]?: Promise<Handle>; [SEEDER]?: Seeder };
const g = globalThis as GlobalWithDb;

/**
 * Names what fills an empty database when the handle is first opened (start-up registers the
 * demo community). The database layer knows nothing of what the seeder writes; without one,
 * opening only migrates. Register before the first `getDb()`.
 */
export function onFreshDatabase(seeder: Seeder): void {
  g[SEEDER] = seeder;
}

export function databaseKind(): DatabaseKind {
  return env.DATABASE_URL ? "postgres" : "pglite";
}

export function pgliteDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ env.PGLITE_DIR || path.join(process.cwd(), ".data", "pglite"));
}

async function open(): Promise<Handle> {
  if (env.NEXT_PHASE === "phase-production-build") {
    throw new Error("The database is not read while building: pages that read it must be dynamic.");
  }
  const url = env.DATABASE_URL;
  if (url) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    // Migrate and seed on one dedicated connection, so the advisory lock is held by it.
    const setup = postgres(url, { max: 1, onnotice: () => {} });
    try {
      const setupDb = drizzle(setup, { schema }) as unknown as Db;
      await applyMigrations(setupDb, "postgres", async () => seedIfEmpty(setupDb));
    } finally {
      await setup.end();
    }
    const client = postgres(url, { max: env.DATABASE_POOL_SIZE, onnotice: () => {} });
    return { db: drizzle(client, { schema }) as unknown as Db, kind: "postgres", close: () => client.end() };
  }
  const dir = pgliteDir();
  const release = acquireDataDirLock(dir);
  try {
    const { PGlite } = await import("@electric-sql/pglite");
    const { drizzle } = await import("drizzle-orm/pglite");
    const client = await PGlite.create(dir);
    const db = drizzle(client, { schema }) as unknown as Db;
    await applyMigrations(db, "pglite", async () => seedIfEmpty(db));
    return {
      db,
      kind: "pglite",
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}

/**
 * An empty database gets the registered seeder's data only with LINLI_SEED=demo; otherwise it
 * keeps just its schema, and the log says how to make the first admin.
 */
async function seedIfEmpty(db: Db) {
  const [{ n }] = await db.select({ n: count() }).from(schema.users);
  if (n > 0) return;
  const seeder = g[SEEDER];
  if (seeder && env.LINLI_SEED === "demo") return seeder(db);
  console.log(
    "[linli] The database holds no accounts yet. Create the first admin with\n" +
      "  npm run admin:create -- --phone 13812345678 --name 张丽\n" +
      "(ADMIN_PASSWORD to choose the password; else one is printed once). For the demo community: npm run demo.",
  );
}

/** The one database handle: PGlite by default, Postgres when DATABASE_URL is set. */
export async function getDb(): Promise<Db> {
  return (await getHandle()).db;
}

export function getHandle(): Promise<Handle> {
  if (!g[KEY]) {
    g[KEY] = open().catch((e) => {
      // A failed start must not stay cached: the next call tries again.
      g[KEY] = undefined;
      throw e;
    });
  }
  return g[KEY]!;
}

export async function closeDb(): Promise<void> {
  const handle = g[KEY];
  g[KEY] = undefined;
  if (handle) await (await handle).close();
}
