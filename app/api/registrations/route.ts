import { getDb } from "@/db";
import { getActor } from "@/lib/auth/session";
import { register, updateRegistration } from "@/lib/registrations/service";
import { readJson, respond } from "@/lib/http";
import { renew } from "@/lib/cache/invalidation";

// The registration forms send their answers here as JSON (the same union schema the form used);
// the answer is the service's result: the status and waiting-list place, or translated codes.

async function handle(req: Request, run: typeof register | typeof updateRegistration) {
  const read = await readJson(req);
  if (!read.ok) return read.response;
  const result = await run(await getDb(), await getActor(), read.body);
  if (result.ok) await renew("registrationChanged");
  return respond(result);
}

/** Registers the signed-in resident (or a household member). */
export const POST = (req: Request) => handle(req, register);

/** Changes a pending registration's answers. */
export const PUT = (req: Request) => handle(req, updateRegistration);
