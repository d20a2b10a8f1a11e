import "server-only";
import PgBoss from "pg-boss";
import { eq } from "drizzle-orm";
import { jobKeys } from "@/db/schema";
import { clientQueueSql, queueOptions, queueSqlOf } from "@/db/queue";
import type { Db, DatabaseKind } from "@/db/types";
import { TIME_ZONE } from "@/lib/i18n/config";
import { QUEUE_NAMES, QUEUES, type QueueName } from "@/vocabulary/jobs";

/** What a handler knows of its run: the job, and whether a failure now is the last. */
export interface JobRun {
  id: string;
  queue: QueueName;
  retryCount: number;
  retryLimit: number;
  /** A failure of this run is final: no try follows. */
  lastTry: boolean;
}

/** Does a job's work; a throw fails the run, and the queue tries again later while tries remain. */
export type JobHandler = (db: Db, data: Record<string, unknown>, run: JobRun) => Promise<void>;
export type JobHandlers = Record<QueueName, JobHandler>;

type MetaJob = PgBoss.JobWithMetadata<Record<string, unknown>>;

async function runOne(db: Db, handlers: JobHandlers, queue: QueueName, job: MetaJob): Promise<void> {
  await handlers[queue](db, job.data ?? {}, {
    id: job.id,
    queue,
    retryCount: job.retryCount,
    retryLimit: job.retryLimit,
    lastTry: job.retryCount >= job.retryLimit,
  });
  // The thing it stood for has happened: nothing stands for its key any more.
  await db.delete(jobKeys).where(eq(jobKeys.jobId, job.id));
}

export interface WorkerOptions {
  db: Db;
  kind: DatabaseKind;
  /** The Postgres server (the queue's own small pool); absent on the embedded database. */
  databaseUrl?: string;
  poolSize?: number;
  handlers: JobHandlers;
  /** How often an idle queue looks for due jobs. */
  pollingIntervalSeconds?: number;
  /** Parallel runs per queue in this process. */
  concurrency?: number;
  /** Jobs taken per look: an idle queue looks every interval, so this bounds its rate. */
  batchSize?: number;
  /** How often runs that outlived their time (a server killed mid-job) are failed, to be retried. */
  maintenanceIntervalSeconds?: number;
  log?: (message: string) => void;
}

export interface RunningWorker {
  stop(): Promise<void>;
}

/**
 * Serves every queue: due jobs are taken with `FOR UPDATE SKIP LOCKED`, so any number of
 * processes may serve the same queues and each job runs once; a failed run is retried with
 * backoff; a run that outlives its time is taken as lost and retried. The scheduled queues run by
 * their cron, once per minute across all processes.
 */
export async function startWorker(o: WorkerOptions): Promise<RunningWorker> {
  const boss = new PgBoss({
    ...queueOptions,
    ...(o.kind === "postgres" && o.databaseUrl
      ? { connectionString: o.databaseUrl, max: o.poolSize ?? 4, application_name: "linli-worker" }
      : { db: clientQueueSql(o.db) }),
    maintenanceIntervalSeconds: o.maintenanceIntervalSeconds ?? 60,
  });
  const log = o.log ?? ((m: string) => console.log(`[linli] ${m}`));
  boss.on("error", (e) => console.error("[linli] Job queue:", e));
  await boss.start();
  const polling = o.pollingIntervalSeconds ?? 2;
  for (const queue of QUEUE_NAMES) {
    for (let i = 0; i < (o.concurrency ?? 1); i++) {
      await boss.work<Record<string, unknown>>(
        queue,
        { pollingIntervalSeconds: polling, batchSize: o.batchSize ?? 20, includeMetadata: true },
        async (jobs) => {
          // One by one: a failure fails that job alone (the rest of the batch completes).
          for (const job of jobs) {
            try {
              await runOne(o.db, o.handlers, queue, job);
            } catch (e) {
              const message = e instanceof Error ? e.message : String(e);
              console.error(`[linli] Job ${queue} ${job.id} failed (try ${job.retryCount + 1}): ${message}`);
              await boss.fail(queue, job.id, { message });
            }
          }
        },
      );
    }
    const cron = (QUEUES[queue] as { cron?: string }).cron;
    if (cron) await boss.schedule(queue, cron, {}, { tz: TIME_ZONE });
  }
  log(`Job queue serving ${QUEUE_NAMES.length} queues.`);
  return { stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }) };
}

// The same work, one pass, without polling: the tests (and a one-off run) take what is due now.
const passer = new PgBoss({
  ...queueOptions,
  db: { executeSql: () => Promise.reject(new Error("Each pass names its database handle.")) },
});

export interface PassResult {
  ran: number;
  failed: number;
  /** Why each failed run failed, in order. */
  errors: string[];
}

/**
 * Takes the due jobs of the given queues (all by default), up to `limit` per queue, runs each and
 * records its outcome, as the worker would. Any number of passes may run at once.
 */
export async function runDueJobs(
  db: Db,
  handlers: JobHandlers,
  options: { queues?: QueueName[]; limit?: number } = {},
): Promise<PassResult> {
  const result: PassResult = { ran: 0, failed: 0, errors: [] };
  const via = { db: queueSqlOf(db) };
  for (const queue of options.queues ?? QUEUE_NAMES) {
    const jobs = (await passer.fetch<Record<string, unknown>>(queue, {
      ...via,
      batchSize: options.limit ?? 100,
      includeMetadata: true,
    })) as MetaJob[];
    for (const job of jobs) {
      try {
        await runOne(db, handlers, queue, job);
        await passer.complete(queue, job.id, {}, via);
        result.ran++;
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        await passer.fail(queue, job.id, { message }, via);
        result.failed++;
        result.errors.push(`${queue}: ${message}`);
      }
    }
  }
  return result;
}
