import { getDb } from "@/db";
import { getActor } from "@/lib/auth/session";
import { castBallot } from "@/lib/stars/service";
import { readJson, respond } from "@/lib/http";

// A Neighbourhood Star ballot, sent as JSON ({ festivalSlug, categoryId, candidateIds }); the
// answer is the service's result: the receipt code, or a translated code. A ballot is final, so
// a second one answers 409 already_voted.

/** Casts the signed-in resident's ballot in one category. */
export async function POST(req: Request) {
  const read = await readJson(req);
  if (!read.ok) return read.response;
  const result = await castBallot(await getDb(), await getActor(), read.body);
  return respond(result);
}
