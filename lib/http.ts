// The route handlers' side of the edge: reading a form's request (only JSON, which a page on
// another site cannot send without the browser asking first, or a same-origin multipart form, and
// never more than a form could hold), and answering with a service's Result.

import type { ErrorCode, Result } from "./result";

export const NO_STORE = { "cache-control": "private, no-store" };

/**
 * The one HTTP status for each refusal, so every route answers the same code the same way: who
 * you are (401), what you may do (403), what does not exist (404), what the form got wrong (422),
 * and what the state of things no longer allows (409). A new code has to be placed here.
 */
const STATUS_OF: Record<ErrorCode, number> = {
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  not_verified: 403,
  account_disabled: 403,
  not_found: 404,
  throttled: 429,
  withdraw_limit: 429,
  code_too_soon: 429,
  sms_failed: 503,
  phone_unconfirmed: 403,
  invalid: 422,
  household_required: 422,
  household_code_invalid: 422,
  household_unverified: 403,
  household_vote_cast: 409,
  wrong_password: 422,
  import_has_errors: 422,
  file_type: 415,
  file_unreadable: 422,
  file_too_large: 413,
  cannot_change_self: 409,
  already_verified: 409,
  stale_version: 409,
  venue_taken: 409,
  venue_in_use: 409,
  registration_closed: 409,
  already_registered: 409,
  not_pending: 409,
  item_full: 409,
  not_accepted: 409,
  already_in_programme: 409,
  shift_clash: 409,
  shift_full: 409,
  rules_locked: 409,
  category_in_use: 409,
  nomination_closed: 409,
  already_nominated: 409,
  nomination_cap: 409,
  voting_closed: 409,
  already_voted: 409,
  voting_not_closed: 409,
  already_published: 409,
  wish_taken: 409,
  claim_cap: 409,
  wish_not_editable: 409,
  insufficient_points: 409,
  points_to_self: 409,
  draw_made: 409,
  draw_locked: 409,
  too_few_entrants: 409,
  no_legal_pairing: 409,
  match_not_ready: 409,
  result_depends: 409,
  round_unfinished: 409,
  rounds_complete: 409,
  not_drawn: 409,
  round_overlap: 409,
  already_member: 409,
  patrol_not_today: 409,
  patrol_started: 409,
  patrol_not_started: 409,
  patrol_ended: 409,
  training_held: 409,
  training_cancelled: 409,
  reward_round_recorded: 409,
  reward_round_draft: 409,
  reward_round_handed: 409,
  reward_round_no_bands: 409,
};

export const httpStatusOf = (code: ErrorCode): number => STATUS_OF[code] ?? 400;

/** A service's result as a route's answer: the result itself as the body, never stored by a cache. */
export const respond = (result: Result<unknown>): Response =>
  Response.json(result, { status: result.ok ? 200 : httpStatusOf(result.code), headers: NO_STORE });

const MAX_BYTES = 64 * 1024;

/** The parsed body, or the answer to send instead (415 not JSON, 413 too large, 400 unreadable). */
export async function readJson(req: Request): Promise<{ ok: true; body: unknown } | { ok: false; response: Response }> {
  const refuse = (status: number) => ({
    ok: false as const,
    response: Response.json({ ok: false, code: "invalid" }, { status, headers: NO_STORE }),
  });
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

/** A photo up to 2 MB and a form's text fields, with room for the multipart framing. */
export const MAX_PHOTO_FORM = 2 * 1024 * 1024 + 64 * 1024;

/**
 * A multipart form can be sent from any site without the browser asking first (unlike JSON), so
 * the request must say it comes from this origin.
 */
export function sameOrigin(req: Request): boolean {
  const site = req.headers.get("sec-fetch-site");
  if (site && site !== "same-origin") return false;
  const origin = req.headers.get("origin");
  if (!origin) return site === "same-origin";
  try {
    return new URL(origin).host === (req.headers.get("x-forwarded-host") ?? req.headers.get("host"));
  } catch {
    return false;
  }
}

/** Reads the body, giving up as soon as it passes the limit (a missing or false length does not help). */
async function readBounded(req: Request, max: number): Promise<Uint8Array | null> {
  if (Number(req.headers.get("content-length") ?? 0) > max) return null;
  if (!req.body) return new Uint8Array();
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * A same-origin multipart form with an optional photo: the form, or the answer to send instead
 * (403 another site, 415 not multipart, 413 too large, 400 unreadable).
 */
export async function readPhotoForm(
  req: Request,
  max = MAX_PHOTO_FORM,
): Promise<{ ok: true; form: FormData; photo: Buffer | null } | { ok: false; response: Response }> {
  const answer = (status: number, body: unknown) => ({
    ok: false as const,
    response: Response.json(body, { status, headers: NO_STORE }),
  });
  if (!sameOrigin(req)) return answer(403, { ok: false, code: "forbidden" });
  const type = req.headers.get("content-type") ?? "";
  if (!type.startsWith("multipart/form-data")) return answer(415, { ok: false, code: "invalid" });
  const body = await readBounded(req, max);
  if (!body) return answer(413, { ok: false, code: "invalid", fieldErrors: { photo: ["photo_too_large"] } });
  let form: FormData;
  try {
    form = await new Response(body as BodyInit, { headers: { "content-type": type } }).formData();
  } catch {
    return answer(400, { ok: false, code: "invalid" });
  }
  const file = form.get("photo");
  const photo = file instanceof File && file.size > 0 ? Buffer.from(await file.arrayBuffer()) : null;
  return { ok: true, form, photo };
}

/** A text field of a form, or undefined when it is missing or a file. */
export const formText = (fd: FormData, key: string) => {
  const v = fd.get(key);
  return typeof v === "string" ? v : undefined;
};
