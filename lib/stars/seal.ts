import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { getAuthSecret } from "@/lib/auth/secret";

// A ballot's choice, readable by the voter's own page and by nobody reading the database: the
// ballot row keeps it sealed with a key derived from the server's secret, and the votes that are
// counted carry only a receipt code. A new secret leaves old ballots counted but unreadable.

const key = () => Buffer.from(hkdfSync("sha256", getAuthSecret(), "linli", "neighbourhood-star ballots", 32));

export interface SealedChoice {
  receipt: string;
  candidateIds: string[];
}

export function seal(choice: SealedChoice): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(choice), "utf8"), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString("base64url")).join(".");
}

export function unseal(sealed: string): SealedChoice | null {
  try {
    const [iv, tag, body] = sealed.split(".").map((p) => Buffer.from(p, "base64url"));
    const decipher = createDecipheriv("aes-256-gcm", key(), iv);
    decipher.setAuthTag(tag);
    return JSON.parse(Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8"));
  } catch {
    return null;
  }
}

/** A receipt code a person can read out: 10 characters without look-alikes, in groups of 5. */
export function newReceipt(): string {
  const alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
  const bytes = randomBytes(10);
  const code = Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("");
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}
