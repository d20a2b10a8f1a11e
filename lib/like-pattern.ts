/**
 * A LIKE / ILIKE pattern that finds `text` anywhere, taken literally: "%", "_" and the escape
 * character "\" in what someone typed match only themselves (Postgres escapes with "\" by default).
 */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
