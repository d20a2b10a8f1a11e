import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { getActor } from "@/lib/auth/session";
import { register, updateRegistration } from "@/lib/registrations/service";
import { NO_STORE, readJson } from "@/lib/http";

// The registration forms send their answers here as JSON (the same union schema the form used);
// the answer is the service's result: the status and waiting-list place, or translated codes.

const STATUS: Record<string, number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  invalid: 422,
  registration_closed: 409,
  already_registered: 409,
  not_pending: 409,
  stale_version: 409,
};

async function handle(req: Request, run: typeof register | typeof updateRegistration) {
  const read = await readJson(req);
  if (!read.ok) return read.response;
  const result = await run(await getDb(), await getActor(), read.body);
  if (result.ok) revalidatePath("/[locale]/me", "page");
  return Response.json(result, { status: result.ok ? 200 : (STATUS[result.code] ?? 400), headers: NO_STORE });
}

/** Registers the signed-in resident (or a household member). */
export const POST = (req: Request) => handle(req, register);

/** Changes a pending registration's answers. */
export const PUT = (req: Request) => handle(req, updateRegistration);
