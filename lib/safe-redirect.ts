/** Only paths on this site are followed after signing in: never another origin. */
export function safeCallbackPath(value: string | null | undefined, fallback = "/me"): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return value;
}
