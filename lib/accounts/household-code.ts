import { randomInt } from "node:crypto";

// No 0/O, 1/I/L: codes are typed by elderly residents from a printed slip.
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const CODE_LENGTH = 8;

export function generateHouseholdCode(): string {
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

export { formatHouseholdCode, normaliseHouseholdCode } from "./household-code-format";
