/** Client-safe: how a household code is typed and printed. */
export function normaliseHouseholdCode(input: string): string {
  return input.toUpperCase().replace(/[\s\-_]/g, "");
}

export function formatHouseholdCode(code: string): string {
  return code.length === 8 ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
}
