import { getDb } from "@/db";
import { getActor } from "@/lib/auth/session";
import { countUnread } from "@/lib/registrations/queries";

/** The header's unread-notification count (pages stay cacheable; the header asks after load). */
export async function GET() {
  const actor = await getActor();
  const count = actor ? await countUnread(await getDb(), actor.id) : 0;
  return Response.json({ count }, { headers: { "cache-control": "private, no-store" } });
}
