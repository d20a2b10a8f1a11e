/**
 * Creates an admin account on the configured database, asking nothing:
 *   npm run admin:create -- --phone 13812345678 --name 张丽
 * The password is ADMIN_PASSWORD when set (the sign-up form's rules apply), else one is generated
 * and printed once. Stop the app first when it runs on PGlite: the data directory is locked.
 */
import { parseArgs } from "node:util";
import { checkEnv } from "../env";
import { closeDb, getHandle } from "../db/index";
import { createAdmin } from "../lib/accounts/first-admin";

const { values } = parseArgs({
  options: { phone: { type: "string" }, name: { type: "string" } },
  allowPositionals: false,
});
const phone = values.phone ?? process.env.ADMIN_PHONE;
const name = values.name ?? process.env.ADMIN_NAME;
if (!phone || !name) {
  console.error(
    "Usage: npm run admin:create -- --phone 13812345678 --name 张丽   (ADMIN_PASSWORD to choose the password)",
  );
  process.exit(2);
}

let code = 0;
try {
  checkEnv();
  const { db, kind } = await getHandle();
  const result = await createAdmin(db, { phone, name, password: process.env.ADMIN_PASSWORD || undefined });
  if (result.ok) {
    console.log(`Admin ${name} (${phone}) created on the ${kind} database.`);
    if (result.data.generated)
      console.log(
        `One-time password: ${result.data.password}\nSign in with it and change it at once (我的 → 修改密码).`,
      );
  } else {
    const problems = Object.entries(result.fieldErrors ?? {}).map(([field, codes]) => `${field}: ${codes?.join(", ")}`);
    console.error(`Not created (${result.code}${problems.length ? `; ${problems.join("; ")}` : ""}).`);
    code = 1;
  }
} catch (e) {
  console.error((e as Error).message);
  code = 1;
} finally {
  await closeDb().catch(() => {});
}
process.exit(code);
