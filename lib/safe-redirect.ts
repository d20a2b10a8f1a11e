/** Only paths on this site are followed after signing in: never another origin. */
export function safeCallbackPath(value: string | null | undefined, fallback = "/me"): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return value;
}

/** Where someone lands after signing in when no page asked for them: staff at their work. */
export function landingPath(roles: readonly string[] | null | undefined): string {
  return roles?.some((r) => r === "organiser" || r === "admin") ? "/dashboard" : "/me";
}
