import PgBoss from "pg-boss";
import { sql, type SQL } from "drizzle-orm";
import { QUEUE_NAMES, QUEUE_SCHEMA, QUEUES } from "../vocabulary/jobs";
import type { DbOrTx, Db } from "./types";

// The job queue (pg-boss) keeps its tables in the same database, in a schema of its own. Jobs are
// sent through whatever handle the caller holds, so a job sent inside a transaction exists exactly
// when that transaction commits.

/** What pg-boss needs of a connection: run one SQL text with positional ($1…) values. */
export interface QueueSql {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[]; rowCount?: number }>;
}

type RowsLike = unknown[] | { rows: unknown[]; rowCount?: number | null; affectedRows?: number };

function rowsOf(result: RowsLike): { rows: unknown[]; rowCount: number } {
  if (Array.isArray(result)) {
    // postgres.js: one statement gives its rows; several give a list of row lists.
    const last = result.length && Array.isArray(result[result.length - 1]) ? (result.at(-1) as unknown[]) : result;
    const count = (result as unknown as { count?: number }).count;
    return { rows: [...last], rowCount: count ?? last.length };
  }
  return { rows: result.rows, rowCount: result.rowCount ?? result.affectedRows ?? result.rows.length };
}

/**
 * A parameter as Postgres should receive it, as node-postgres (pg-boss's own driver) would send
 * it: plain objects as JSON text (jsonb), lists as array literals (`uuid[]` of ids).
 */
function param(v: unknown): unknown {
  if (v === undefined) return null;
  if (Array.isArray(v))
    return `{${v.map((e) => (e === null ? "NULL" : `"${String(e).replace(/(["\\])/g, "\\$1")}"`)).join(",")}}`;
  if (v !== null && typeof v === "object" && !(v instanceof Date)) return JSON.stringify(v);
  return v;
}

/** pg-boss's "$1 … $n" text as a Drizzle query, the values bound as parameters. */
export function boundSql(text: string, values: readonly unknown[] = []): SQL {
  const parts = text.split(/\$(\d+)/);
  const chunks: SQL[] = [];
  parts.forEach((part, i) => chunks.push(i % 2 === 0 ? sql.raw(part) : sql`${param(values[Number(part) - 1])}`));
  return sql.join(chunks, sql.raw(""));
}

/** One statement at a time through a Drizzle handle or transaction (sending and cancelling jobs). */
export function queueSqlOf(db: DbOrTx): QueueSql {
  return { executeSql: async (text, values) => rowsOf((await db.execute(boundSql(text, values))) as RowsLike) };
}

interface RawClient {
  /** PGlite: several statements without values. */
  exec?: (text: string) => Promise<{ rows: unknown[] }[]>;
  query?: (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }>;
  /** postgres.js: one or several statements (several only on a single connection). */
  unsafe?: (text: string, values?: unknown[]) => Promise<unknown[]>;
}

/**
 * The whole of pg-boss's needs (its schema's migrations are several statements in one text) on the
 * handle's own client: the embedded database's one connection, or a single Postgres connection.
 */
export function clientQueueSql(db: Db): QueueSql {
  const client = (db as unknown as { $client: RawClient }).$client;
  return {
    async executeSql(text, values) {
      const bound = (values ?? []).map(param);
      if (client.unsafe) return rowsOf((await client.unsafe(text, bound.length ? bound : undefined)) as RowsLike);
      if (!bound.length && client.exec) {
        const results = await client.exec(text);
        return rowsOf(results.at(-1) ?? { rows: [] });
      }
      return rowsOf(await client.query!(text, bound));
    },
  };
}

export const queueOptions = {
  schema: QUEUE_SCHEMA,
  // Finished jobs are kept a week for the delivery log's retries, then removed.
  archiveCompletedAfterSeconds: 60 * 60 * 24 * 7,
} as const;

/**
 * Creates or updates the queue's schema and every queue with its retry policy. Runs at start-up
 * after the migrations (several servers at once wait on pg-boss's own advisory lock).
 */
export async function installQueue(db: Db): Promise<void> {
  const boss = new PgBoss({ ...queueOptions, db: clientQueueSql(db), supervise: false, schedule: false });
  await boss.start();
  try {
    for (const name of QUEUE_NAMES) {
      const p = QUEUES[name];
      const options = {
        name,
        policy: "standard" as const,
        retryLimit: p.retryLimit,
        retryDelay: p.retryDelay,
        retryBackoff: true,
        expireInSeconds: p.expireInSeconds,
        retentionMinutes: 60 * 24 * 30,
      };
      if (await boss.getQueue(name)) await boss.updateQueue(name, options);
      else await boss.createQueue(name, options);
    }
  } finally {
    await boss.stop({ graceful: false, close: false, wait: true });
  }
}
