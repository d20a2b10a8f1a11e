import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { installQueue } from "../../db/queue";
import type { Db } from "../../db/types";

/**
 * Builds one migrated database to copy for every test file: a PGlite data-dir dump, or a
 * Postgres template database when TEST_DATABASE_URL (or DATABASE_URL) names a server.
 */
export default async function setup(project: TestProject) {
  const adminUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (adminUrl) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    const template = `linli_tpl_${process.pid}`;
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${template}`);
    await admin.unsafe(`create database ${template}`);
    const tplUrl = withDatabase(adminUrl, template);
    const client = postgres(tplUrl, { max: 1, onnotice: () => {} });
    await migrate(drizzle(client), { migrationsFolder: "db/migrations" });
    await installQueue(drizzle(client) as unknown as Db);
    await client.end();
    project.provide("pgTemplate", template);
    return async () => {
      await admin.unsafe(`drop database if exists ${template} with (force)`);
      await admin.end();
    };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const pg = await PGlite.create();
  await migrate(drizzle(pg), { migrationsFolder: "db/migrations" });
  await installQueue(drizzle(pg) as unknown as Db);
  const dump = await pg.dumpDataDir("none");
  await pg.close();
  const file = path.join(os.tmpdir(), `linli-pglite-template-${process.pid}.tar`);
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("pgliteTemplate", file);
  return () => fs.rmSync(file, { force: true });
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

declare module "vitest" {
  export interface ProvidedContext {
    pgTemplate?: string;
    pgliteTemplate?: string;
  }
}
