/** Names typed one per line, or separated by commas (either width) or the Chinese enumeration comma. */
export function splitPeople(text: string): string[] {
  return text
    .split(/\n|,|\uFF0C|\u3001/)
    .map((p) => p.trim())
    .filter(Boolean);
}
