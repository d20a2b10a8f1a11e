import { getDb } from "@/db";
import { getActor } from "@/lib/auth/session";
import { claimWish } from "@/lib/wishes/service";
import { readJson, respond } from "@/lib/http";

// A volunteer claims a wish, sent as JSON ({ wishId }). The answer is the service's result: the
// claim and when it lapses, or a translated code — 409 wish_taken when someone else was first,
// 409 claim_cap when the volunteer already holds as many wishes as they may.

export async function POST(req: Request) {
  const read = await readJson(req);
  if (!read.ok) return read.response;
  const body = read.body as { wishId?: unknown } | null;
  const result = await claimWish(
    await getDb(),
    await getActor(),
    body && typeof body === "object" ? body.wishId : undefined,
  );
  return respond(result);
}
