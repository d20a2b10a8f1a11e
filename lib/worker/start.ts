import "server-only";
import { getDb, getHandle } from "@/db";
import { env } from "@/env";
import { startWorker, type RunningWorker } from "@/lib/jobs/worker";
import { jobHandlers } from "./handlers";

// One worker per process: the app server starts it (unless LINLI_WORKER=off), and `npm run worker`
// runs it alone. Next loads instrumentation and routes as separate bundles; the handle is shared.
const KEY = Symbol.for("linli.worker");
const g = globalThis as typeof globalThis & { [KEY]?: Promise<RunningWorker> };

export function startJobWorker(): Promise<RunningWorker> {
  if (!g[KEY]) {
    g[KEY] = (async () => {
      const { kind } = await getHandle();
      return startWorker({
        db: await getDb(),
        kind,
        databaseUrl: env.DATABASE_URL,
        poolSize: env.JOBS_POOL_SIZE,
        maintenanceIntervalSeconds: env.JOBS_MAINTENANCE_SECONDS,
        handlers: jobHandlers,
      });
    })().catch((e) => {
      g[KEY] = undefined;
      throw e;
    });
  }
  return g[KEY]!;
}
