/** Applies migrations (and fills an empty database with the demo) without starting the app. */
import { closeDb, getHandle } from "../db/index";

try {
  const { kind } = await getHandle();
  console.log(`Migrations applied (${kind}).`);
  await closeDb();
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
