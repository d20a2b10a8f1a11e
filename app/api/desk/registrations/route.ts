import { getDb } from "@/db";
import { getActor } from "@/lib/auth/session";
import { registerAtDesk } from "@/lib/registrations/desk";
import { readJson, respond } from "@/lib/http";
import { renew } from "@/lib/cache/invalidation";

// The desk's registration forms send their answers here: the same union as online, plus who is
// being registered. Only organisers get past the service.

export async function POST(req: Request) {
  const read = await readJson(req);
  if (!read.ok) return read.response;
  const result = await registerAtDesk(await getDb(), await getActor(), read.body);
  if (result.ok) await renew("registrationChanged");
  return respond(result);
}
