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
] as const;
export type SmsTemplate = (typeof SMS_TEMPLATES)[number];

export const CODE_PURPOSES = ["sign_up", "reset_password", "change_phone"] as const;
export type CodePurpose = (typeof CODE_PURPOSES)[number];

/**
 * What a person chooses to get by text message as well as in the app, topic by topic. Codes for
 * signing up, resetting a password or changing a number always go by text: they are not topics.
 */
export const MESSAGE_TOPICS = ["waitlist", "claims"] as const;
export type MessageTopic = (typeof MESSAGE_TOPICS)[number];

/** A topic's text messages are on until the person turns them off (nothing is marketing). */
export const SMS_TOPIC_DEFAULTS: Record<MessageTopic, boolean> = { waitlist: true, claims: true };

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
