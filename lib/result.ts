/** Stable error codes; the UI translates them (messages: errors.<code>). */
export type ErrorCode =
  | "invalid"
  | "forbidden"
  | "unauthenticated"
  | "not_found"
  | "invalid_credentials"
  | "throttled"
  | "code_too_soon"
  | "sms_failed"
  | "phone_unconfirmed"
  | "account_disabled"
  | "household_code_invalid"
  | "household_vote_cast"
  | "household_unverified"
  | "already_verified"
  | "wrong_password"
  | "import_has_errors"
  | "file_type"
  | "file_unreadable"
  | "file_too_large"
  | "cannot_change_self"
  | "stale_version"
  | "venue_taken"
  | "venue_in_use"
  | "registration_closed"
  | "already_registered"
  | "not_pending"
  | "item_full"
  | "not_accepted"
  | "already_in_programme"
  | "shift_clash"
  | "shift_full"
  | "rules_locked"
  | "category_in_use"
  | "not_verified"
  | "nomination_closed"
  | "already_nominated"
  | "nomination_cap"
  | "voting_closed"
  | "already_voted"
  | "household_required"
  | "voting_not_closed"
  | "already_published"
  | "wish_taken"
  | "claim_cap"
  | "wish_not_editable"
  | "insufficient_points"
  | "points_to_self"
  | "withdraw_limit"
  | "draw_made"
  | "draw_locked"
  | "too_few_entrants"
  | "no_legal_pairing"
  | "match_not_ready"
  | "result_depends"
  | "round_unfinished"
  | "rounds_complete"
  | "not_drawn"
  | "round_overlap"
  | "already_member";

export type FieldErrors = Record<string, string[] | undefined>;

export type Result<T = undefined> = { ok: true; data: T } | { ok: false; code: ErrorCode; fieldErrors?: FieldErrors };

export const ok = <T>(data: T): Result<T> => ({ ok: true, data });
export const fail = (
  code: ErrorCode,
  fieldErrors?: FieldErrors,
): { ok: false; code: ErrorCode; fieldErrors?: FieldErrors } =>
  fieldErrors ? { ok: false, code, fieldErrors } : { ok: false, code };
