import "server-only";
import { eq } from "drizzle-orm";
import { outboxMessages } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import type { SmsMessage, SmsProvider, SmsResult } from "./sms";
import { env } from "@/env";
import { smsSign, smsText } from "./texts";

/**
 * The default provider: nothing leaves the server. Each message is kept, in its recipient's
 * language, for the admins (/dashboard/messages/outbox), and written to the server log.
 */
export function outboxProvider(db: DbOrTx): SmsProvider {
  return {
    name: "outbox",
    async send(message: SmsMessage): Promise<SmsResult> {
      const text =
        smsSign(env.SMS_SIGN_NAME, message.locale) + smsText(message.template, message.params, message.locale);
      try {
        const [row] = await db
          .insert(outboxMessages)
          .values({
            recipient: message.to,
            template: message.template,
            locale: message.locale,
            text,
            deliveryId: message.deliveryId ?? null,
          })
          .onConflictDoNothing({ target: outboxMessages.deliveryId })
          .returning({ id: outboxMessages.id });
        if (!row && message.deliveryId) {
          // A retry of a send that went out before the server stopped: the message is there already.
          const [kept] = await db
            .select({ id: outboxMessages.id })
            .from(outboxMessages)
            .where(eq(outboxMessages.deliveryId, message.deliveryId));
          return { ok: true, id: kept.id };
        }
        console.info(`[linli] SMS (outbox) to ${message.to}: ${text}`);
        return { ok: true, id: row.id };
      } catch (e) {
        return { ok: false, error: e instanceof Error ? e.message : String(e) };
      }
    },
  };
}
