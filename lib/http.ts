// Reading the JSON body of a form's request: only JSON (a page on another site cannot send that
// without the browser asking first), and never more than a form could hold.

export const NO_STORE = { "cache-control": "private, no-store" };

const MAX_BYTES = 64 * 1024;

/** The parsed body, or the answer to send instead (415 not JSON, 413 too large, 400 unreadable). */
export async function readJson(req: Request): Promise<{ ok: true; body: unknown } | { ok: false; response: Response }> {
  const refuse = (status: number) => ({ ok: false as const, response: Response.json({ ok: false, code: "invalid" }, { status, headers: NO_STORE }) });
  if (!req.headers.get("content-type")?.startsWith("application/json")) return refuse(415);
  if (Number(req.headers.get("content-length") ?? 0) > MAX_BYTES) return refuse(413);
  const text = await req.text();
  if (Buffer.byteLength(text) > MAX_BYTES) return refuse(413);
  try {
    return { ok: true, body: JSON.parse(text) };
  } catch {
    return refuse(400);
  }
}
