// The text messages Linli sends, and what a one-time code is for: client-safe, no Drizzle.

/** Each kind of text message; a real provider has one approved template per kind. */
export const SMS_TEMPLATES = [
  "signup_code",
  "signup_existing",
  "reset_code",
  "reset_no_account",
  "phone_change_code",
] as const;
export type SmsTemplate = (typeof SMS_TEMPLATES)[number];

export const CODE_PURPOSES = ["sign_up", "reset_password", "change_phone"] as const;
export type CodePurpose = (typeof CODE_PURPOSES)[number];
