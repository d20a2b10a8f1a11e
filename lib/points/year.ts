/** The year the ledger files an entry under now. */
export const currentYear = (now = new Date()) => now.getUTCFullYear();

/** A year from an address (`?year=2025`), or this year when it is missing or not a plausible year. */
export function parseYear(value: unknown, now = new Date()): number {
  const y = typeof value === "string" && /^\d{4}$/.test(value) ? Number(value) : NaN;
  return y >= 2000 && y <= currentYear(now) + 1 ? y : currentYear(now);
}
