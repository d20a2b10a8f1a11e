// Client-safe: the sign-in form imports it too.

/** Stands in for this site's origin: a path is followed only if it resolves under it. */
const HERE = "https://linli.invalid";
// C0 and C1 control characters, DEL and the backslash: browsers drop tabs and newlines from a URL
// and read a backslash as a slash, so "/\t/evil.example" and "/\\evil.example" become "//evil.example".
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\\]/;

/** Decodes what decodes where the whole does not: ASCII escapes and the UTF-8 form of C1 controls. */
const decodeLoosely = (text: string) =>
  text.replace(/%[0-7][0-9a-f]|%c2%[89][0-9a-f]/gi, (escape) => decodeURIComponent(escape));

/** The text percent-decoded until nothing changes, so an encoded "%09" ("%2509") is seen as a tab. */
function decoded(value: string): string {
  let current = value;
  for (let i = 0; i < 5; i++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      next = decodeLoosely(current);
    }
    if (next === current) break;
    current = next;
  }
  return current;
}

/**
 * Only paths on this site are followed after signing in, never another origin: the value must be
 * a path ("/…"), free of control characters and backslashes however it is encoded, and must still
 * name this site once resolved the way a browser resolves it. Returns the resolved path.
 */
export function safeCallbackPath(value: string | null | undefined, fallback = "/me"): string {
  if (!value || value.length > 2048 || !value.startsWith("/")) return fallback;
  const plain = decoded(value);
  if (UNSAFE.test(value) || UNSAFE.test(plain) || plain.startsWith("//")) return fallback;
  let url: URL;
  try {
    url = new URL(value, HERE);
  } catch {
    return fallback;
  }
  if (url.origin !== HERE || url.username || url.password) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith("//") ? fallback : path;
}

/** Where someone lands after signing in when no page asked for them: staff at their work. */
export function landingPath(roles: readonly string[] | null | undefined): string {
  return roles?.some((r) => r === "organiser" || r === "admin") ? "/dashboard" : "/me";
}
