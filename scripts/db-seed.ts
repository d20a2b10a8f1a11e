/** Resets the database to the demo community. Stop the app first when it runs on PGlite. */
import { closeDb, getHandle } from "../db/index";
import { seedDemo } from "../db/seed";

process.env.LINLI_SEED = "off"; // migrate only; the reset below seeds
try {
  const { db, kind } = await getHandle();
  await seedDemo(db);
  console.log(`The ${kind} database now holds the demo community.`);
  await closeDb();
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
