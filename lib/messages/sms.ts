import type { SmsTemplate } from "@/vocabulary/messages";
import type { Locale } from "./texts";

/** One text message: who gets it, which approved template, the template's values, the language. */
export interface SmsMessage {
  /** A mainland mobile number, 11 digits (each provider writes it its own way). */
  to: string;
  template: SmsTemplate;
  params: Record<string, string>;
  locale: Locale;
  /**
   * The delivery it carries out, when it is one: the outbox keeps one message per delivery however
   * often a send is retried; the providers get it back with their receipt.
   */
  deliveryId?: string;
}

/** Sent, or why not: a provider's refusal or a network failure is an answer, never a throw. */
export type SmsResult = { ok: true; id: string | null } | { ok: false; error: string };

/** Where text messages go: the outbox, Aliyun or Tencent Cloud, chosen by SMS_PROVIDER. */
export interface SmsProvider {
  readonly name: "outbox" | "aliyun" | "tencent";
  send(message: SmsMessage): Promise<SmsResult>;
}

/** What a real provider needs beyond its keys: the approved sign name and template ids. */
export interface ProviderTemplates {
  signName: string;
  templates: Record<SmsTemplate, string>;
}

/** The values in the order a positional template (Tencent's {1}, {2}) expects them. */
export const PARAM_ORDER: Record<SmsTemplate, readonly string[]> = {
  signup_code: ["code", "minutes"],
  signup_existing: [],
  reset_code: ["code", "minutes"],
  reset_no_account: [],
  phone_change_code: ["code", "minutes"],
  waitlist_promoted: ["item", "festival"],
  claim_lapsing: ["title", "time"],
  claim_lapsed: ["title"],
  shift_reminder: ["shift", "time"],
  item_reminder: ["item", "time", "venue"],
  match_reminder: ["item", "round", "time", "venue", "table"],
  slot_moved: ["item", "time", "venue"],
  voting_opens: ["festival", "time"],
  voting_closes: ["festival", "time"],
  broadcast: ["text"],
};

export const failureText = (e: unknown) =>
  (e instanceof Error ? e.message : String(e)).replace(/\s+/g, " ").slice(0, 300) || "unknown error";
