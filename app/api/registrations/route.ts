import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { getActor } from "@/lib/auth/session";
import { register, updateRegistration } from "@/lib/registrations/service";

// The registration forms send their answers here as JSON (the same union schema the form used);
// the answer is the service's result: the status and waiting-list place, or translated codes.

const STATUS: Record<string, number> = { unauthenticated: 401, forbidden: 403, not_found: 404, invalid: 422, registration_closed: 409, already_registered: 409, not_pending: 409, stale_version: 409 };

async function handle(req: Request, run: typeof register | typeof updateRegistration) {
  // Only JSON: a page on another site cannot send that without the browser asking first.
  if (!req.headers.get("content-type")?.startsWith("application/json")) return Response.json({ ok: false, code: "invalid" }, { status: 415 });
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    return Response.json({ ok: false, code: "invalid" }, { status: 400 });
  }
  const result = await run(await getDb(), await getActor(), body);
  if (result.ok) revalidatePath("/[locale]/me", "page");
  return Response.json(result, { status: result.ok ? 200 : (STATUS[result.code] ?? 400), headers: { "cache-control": "private, no-store" } });
}

/** Registers the signed-in resident (or a household member). */
export const POST = (req: Request) => handle(req, register);

/** Changes a pending registration's answers. */
export const PUT = (req: Request) => handle(req, updateRegistration);
