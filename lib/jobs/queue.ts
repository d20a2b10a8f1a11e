import "server-only";
import PgBoss from "pg-boss";
import { eq, like } from "drizzle-orm";
import { jobKeys } from "@/db/schema";
import { queueOptions, queueSqlOf } from "@/db/queue";
import type { DbOrTx } from "@/db/types";
import type { QueueName } from "@/vocabulary/jobs";

// Sending, moving and cancelling jobs. Every call goes through the caller's handle: inside a
// transaction the job is sent (or cancelled) if and only if the transaction commits, so a claim and
// its reminder, or a notification and its text message, never exist one without the other.

// Sends need no connection of their own and no running worker: each call names its handle.
const sender = new PgBoss({
  ...queueOptions,
  db: {
    executeSql: () => Promise.reject(new Error("A job is always sent through the caller's database handle.")),
  },
});

export interface SendOptions {
  /** Not before this instant (now when absent or past). */
  startAfter?: Date;
}

/** Sends one job; its id. */
export async function sendJob(
  db: DbOrTx,
  queue: QueueName,
  data: Record<string, unknown>,
  options: SendOptions = {},
): Promise<string> {
  const startAfter = options.startAfter && options.startAfter.getTime() > Date.now() ? options.startAfter : undefined;
  const id = await sender.send(queue, data, { db: queueSqlOf(db), ...(startAfter ? { startAfter } : {}) });
  if (!id) throw new Error(`The queue ${queue} does not exist: the database was not set up by this version.`);
  return id;
}

/**
 * The job standing for `key` runs at `runAt` with `data`: a job already standing for the key is
 * cancelled first (a moved time), so there is never more than one.
 */
export async function scheduleJob(
  db: DbOrTx,
  queue: QueueName,
  key: string,
  data: Record<string, unknown>,
  runAt: Date,
): Promise<string> {
  await cancelJob(db, key);
  const jobId = await sendJob(db, queue, data, { startAfter: runAt });
  await db.insert(jobKeys).values({ key, queue, jobId, runAt });
  return jobId;
}

/** Cancels the job standing for `key`, if it has not run; true when there was one. */
export async function cancelJob(db: DbOrTx, key: string): Promise<boolean> {
  const [row] = await db.delete(jobKeys).where(eq(jobKeys.key, key)).returning();
  if (!row) return false;
  await sender.cancel(row.queue, row.jobId, { db: queueSqlOf(db) });
  return true;
}

/** Cancels every job whose key begins with `prefix` (all the moments of a thing taken away). */
export async function cancelJobsByPrefix(db: DbOrTx, prefix: string): Promise<number> {
  const rows = await db
    .delete(jobKeys)
    .where(like(jobKeys.key, `${prefix.replace(/[\\%_]/g, "\\$&")}%`))
    .returning();
  for (const row of rows) await sender.cancel(row.queue, row.jobId, { db: queueSqlOf(db) });
  return rows.length;
}

/** When the job standing for `key` is due, or null when none stands. */
export async function scheduledAt(db: DbOrTx, key: string): Promise<Date | null> {
  const [row] = await db.select({ runAt: jobKeys.runAt }).from(jobKeys).where(eq(jobKeys.key, key));
  return row?.runAt ?? null;
}
