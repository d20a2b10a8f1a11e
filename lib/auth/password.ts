import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from "node:crypto";
import { env, envFrom, PRODUCTION_SCRYPT_N, TEST_SCRYPT_N_MIN, type EnvSource } from "@/env";

export { PRODUCTION_SCRYPT_N };

// scrypt with N=2^17 (kept in env.ts beside the test cost's rule), r=8, p=1 (OWASP); 128·N·r bytes = 128
// MiB, so maxmem is raised.
const R = 8;
const P = 1;
const KEY_LEN = 32;
const MAXMEM = 256 * 1024 * 1024;

/**
 * The scrypt cost new hashes get: N=2^17, unless the test suite sets LINLI_TEST_SCRYPT_N (a power of
 * two from 2^10 up) so that tests not about hashing do not spend most of their time on it. Set
 * anywhere else, the variable is refused with an error, so a server never hashes at the low cost
 * (env.ts states the rule; instrumentation.ts checks it at start-up).
 */
export function scryptCost(source?: EnvSource): number {
  return (source ? envFrom(source) : env).LINLI_TEST_SCRYPT_N ?? PRODUCTION_SCRYPT_N;
}

/** The lowest N a stored hash may carry to be checked at all: outside tests, the production cost. */
function lowestAcceptedN(): number {
  return env.testRun ? TEST_SCRYPT_N_MIN : PRODUCTION_SCRYPT_N;
}

function scrypt(password: string, salt: Buffer, keyLen: number, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(password.normalize("NFKC"), salt, keyLen, opts, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** Returns "scrypt$N$r$p$salt$hash" (base64), so parameters can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const N = scryptCost();
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEY_LEN, { N, r: R, p: P, maxmem: MAXMEM });
  return ["scrypt", N, R, P, salt.toString("base64"), key.toString("base64")].join("$");
}

/** Checks a password against a stored hash, at the parameters the hash carries. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, saltB64, keyB64] = stored.split("$");
  if (scheme !== "scrypt" || !saltB64 || !keyB64) return false;
  const [N, rr, pp] = [Number(n), Number(r), Number(p)];
  if (![N, rr, pp].every((x) => Number.isInteger(x) && x > 0)) return false;
  // A hash cheaper than the production cost is never trusted by a server (only inside the test suite).
  if (N < lowestAcceptedN()) return false;
  const expected = Buffer.from(keyB64, "base64");
  const key = await scrypt(password, Buffer.from(saltB64, "base64"), expected.length, {
    N,
    r: rr,
    p: pp,
    maxmem: MAXMEM,
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

let dummyHash: Promise<string> | undefined;
/** Spends the time of a real check, so a missing phone number answers as slowly as a wrong password. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword("linli-dummy-password");
  await verifyPassword(password, await dummyHash);
  return false;
}
