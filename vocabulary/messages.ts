// The text messages Linli sends, and what a one-time code is for: client-safe, no Drizzle.

/** Each kind of text message; a real provider has one approved template per kind. */
export const SMS_TEMPLATES = [
  "signup_code",
  "signup_existing",
  "reset_code",
  "reset_no_account",
  "phone_change_code",
  "waitlist_promoted",
  "claim_lapsing",
  "claim_lapsed",
  "shift_reminder",
  "item_reminder",
  "match_reminder",
  "slot_moved",
  "voting_opens",
  "voting_closes",
  "broadcast",
] as const;
export type SmsTemplate = (typeof SMS_TEMPLATES)[number];

export const CODE_PURPOSES = ["sign_up", "reset_password", "change_phone"] as const;
export type CodePurpose = (typeof CODE_PURPOSES)[number];

/**
 * What a person chooses to get by text message as well as in the app, topic by topic. Codes for
 * signing up, resetting a password or changing a number always go by text: they are not topics.
 */
export const MESSAGE_TOPICS = ["waitlist", "claims", "reminders", "changes", "voting", "broadcasts"] as const;
export type MessageTopic = (typeof MESSAGE_TOPICS)[number];

/**
 * Whether a topic comes by text message until the person says otherwise. What is about their own
 * place, claim or time is on; the vote's dates are for those who ask. Nothing is marketing.
 */
export const SMS_TOPIC_DEFAULTS: Record<MessageTopic, boolean> = {
  waitlist: true,
  claims: true,
  reminders: true,
  changes: true,
  voting: false,
  broadcasts: true,
};

/**
 * A text message's way through the delivery log: queued (its time has come or is near), held
 * (quiet hours: sent in the morning), sending, sent, retrying after a provider's refusal, failed
 * after the last try, or skipped (turned off since, no longer true, or over the day's cap).
 */
export const DELIVERY_STATUSES = ["queued", "held", "sending", "sent", "retrying", "failed", "skipped"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const SKIP_REASONS = ["turned_off", "daily_cap", "no_longer_true", "account_closed"] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

export const MESSAGE_LOCALES = ["zh-CN", "en"] as const;

/** Whom an organiser's message goes to. */
export const AUDIENCE_KINDS = ["role", "item", "shift", "building", "volunteers"] as const;
export type AudienceKind = (typeof AUDIENCE_KINDS)[number];

export const BROADCAST_STATUSES = ["scheduled", "sent", "cancelled"] as const;
export type BroadcastStatus = (typeof BROADCAST_STATUSES)[number];

/** An organiser's message: long enough to say what changed, short enough to read on a phone. */
export const BROADCAST_MAX = 500;
/** What of it a text message carries (providers cap a template value; the rest is in the app). */
export const BROADCAST_SMS_MAX = 60;
