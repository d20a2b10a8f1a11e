import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import postgres from "postgres";
import { sql } from "drizzle-orm";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { makeUser } from "@/tests/support/fixtures";
import { notify } from "./notify";

// The worker process (`npm run worker`) is killed with SIGKILL while 100 text messages go out, at
// the worst moment: one message has reached the provider (the outbox) but its delivery is not yet
// recorded as sent. A second worker started afterwards sends every message, and each reaches its
// recipient exactly once.

const root = fileURLToPath(new URL("../..", import.meta.url));
const N = 100;

let t: TestDb;
const children: ChildProcess[] = [];
beforeAll(async () => {
  // The messages are written here and sent by the worker: neither holds them for the night.
  vi.stubEnv("SMS_QUIET_HOURS", "off");
  t = await createTestDb({ poolSize: 8 });
});
afterAll(async () => {
  vi.unstubAllEnvs();
  for (const c of children) if (c.exitCode === null && c.signalCode === null) killGroup(c, "SIGKILL");
  await t?.close();
});

const rowsOf = <T>(r: unknown) => (Array.isArray(r) ? r : (r as { rows: T[] }).rows) as T[];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The worker's environment: a server's, not the test suite's (env.ts refuses the suite's cost). */
function workerEnv(url: string): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(e)) if (key.startsWith("VITEST") || key === "NODE_ENV") delete e[key];
  delete e.LINLI_TEST_SCRYPT_N;
  delete e.TEST_DATABASE_URL;
  return {
    ...e,
    DATABASE_URL: url,
    NEXTAUTH_SECRET: "fault-test-secret-0123456789abcdefghijklmnop",
    SMS_PROVIDER: "",
    SMS_QUIET_HOURS: "off",
    SMS_PER_PERSON_PER_DAY: "50",
    JOBS_MAINTENANCE_SECONDS: "1",
  };
}

interface Worker {
  child: ChildProcess;
  log: string[];
  exited: Promise<void>;
}

/** `npm run worker`, in a process group of its own: tsx runs the script in a child node process. */
function startWorkerProcess(url: string): Worker {
  const child = spawn(`${root}/node_modules/.bin/tsx`, ["--conditions=react-server", "scripts/worker.ts"], {
    cwd: root,
    env: workerEnv(url),
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  const log: string[] = [];
  child.stdout!.on("data", (b: Buffer) => log.push(b.toString()));
  child.stderr!.on("data", (b: Buffer) => log.push(b.toString()));
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  return { child, log, exited };
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // The group is gone already.
  }
}

/** Whether any process of the group (tsx or the node running the script) is still alive. */
function groupAlive(child: ChildProcess): boolean {
  try {
    process.kill(-child.pid!, 0);
    return true;
  } catch {
    return false;
  }
}

async function statusCounts(ids: string[]): Promise<Record<string, number>> {
  const rows = rowsOf<{ status: string; n: number }>(
    await t.db.execute(
      sql`select status, count(*)::int as n from deliveries where id in (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )}) group by status`,
    ),
  );
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

async function outboxCount(ids: string[]): Promise<number> {
  return rowsOf<{ n: number }>(
    await t.db.execute(
      sql`select count(*)::int as n from outbox_messages where delivery_id in (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
    ),
  )[0].n;
}

describe("text messages survive the worker being killed mid-send", () => {
  it("SIGKILL while 100 messages go out → after a restart each is sent exactly once", async () => {
    const users = [];
    const ids: string[] = [];
    for (let i = 0; i < N; i++) {
      const u = await makeUser(t.db);
      users.push(u);
      const { deliveryId } = await notify(t.db, {
        userId: u.id,
        kind: "wish.lapsed",
        sms: { topic: "claims", template: "claim_lapsed", params: { title: `收音机 ${i}` } },
      });
      ids.push(deliveryId!);
    }
    expect(await statusCounts(ids)).toEqual({ queued: N });

    const first = startWorkerProcess(t.url!);
    // The moment to kill: once a third of the messages are out, a delivery marked `sending` whose
    // message is in the outbox. Locking its row holds the worker just before it records `sent`, so
    // the kill lands there every time, with some messages sent, a batch in hand and more waiting.
    const watcher = postgres(t.url!, { max: 1, onnotice: () => {} });
    let caught: string | undefined;
    let atKill: { outbox: number; statuses: Record<string, number> } | undefined;
    try {
      await watcher.begin(async (tx) => {
        const deadline = Date.now() + 60_000;
        while (!caught && Date.now() < deadline && first.child.exitCode === null) {
          const [row] = await tx<{ id: string }[]>`
            select d.id from deliveries d join outbox_messages o on o.delivery_id = d.id
            where d.status = 'sending' and (select count(*) from outbox_messages) >= ${Math.ceil(N / 3)}
            for update of d skip locked limit 1`;
          if (row) caught = row.id;
          else if ((await outboxCount(ids)) >= N) break;
        }
        if (!caught) return;
        killGroup(first.child, "SIGKILL");
        await first.exited;
        for (let i = 0; i < 100 && groupAlive(first.child); i++) await sleep(50);
        expect(groupAlive(first.child), "the node process running the worker died with tsx").toBe(false);
        // A killed process's connection waiting on a lock lives on in Postgres until the lock is
        // released, and would then record the send: a crashed server's connections die with it.
        await tx`select pg_terminate_backend(pid) from pg_stat_activity
                 where pg_backend_pid() = any(pg_blocking_pids(pid))`;
        atKill = { outbox: await outboxCount(ids), statuses: await statusCounts(ids) };
      });
    } finally {
      await watcher.end();
    }
    if (!caught) killGroup(first.child, "SIGKILL");
    expect(caught, `the kill found no send in progress; worker log:\n${first.log.join("")}`).toBeDefined();

    // The fault happened mid-way: work is left undone, the caught message sent but not recorded.
    const sentAtKill = atKill!.statuses.sent ?? 0;
    expect(sentAtKill).toBeGreaterThan(0);
    expect(sentAtKill).toBeLessThan(N);
    expect(atKill!.statuses.queued).toBeGreaterThan(0);
    expect(atKill!.statuses.sending).toBeGreaterThanOrEqual(1);
    expect(atKill!.outbox).toBe(sentAtKill + atKill!.statuses.sending);
    const [caughtRow] = rowsOf<{ status: string }>(
      await t.db.execute(sql`select status from deliveries where id = ${caught}::uuid`),
    );
    expect(caughtRow.status).toBe("sending");
    console.info(`[fault] at the kill: ${atKill!.outbox} in the outbox, statuses ${JSON.stringify(atKill!.statuses)}`);

    const started = Date.now();
    const second = startWorkerProcess(t.url!);
    try {
      // The killed run's jobs are retried once their time is out (30 s) and their backoff has passed.
      const deadline = Date.now() + 120_000;
      let statuses = await statusCounts(ids);
      while ((statuses.sent ?? 0) < N && !statuses.failed && Date.now() < deadline && second.child.exitCode === null) {
        await sleep(500);
        statuses = await statusCounts(ids);
      }
      console.info(`[fault] after the restart: ${JSON.stringify(statuses)} in ${Date.now() - started} ms`);
      expect(statuses, `worker log:\n${second.log.join("")}`).toEqual({ sent: N });
    } finally {
      second.child.kill("SIGTERM");
      const stopped = await Promise.race([second.exited.then(() => true), sleep(20_000).then(() => false)]);
      if (!stopped) killGroup(second.child, "SIGKILL");
      expect(stopped, "the worker stops on SIGTERM").toBe(true);
    }

    const idList = sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    );
    expect(await outboxCount(ids)).toBe(N);
    const twice = rowsOf(
      await t.db.execute(
        sql`select delivery_id from outbox_messages where delivery_id in (${idList}) group by delivery_id having count(*) > 1`,
      ),
    );
    expect(twice).toEqual([]);
    // Each person got their own message, and the delivery log names the one outbox row it became.
    const mismatched = rowsOf(
      await t.db.execute(sql`
        select d.id from deliveries d
        join users u on u.id = d.user_id
        join outbox_messages o on o.delivery_id = d.id
        where d.id in (${idList})
          and (o.recipient <> u.phone or d.recipient <> u.phone or d.provider_message_id <> o.id::text)`),
    );
    expect(mismatched).toEqual([]);
    // The caught message went to the provider twice (before and after the kill) and was kept once.
    const [again] = rowsOf<{ attempts: number }>(
      await t.db.execute(sql`select attempts from deliveries where id = ${caught}::uuid`),
    );
    expect(again.attempts).toBe(2);
  }, 180_000);
});
