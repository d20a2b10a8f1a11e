import "server-only";
import { outboxMessages } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import type { SmsMessage, SmsProvider, SmsResult } from "./sms";
import { smsText } from "./texts";

/**
 * The default provider: nothing leaves the server. Each message is kept, in its recipient's
 * language, for the admins (/dashboard/messages), and written to the server log.
 */
export function outboxProvider(db: DbOrTx): SmsProvider {
  return {
    name: "outbox",
    async send(message: SmsMessage): Promise<SmsResult> {
      const text = smsText(message.template, message.params, message.locale);
      try {
        const [row] = await db
          .insert(outboxMessages)
          .values({ recipient: message.to, template: message.template, locale: message.locale, text })
          .returning({ id: outboxMessages.id });
        console.info(`[linli] SMS (outbox) to ${message.to}: ${text}`);
        return { ok: true, id: row.id };
      } catch (e) {
        return { ok: false, error: e instanceof Error ? e.message : String(e) };
      }
    },
  };
}
