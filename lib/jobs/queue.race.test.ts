import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDb, type TestDb } from "@/tests/support/db";
import type { Db } from "@/db/types";
import { QUEUE_NAMES, type QueueName } from "@/vocabulary/jobs";
import { sendJob } from "./queue";
import { startWorker, type JobHandlers } from "./worker";

// Two workers, each with its own connections to one Postgres, serve the same queue: every due job
// runs exactly once. The control takes jobs the naive way (select, then mark taken) and runs some
// twice.

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb({ poolSize: 20 });
  await t.db.execute(sql`create table job_runs (n int not null, worker text not null)`);
});
afterAll(async () => t?.close());

const rowsOf = <T>(r: unknown) => (Array.isArray(r) ? r : (r as { rows: T[] }).rows) as T[];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Every queue records the run of a job that carries a number, as a slow handler would. */
function recording(worker: string): JobHandlers {
  const record = async (db: Db, data: Record<string, unknown>) => {
    if (typeof data.n !== "number") return;
    await sleep(2);
    await db.execute(sql`insert into job_runs (n, worker) values (${data.n}, ${worker})`);
  };
  return Object.fromEntries(QUEUE_NAMES.map((q) => [q, record])) as unknown as JobHandlers;
}

async function runs(from: number, to: number) {
  return rowsOf<{ n: number; times: number }>(
    await t.db.execute(
      sql`select n, count(*)::int as times from job_runs where n >= ${from} and n < ${to} group by n order by n`,
    ),
  );
}

async function sendMany(queue: QueueName, from: number, count: number) {
  for (let i = 0; i < count; i++) await sendJob(t.db, queue, { n: from + i });
}

describe("a job runs once however many workers serve its queue", () => {
  it("200 due jobs, two workers with their own connections → each job runs exactly once", async () => {
    await sendMany("wishes.claim-reminder", 0, 200);
    const workers = await Promise.all(
      ["a", "b"].map((name) =>
        startWorker({
          db: t.db,
          kind: "postgres",
          databaseUrl: t.url,
          poolSize: 4,
          handlers: recording(name),
          pollingIntervalSeconds: 0.5,
          concurrency: 2,
          batchSize: 5,
          log: () => {},
        }),
      ),
    );
    try {
      const deadline = Date.now() + 60_000;
      while ((await runs(0, 200)).length < 200 && Date.now() < deadline) await sleep(200);
      // A moment more, in case any job were about to run a second time.
      await sleep(1500);
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
    }
    const done = await runs(0, 200);
    expect(done).toHaveLength(200);
    expect(done.filter((r) => r.times !== 1)).toEqual([]);
    const byWorker = rowsOf<{ worker: string; k: number }>(
      await t.db.execute(sql`select worker, count(*)::int as k from job_runs where n < 200 group by worker`),
    );
    // Both took part: the test is about sharing, not one worker doing it all.
    expect(byWorker).toHaveLength(2);
  }, 90_000);

  it("control: two workers that select due jobs and then mark them taken run some twice", async () => {
    await sendMany("wishes.claim-lapse", 1000, 200);
    const naive = async (worker: string) => {
      for (;;) {
        const due = rowsOf<{ id: string; data: { n: number } }>(
          await t.db.execute(
            sql`select id, data from pgboss.job where name = 'wishes.claim-lapse' and state = 'created' order by created_on limit 5`,
          ),
        );
        if (!due.length) return;
        await sleep(3);
        await t.db.execute(
          sql`update pgboss.job set state = 'active' where name = 'wishes.claim-lapse' and id in (${sql.join(
            due.map((d) => sql`${d.id}::uuid`),
            sql`, `,
          )})`,
        );
        for (const d of due) await recording(worker)["wishes.claim-lapse"](t.db, d.data, {} as never);
      }
    };
    await Promise.all([naive("a"), naive("b")]);
    const done = await runs(1000, 1200);
    expect(done).toHaveLength(200);
    expect(done.filter((r) => r.times > 1).length).toBeGreaterThan(0);
  }, 90_000);
});
