/** Resets the database to the demo community. Stop the app first when it runs on PGlite. */
import { checkEnv } from "../env";
import { closeDb, getHandle } from "../db/index";
import { seedDemo } from "../demo/seed";

// No seeder is registered with the handle: opening it only migrates, and the reset below seeds.
try {
  checkEnv();
  const { db, kind } = await getHandle();
  await seedDemo(db);
  console.log(`The ${kind} database now holds the demo community.`);
  await closeDb();
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
