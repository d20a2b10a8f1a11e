import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { env } from "@/env";

let cached: string | undefined;

/** Where the demo's generated secret is kept: beside the app, never inside the database's folder. */
export const secretFile = () => path.join(process.cwd(), ".secrets", "nextauth-secret");
/** Where earlier versions kept it, inside .data/ with the database (and so in its backups). */
const formerFile = () => path.join(process.cwd(), ".data", "nextauth-secret");

/**
 * NEXTAUTH_SECRET signs the session tokens. Without it (the demo, a first run on a laptop) one is
 * made once and kept in .secrets/, with a warning: production must set its own (env.ts refuses
 * to start without it). A secret in the database's folder would travel with every copy of the
 * data, so one found at the old place is moved out.
 */
export function getAuthSecret(): string {
  if (cached) return cached;
  if (env.NEXTAUTH_SECRET) return (cached = env.NEXTAUTH_SECRET);
  const file = secretFile();
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  if (!fs.existsSync(file) && fs.existsSync(formerFile())) {
    try {
      fs.renameSync(formerFile(), file);
    } catch {
      // Another process moved it first, or .data/ is on another disk: it is read or made below.
    }
  }
  try {
    cached = fs.readFileSync(file, "utf8").trim();
  } catch {
    const fresh = randomBytes(32).toString("base64url");
    try {
      fs.writeFileSync(file, fresh, { flag: "wx", mode: 0o600 });
      cached = fresh;
    } catch {
      cached = fs.readFileSync(file, "utf8").trim(); // another process wrote it first
    }
  }
  console.warn(`[linli] NEXTAUTH_SECRET is not set: using the one kept in ${file}. Set NEXTAUTH_SECRET in production.`);
  // next-auth reads the variable itself.
  process.env.NEXTAUTH_SECRET = cached;
  return cached;
}
