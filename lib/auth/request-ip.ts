type HeaderBag = Headers | Record<string, string | string[] | undefined> | undefined;

function header(headers: HeaderBag, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** The client's address as the nearest proxy reports it (the first X-Forwarded-For entry). */
export function clientIp(headers: HeaderBag): string {
  const fwd = header(headers, "x-forwarded-for");
  const ip = fwd?.split(",")[0]?.trim() || header(headers, "x-real-ip")?.trim();
  return ip ? ip.replace(/^::ffff:/, "").slice(0, 64) : "unknown";
}
