import fs from "node:fs";
import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import * as schema from "@/db/schema";
import type { Db } from "@/db/types";

export interface TestDb {
  db: Db;
  kind: "pglite" | "postgres";
  /** A second, independent pool on the same database (Postgres only), for racing. */
  url?: string;
  close: () => Promise<void>;
}

/** A fresh migrated database for one test file, copied from the template built in global setup. */
export async function createTestDb(opts: { poolSize?: number } = {}): Promise<TestDb> {
  const adminUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  const template = inject("pgTemplate");
  if (adminUrl && template) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const name = `linli_t_${randomBytes(6).toString("hex")}`;
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name} template ${template}`);
    const u = new URL(adminUrl);
    u.pathname = `/${name}`;
    const client = postgres(u.toString(), { max: opts.poolSize ?? 4, onnotice: () => {} });
    return {
      db: drizzle(client, { schema }) as unknown as Db,
      kind: "postgres",
      url: u.toString(),
      close: async () => {
        await client.end();
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  }
  const file = inject("pgliteTemplate");
  if (!file) throw new Error("No test database template: run the tests through vitest with its global setup.");
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const pg = await PGlite.create({ loadDataDir: new Blob([fs.readFileSync(file)]) });
  return { db: drizzle(pg, { schema }) as unknown as Db, kind: "pglite", close: () => pg.close() };
}
