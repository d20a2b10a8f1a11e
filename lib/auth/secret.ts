import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { env } from "@/env";

let cached: string | undefined;

/**
 * NEXTAUTH_SECRET signs the session tokens. Without it (a first run on a laptop) one is made
 * once and kept in .data/, with a warning: production must set its own.
 */
export function getAuthSecret(): string {
  if (cached) return cached;
  if (env.NEXTAUTH_SECRET) return (cached = env.NEXTAUTH_SECRET);
  const file = path.join(process.cwd(), ".data", "nextauth-secret");
  try {
    cached = fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
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
