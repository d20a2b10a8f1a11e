/** Applies migrations (and fills an empty database with the demo) without starting the app. */
import { checkEnv } from "../env";
import { closeDb, getHandle, onFreshDatabase } from "../db/index";
import { seedFreshDatabase } from "../demo/seed";

onFreshDatabase(seedFreshDatabase);

try {
  checkEnv();
  const { kind } = await getHandle();
  console.log(`Migrations applied (${kind}).`);
  await closeDb();
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
