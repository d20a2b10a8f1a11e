/** Filters as an address query, without the empty ones (and without page 1). */
export function addressQuery<F extends object>(f: Partial<F>, over: Partial<F> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...f, ...over }))
    if (v !== undefined && v !== null && v !== "" && !(k === "page" && v === 1)) q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : "";
}
