import { getDb } from "@/db";
import { getActor } from "@/lib/auth/session";
import { castBallot } from "@/lib/stars/service";
import { NO_STORE, readJson } from "@/lib/http";

// A Neighbourhood Star ballot, sent as JSON ({ festivalSlug, categoryId, candidateIds }); the
// answer is the service's result: the receipt code, or a translated code. A ballot is final, so
// a second one answers 409 already_voted.

const STATUS: Record<string, number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  already_voted: 409,
  voting_closed: 409,
  invalid: 422,
  not_verified: 422,
  household_required: 422,
};

/** Casts the signed-in resident's ballot in one category. */
export async function POST(req: Request) {
  const read = await readJson(req);
  if (!read.ok) return read.response;
  const result = await castBallot(await getDb(), await getActor(), read.body);
  return Response.json(result, { status: result.ok ? 200 : (STATUS[result.code] ?? 400), headers: NO_STORE });
}
