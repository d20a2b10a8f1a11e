import { randomBytes, randomInt } from "node:crypto";

/** A receipt code a person can read out: 10 characters without look-alikes, in groups of 5. */
export function newReceipt(): string {
  const alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
  const bytes = randomBytes(10);
  const code = Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("");
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** A receipt as typed: any case, with or without the dash and spaces; at most the code's length. */
export function normaliseReceipt(typed: string): string {
  const bare = typed
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, "")
    .slice(0, 10);
  return bare.length > 5 ? `${bare.slice(0, 5)}-${bare.slice(5)}` : bare;
}

/** Fisher–Yates with the system's cryptographic randomness: the order it leaves says nothing. */
export function shuffle<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
